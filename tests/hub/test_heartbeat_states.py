"""The heartbeat answer carries the kiosk's recent requests' states back, for "Suivre ma
demande" at the kiosk: its own requests only, open or changed in the last 30 days, newest
change first, nothing personal. In-process (pytest-django's client): states are set here."""

from __future__ import annotations

import json
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone
from hub_items import sealed_item

from hub.fleet.models import Kiosk
from hub.intake.models import Submission
from hub.intake.receive import receive_items
from offline_cache.protocol import MAX_STATES, reference_for

DEMO = {"HTTP_AUTHORIZATION": "Bearer demo-token", "HTTP_X_KIOSK_ID": "borne-suivi"}


def beat(client, **headers) -> dict:
    answer = client.post("/v1/heartbeat", data=json.dumps({"counts": {}}),
                         content_type="application/json", **{**DEMO, **headers})
    assert answer.status_code == 200
    return answer.json()


def stored(kiosk_id: str = "borne-suivi", n: int = 1, content: dict | None = None) -> list[str]:
    kiosk, _ = Kiosk.objects.get_or_create(kiosk_id=kiosk_id)
    items = [sealed_item(content) for _ in range(n)]
    assert {r["status"] for r in receive_items(kiosk, items)} == {"stored"}
    return [item["uuid"] for item in items]


def set_state(item_id: str, state: str, message: str = "", days_ago: float = 0) -> None:
    when = timezone.now() - timedelta(days=days_ago)
    Submission.objects.filter(uuid=item_id).update(
        state=state, citizen_message=message, state_changed_at=when,
        closed_at=when if state in ("done", "refused") else None)


@pytest.mark.django_db
def test_a_state_and_message_set_in_the_back_office_reach_the_kiosk_with_nothing_else(client):
    [item_id] = stored(content={"answers": {"nom": "Marqueur-7Q2"}})
    set_state(item_id, "waiting", "Apportez votre livret de famille.")
    [state] = beat(client)["states"]
    assert state.keys() == {"uuid", "reference", "state", "message", "updated_at"}
    assert (state["uuid"], state["reference"], state["state"], state["message"]) == (
        item_id, reference_for(item_id), "waiting", "Apportez votre livret de famille.")
    assert "Marqueur" not in json.dumps(beat(client))


@pytest.mark.django_db
def test_only_the_kiosks_own_requests_open_or_recent_come_back_newest_change_first(client):
    old_open, recent_done, old_done, newest = stored(n=4)
    stored(kiosk_id="borne-voisine")
    set_state(old_open, "in_progress", days_ago=90)
    set_state(recent_done, "done", "C'est fait.", days_ago=3)
    set_state(old_done, "refused", days_ago=31)
    set_state(newest, "new", days_ago=0)
    states = beat(client)["states"]
    assert [s["uuid"] for s in states] == [newest, recent_done, old_open]


@pytest.mark.django_db
def test_at_most_max_states_come_back(client):
    stored(n=MAX_STATES + 5)
    assert len(beat(client)["states"]) == MAX_STATES


@pytest.mark.django_db
def test_a_kiosk_without_requests_gets_an_empty_list(client):
    assert beat(client) == {"protocol": 1, "ok": True, "states": []}


# A database that stops answering mid-request cannot be caused on SQLite from a test without
# breaking the test database itself: these two mock the failure (django.db OperationalError).
# The real fault, PostgreSQL stopped under a running hub, is in test_hub_on_postgres.py.
@pytest.mark.django_db
def test_the_protocol_answers_503_json_when_the_database_is_unreachable(client):
    with mock.patch("hub.intake.views.receive_items",
                    side_effect=OperationalError("connection refused")):
        answer = client.post("/v1/submissions", data=json.dumps({"items": [sealed_item()]}),
                             content_type="application/json", **DEMO)
    assert answer.status_code == 503
    assert answer.json() == {"error": "database unavailable, retry later"}
    assert answer["Retry-After"] == "30"


@pytest.mark.django_db
def test_a_page_says_plainly_in_french_that_the_database_is_unreachable(client):
    client.cookies["sessionid"] = "an-agent-s-session"  # the page reads it from the database
    with mock.patch("django.contrib.sessions.backends.db.SessionStore._get_session_from_db",
                    side_effect=OperationalError("connection refused")):
        answer = client.get("/admin/login/")
    assert answer.status_code == 503
    page = answer.content.decode()
    assert "momentanément indisponible" in page and 'lang="fr"' in page
    assert "Traceback" not in page and "OperationalError" not in page
