"""End to end: a request queued at the kiosk reaches the real hub (its own process, on
loopback), the kiosk's heartbeat tells the hub its health, an agent's decision is written in
the hub's database, the next heartbeat brings it back, and a citizen who types the reference
with real taps sees and hears it; the tracking page of the receipt's QR code agrees.

Runs against the back office's /v1 endpoints and the `running_hub` fixture (the hub's own
process, tests/running_hub.py), both from the intake branch: until they are merged, this
module is skipped, saying so.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from datetime import UTC, datetime

import pytest
import requests

from kiosk import __version__
from offline_cache.protocol import reference_for, tracking_url

pytest.importorskip("running_hub", reason="needs the real hub's process helper "
                    "(tests/running_hub.py, from the intake branch)")

MESSAGE = "Votre copie est prête. Venez la chercher à l'accueil de la mairie."


@pytest.fixture
def kiosk_config(make_config, running_hub):
    """The gui fixtures' kiosk, on the real hub, with heartbeats every 5 s (the least)."""
    return make_config(hub__url=running_hub.url, printer__kind="pdf",
                       sync__interval_seconds=5)


def eventually(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not true after {timeout} s"
        time.sleep(0.05)


def agent_closes(hub_dir, client_id: str, message: str) -> None:
    """What an agent's "Traitée" does in the hub's database (its pages are another branch's);
    Django keeps SQLite UUIDs as 32 hex digits and datetimes as UTC text."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    db = sqlite3.connect(hub_dir / "hub.sqlite3", timeout=20)
    try:
        with db:
            changed = db.execute(
                "UPDATE intake_submission SET state = 'done', citizen_message = ?, "
                "state_changed_at = ?, closed_at = ? WHERE uuid = ?",
                (message, now, now, uuid.UUID(client_id).hex)).rowcount
    finally:
        db.close()
    assert changed == 1


def test_a_state_set_in_the_back_office_reaches_the_kiosks_tracking_screen(
        qtbot, window, citizen, running_hub):
    client_id = str(uuid.uuid4())
    reference = reference_for(client_id)
    window.services.enqueue("acte-naissance", "commune-etat-civil",
                            {"client_id": client_id, "language": "fr",
                             "answers": {"nom": "Martin", "prenoms": "Jeanne"}})
    eventually(lambda: client_id in running_hub.uuids(), timeout=20)
    agent_closes(running_hub.data_dir, client_id, MESSAGE)
    states = window.services.states()
    eventually(lambda: states.find(reference) is not None
               and states.find(reference).message == MESSAGE, timeout=20)

    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["fr"])
    citizen.tap(window.comfort.continue_button)
    citizen.tap(window.home.track_button)
    keyboard = window.track.keyboard
    for key in keyboard.taps_for(reference):
        citizen.tap(key)
    citizen.tap(keyboard.done_key)
    qtbot.waitUntil(lambda: window.track.result.isVisible(), timeout=5000)
    assert window.track.state.text() == "Traitée"
    assert f"Message du service : {MESSAGE}" in window.track.details.text()
    assert MESSAGE in window.kiosk.speaker.spoken[-1]

    page = requests.get(tracking_url(running_hub.url, client_id, reference), timeout=10)
    assert page.status_code == 200
    assert 'id="etat"' in page.text and "Traitée" in page.text
    assert "Martin" not in page.text and "Jeanne" not in page.text

    status = next(beat["status"] for beat in running_hub.heartbeats()
                  if beat["kiosk_id"] == "borne-demo-01")  # what the fleet pages read
    assert status["app_version"] == __version__
    assert status["site"] == "Mairie de démonstration"
    assert status["printer"] == "configured"
    assert status["counts"]["sent"] == 1 and "oldest_pending_at" in status
