"""An old hub's database (written by the old hub's own store code, kept as the library's fake
hub) is taken over by the Django hub: on first start, or by `kiosk-hub takeover PATH`."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import hub_database
from hub_items import heartbeat, post_items, sealed_item
from running_hub import RunningHub

sys.path.insert(0, str(Path(__file__).parent.parent / "offline_cache"))  # the old store code
from fake_hub.store import HubStore

from hub.keys import load_keys

JOURNAL = [{"seq": n, "hash": f"h{n}", "prev": f"h{n - 1}", "event": "unlock"}
           for n in (1, 2, 3)]


def write_old_hub(folder: Path) -> list[dict]:
    """What an old hub held: requests from two kiosks (one by USB), a heartbeat, a journal."""
    folder.mkdir(parents=True)
    store = HubStore(folder / "hub.sqlite3")
    private = load_keys(folder / "keys").seal_private
    network = [sealed_item({"language": "en", "assisted_by": "med-1"}), sealed_item()]
    usb = [sealed_item()]
    assert [r["status"] for r in store.receive("borne-old-01", network, private)] == \
        ["stored"] * 2
    store.receive("borne-old-02", usb, private, source="import")
    store.heartbeat("borne-old-01", {"counts": {"pending": 0, "sent": 2}})
    store.store_journal("borne-old-01", JOURNAL)
    store.close()
    return network + usb


def test_the_first_start_takes_over_everything_and_old_uuids_stay_duplicates(tmp_path):
    items = write_old_hub(tmp_path / "hub")
    hub = RunningHub(tmp_path / "hub")
    hub.start()
    try:
        assert any("3 request(s) and 3 journal entr(ies) taken over" in line
                   for line in hub.process.output)
        rows = {row["uuid"]: row for row in hub.submissions()}
        assert set(rows) == {item["uuid"] for item in items}
        first = rows[items[0]["uuid"]]
        assert (first["kiosk_id"], first["language"], first["assisted"], first["source"]) == \
            ("borne-old-01", "en", 1, "network")
        assert rows[items[2]["uuid"]]["source"] == "import"
        assert rows[items[2]["uuid"]]["kiosk_id"] == "borne-old-02"
        for row in rows.values():  # kept sealed, byte for byte
            assert row["payload_sha256"] == hashlib.sha256(row["payload"]).hexdigest()
        assert hub.opened_payloads()[items[0]["uuid"]]["assisted_by"] == "med-1"
        assert hub.heartbeats()[0]["status"] == {"counts": {"pending": 0, "sent": 2}}
        assert hub.journal("borne-old-01") == JOURNAL
        resent = post_items(hub.url, items, {"Authorization": "Bearer demo-token",
                                             "X-Kiosk-Id": "borne-old-01"}).json()
        assert [r["status"] for r in resent["results"]] == ["duplicate"] * 3
        assert hub.conflicts() == 0
        # The journal mark came along: the kiosk is told it may send from seq 4 on.
        assert heartbeat(hub.url, {"journal": []}, {"Authorization": "Bearer demo-token",
                                                    "X-Kiosk-Id": "borne-old-01"}) \
            .json()["journal_through"] == 3
    finally:
        hub.stop()
    hub.start()  # a second start adds nothing
    try:
        assert not any("taken over" in line for line in hub.process.output)
        assert hub.count() == 3 and len(hub.journal("borne-old-01")) == 3
    finally:
        hub.stop()


def test_the_takeover_command_copies_an_old_database_kept_elsewhere_once(tmp_path):
    write_old_hub(tmp_path / "old")
    command = [sys.executable, "-m", "hub", "takeover", str(tmp_path / "old"),
               "--data-dir", str(tmp_path / "new")]
    first = subprocess.run(command, capture_output=True, text=True, timeout=120,
                           env=hub_database.cli_env(command))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == ("3 request(s) and 3 journal entr(ies) taken over from the "
                                    "old hub (0 already here, 2 kiosk(s) added)")
    again = subprocess.run(command, capture_output=True, text=True, timeout=120,
                           env=hub_database.cli_env(command))
    assert again.stdout.strip() == ("0 request(s) and 0 journal entr(ies) taken over from the "
                                    "old hub (3 already here, 0 kiosk(s) added)")
    assert RunningHub(tmp_path / "new").count() == 3
