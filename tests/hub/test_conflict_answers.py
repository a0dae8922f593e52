"""Repeats as ODK Central tells them apart, through the real hub: the same UUID with the same
sealed payload is `duplicate`; with other content it is `duplicate` with `"conflict": true`,
kept once for a person, and the kiosk's sync takes it as done like any duplicate."""

from __future__ import annotations

import base64

from hub_items import post_items, sealed_item

from offline_cache.outbox import ItemState, Outbox
from offline_cache.protocol import CONFLICT_FIELD
from offline_cache.sync import SyncEngine
from offline_cache.transport import HttpTransport


def results(url: str, items: list[dict]) -> list[dict]:
    return post_items(url, items).json()["results"]


def test_the_answer_tells_a_plain_repeat_from_a_conflict(running_hub):
    first = sealed_item({"answers": {"nom": "Martin"}})
    other = sealed_item({"answers": {"nom": "Martineau"}}, item_id=first["uuid"])
    plain = {"uuid": first["uuid"], "status": "duplicate"}
    conflict = {**plain, CONFLICT_FIELD: True}

    assert results(running_hub.url, [first]) == [{"uuid": first["uuid"], "status": "stored"}]
    assert results(running_hub.url, [first]) == [plain]
    assert results(running_hub.url, [other]) == [conflict]
    assert results(running_hub.url, [other, first]) == [conflict, plain]  # said again, kept once
    assert running_hub.conflicts() == 1
    [stored] = running_hub.submissions()
    assert running_hub.opened_payloads()[first["uuid"]]["answers"] == {"nom": "Martin"}
    assert bytes(stored["payload"]) == base64.b64decode(first["payload"])


def test_one_batch_with_a_uuid_twice_in_two_versions_stores_the_first(running_hub):
    first = sealed_item()
    other = sealed_item({"answers": {"nom": "Autre"}}, item_id=first["uuid"])
    assert [r["status"] for r in results(running_hub.url, [first, other])] == [
        "stored", "duplicate"]
    assert results(running_hub.url, [other])[0][CONFLICT_FIELD] is True
    assert running_hub.conflicts() == 1


def test_the_kiosk_marks_a_conflicting_item_sent_like_a_duplicate(running_hub, tmp_path):
    earlier = sealed_item({"answers": {"nom": "Martin"}})
    assert results(running_hub.url, [earlier])[0]["status"] == "stored"
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    later = sealed_item({"answers": {"nom": "Martineau"}}, item_id=earlier["uuid"])
    outbox.enqueue(later["uuid"], later["service"], later["routing"],
                   base64.b64decode(later["payload"]))
    transport = HttpTransport(running_hub.url, "demo-token", "borne-test-03")
    try:
        SyncEngine(outbox, transport).run_once(force=True)
        item = outbox.get(later["uuid"])
        assert item.state is ItemState.SENT and item.held_reason is None
        assert outbox.counts()[ItemState.PENDING] == 0
    finally:
        outbox.close()
    assert running_hub.conflicts() == 1 and running_hub.count() == 1
