"""Protocol v1 at the Django hub, over real HTTP on loopback (the hub in its own process)."""

from __future__ import annotations

import base64
import gzip
import json
import secrets

import requests
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from hub_items import DEMO, heartbeat, post_items, sealed_item

from hub.keys import demo_keys_dir
from offline_cache.protocol import MAX_BODY, MAX_ITEMS, reference_for


def test_more_items_than_the_limit_is_answered_413_and_nothing_is_stored(running_hub):
    items = [sealed_item() for _ in range(MAX_ITEMS + 1)]
    answer = post_items(running_hub.url, items)
    assert answer.status_code == 413
    assert "at most 500" in answer.json()["error"]
    assert post_items(running_hub.url, items[:MAX_ITEMS]).status_code == 200
    assert running_hub.count() == MAX_ITEMS


def test_results_come_one_per_item_in_the_order_sent(running_hub):
    good, other, bad = sealed_item(), sealed_item(), sealed_item()
    bad["created_at"] = ""
    results = post_items(running_hub.url, [good, bad, other, 7]).json()["results"]
    assert [(r["uuid"], r["status"]) for r in results] == [
        (good["uuid"], "stored"), (bad["uuid"], "rejected"), (other["uuid"], "stored"),
        ("None", "rejected")]
    assert results[1]["reason"] == "created_at missing or too long"
    assert results[3]["reason"] == "not an object"


def test_the_same_uuid_with_other_content_is_a_duplicate_kept_once_as_a_conflict(running_hub):
    first = sealed_item({"answers": {"nom": "Martin"}})
    changed = sealed_item({"answers": {"nom": "Dubois"}}, item_id=first["uuid"])
    assert post_items(running_hub.url, [first]).json()["results"][0]["status"] == "stored"
    for _ in range(2):  # the kiosk retries: one conflict for a person, not two
        assert post_items(running_hub.url, [changed]).json()["results"][0]["status"] \
            == "duplicate"
    assert post_items(running_hub.url, [first]).json()["results"][0]["status"] == "duplicate"
    assert running_hub.count() == 1 and running_hub.conflicts() == 1
    assert running_hub.opened_payloads()[first["uuid"]]["answers"] == {"nom": "Martin"}


def test_what_the_back_office_needs_in_clear_is_taken_from_the_opened_envelope(running_hub):
    helped = sealed_item({"language": "en", "assisted_by": "med-1a2b3c4d"})
    alone = sealed_item()
    post_items(running_hub.url, [helped, alone])
    rows = {row["uuid"]: row for row in running_hub.submissions()}
    assert rows[helped["uuid"]]["reference"] == reference_for(helped["uuid"])
    assert (rows[helped["uuid"]]["language"], rows[helped["uuid"]]["assisted"]) == ("en", 1)
    assert (rows[alone["uuid"]]["language"], rows[alone["uuid"]]["assisted"]) == ("fr", 0)
    assert rows[alone["uuid"]]["kiosk_id"] == "borne-test-03"
    assert rows[alone["uuid"]]["source"] == "network"


def test_an_unknown_token_gets_a_json_401_on_every_endpoint(running_hub):
    stranger = {"Authorization": "Bearer not-a-token"}
    for answer in (post_items(running_hub.url, [sealed_item()], stranger),
                   heartbeat(running_hub.url, {}, stranger),
                   requests.get(f"{running_hub.url}/v1/catalog", headers=stranger, timeout=10),
                   requests.get(f"{running_hub.url}/v1/catalog", timeout=10)):
        assert answer.status_code == 401
        assert answer.headers["Content-Type"] == "application/json"
        assert "error" in answer.json()
    assert running_hub.count() == 0


def test_answers_are_gzipped_only_for_a_client_that_asks(running_hub):
    items = [sealed_item() for _ in range(20)]
    zipped = post_items(running_hub.url, items, **{"Accept-Encoding": "gzip"})
    assert zipped.headers.get("Content-Encoding") == "gzip"
    assert len(zipped.json()["results"]) == 20
    plain = post_items(running_hub.url, items, **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert [r["status"] for r in plain.json()["results"]] == ["duplicate"] * 20


def test_a_garbage_gzip_body_is_a_400_and_a_plain_json_body_is_accepted(running_hub):
    garbage = requests.post(f"{running_hub.url}/v1/submissions", data=b"\x1f\x8bnot gzip",
                            headers={**DEMO, "Content-Encoding": "gzip"}, timeout=10)
    assert garbage.status_code == 400 and garbage.json()["error"] == "body is not valid gzip"
    plain = requests.post(f"{running_hub.url}/v1/submissions", timeout=10, headers=DEMO,
                          json={"protocol": 1, "items": [sealed_item()]})
    assert plain.json()["results"][0]["status"] == "stored"


def test_the_catalogue_is_signed_over_its_exact_bytes_and_unchanged_is_a_304(running_hub):
    answer = requests.get(f"{running_hub.url}/v1/catalog", headers=DEMO, timeout=10)
    assert answer.status_code == 200
    public = load_pem_public_key((demo_keys_dir() / "catalog-ed25519-public.pem").read_bytes())
    public.verify(base64.b64decode(answer.headers["X-Signature"]), answer.content)
    assert json.loads(answer.content)["services"]
    again = requests.get(f"{running_hub.url}/v1/catalog", timeout=10,
                         headers={**DEMO, "If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["ETag"] == answer.headers["ETag"]


def test_a_heartbeat_keeps_every_status_key_the_kiosk_sends_but_not_the_journal(running_hub):
    status = {"counts": {"pending": 2, "held": 1}, "oldest_pending_at": "2024-06-01T10:00:00Z",
              "app_version": "0.2.0", "catalog_version": "2024.6.1", "voice": "ok",
              "printer": "paper low", "site": "Mairie de Saint-Agrève",
              "journal": [{"seq": 1, "hash": "h1", "prev": ""}]}
    answer = heartbeat(running_hub.url, status).json()
    assert answer == {"protocol": 1, "ok": True, "journal_through": 1, "states": []}
    [seen] = running_hub.heartbeats()
    assert seen["kiosk_id"] == "borne-test-03"
    assert seen["status"] == {k: v for k, v in status.items() if k != "journal"}


def test_an_oversized_status_is_cut_to_fit_keeping_the_small_keys(running_hub):
    heartbeat(running_hub.url, {"counts": {"pending": 1}, "blob": "x" * 100_000})
    [seen] = running_hub.heartbeats()
    assert seen["status"] == {"counts": {"pending": 1}, "truncated": True}


def test_journal_through_stops_at_the_first_gap_and_moves_when_it_is_filled(running_hub):
    def entry(seq: int) -> dict:
        return {"seq": seq, "hash": f"h{seq}", "prev": f"h{seq - 1}"}

    send = lambda seqs: heartbeat(  # noqa: E731
        running_hub.url, {"journal": [entry(s) for s in seqs]}).json()["journal_through"]
    assert send([1, 2, 4]) == 2
    assert send([1, 2]) == 2  # a lost answer: sent again, kept once
    assert send([3]) == 4
    assert send([]) == 4
    assert [e["seq"] for e in running_hub.journal("borne-test-03")] == [1, 2, 3, 4]


def test_a_gzip_heartbeat_body_is_read(running_hub):
    body = gzip.compress(json.dumps({"counts": {"pending": 5}}).encode())
    answer = requests.post(f"{running_hub.url}/v1/heartbeat", data=body, timeout=10,
                           headers={**DEMO, "Content-Encoding": "gzip"})
    assert answer.json()["ok"] is True
    assert running_hub.heartbeats()[0]["status"] == {"counts": {"pending": 5}}


def test_a_batch_larger_than_djangos_form_limit_is_still_received(running_hub):
    bulky = [sealed_item({"answers": {"note": secrets.token_hex(4000)}}) for _ in range(MAX_ITEMS)]
    body = json.dumps({"protocol": 1, "items": bulky}).encode()
    assert len(body) > 3 * 1024 * 1024  # Django refuses bodies above 2.5 MB by default
    answer = requests.post(f"{running_hub.url}/v1/submissions", data=body, timeout=60,
                           headers={**DEMO, "Content-Type": "application/json"})
    assert answer.status_code == 200
    assert {r["status"] for r in answer.json()["results"]} == {"stored"}


def test_a_zip_bomb_stops_at_the_body_cap(running_hub):
    bomb = gzip.compress(b"{" + b" " * (MAX_BODY + 10) + b"}")
    answer = requests.post(f"{running_hub.url}/v1/submissions", data=bomb, timeout=30,
                           headers={**DEMO, "Content-Encoding": "gzip"})
    assert answer.status_code == 413 and answer.json() == {"error": "body too large"}


def test_a_uuid_twice_in_one_batch_is_stored_once_and_the_second_is_a_duplicate(running_hub):
    item, other = sealed_item(), sealed_item()
    results = post_items(running_hub.url, [item, other, item]).json()["results"]
    assert [r["status"] for r in results] == ["stored", "stored", "duplicate"]
    assert running_hub.count() == 2 and running_hub.conflicts() == 0
