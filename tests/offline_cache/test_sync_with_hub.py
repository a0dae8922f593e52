"""The sync engine against the real hub on loopback, including a hub that misbehaves."""

from __future__ import annotations

import base64
import itertools
import json
import time

from flask import Response
from sync_helpers import check_exactly_once

from offline_cache.outbox import ItemState
from offline_cache.sync import LinkState
from offline_cache.transport import FailureKind


def _misbehave(hub, *answers):
    """The hub answers the next submissions with these responses, then behaves again."""
    queue = list(answers)

    def fault(endpoint):
        if endpoint == "submissions" and queue:
            answer = queue.pop(0)
            return answer if isinstance(answer, Response) else answer()
        return None

    hub.app.config["fault"] = fault
    return queue


def test_a_queue_reaches_the_hub_exactly_once_in_batches(hub, make_kiosk):
    kiosk = make_kiosk(hub.url, batch_size=7)
    for n in range(30):
        kiosk.enqueue(n)
    report = kiosk.engine.run_once()
    assert report.sent == 30 and report.requests == 5
    check_exactly_once(kiosk, hub)
    assert kiosk.engine.status().link is LinkState.ONLINE


def test_a_repeat_is_answered_duplicate_and_still_counts_as_sent(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    item_id = kiosk.enqueue(1)
    batch = kiosk.outbox.claim(10)
    first = kiosk.transport.post_batch(batch)
    again = kiosk.transport.post_batch(batch)
    assert first.results[item_id].status == "stored"
    assert again.results[item_id].status == "duplicate"
    kiosk.outbox.release([item_id], "test", 0)
    kiosk.drain()
    check_exactly_once(kiosk, hub)
    assert hub.store.count() == 1


def test_a_5xx_a_429_and_a_captive_portal_page_are_retried_later(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    for n in range(5):
        kiosk.enqueue(n)
    _misbehave(
        hub,
        Response("boom", status=500),
        Response("slow down", status=429, headers={"Retry-After": "120"}),
        Response("<html><body>Connectez-vous au WiFi de la mairie</body></html>",
                 status=200, mimetype="text/html"),
        Response('{"results": "nope"}', status=200, mimetype="application/json"),
        Response("not json at all", status=200, mimetype="application/json"),
    )
    seen = []
    for _ in range(5):
        report = kiosk.engine.run_once(force=True)
        seen.append(report.failure)
        assert kiosk.outbox.counts()[ItemState.SENT] == 0
    assert seen == [FailureKind.SERVER_ERROR, FailureKind.THROTTLED, FailureKind.GARBAGE,
                    FailureKind.GARBAGE, FailureKind.GARBAGE]
    assert kiosk.outbox.get(next(iter(kiosk.queued))).attempts == 5
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_retry_after_is_honoured_within_its_clamp(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    kiosk.engine.backoff.retry_after_max = 600.0
    kiosk.enqueue(1)
    _misbehave(hub, Response("", status=429, headers={"Retry-After": "99999"}))
    before = time.time()
    kiosk.engine.run_once()
    waits = kiosk.engine.status().next_attempt_at - before
    assert 590 <= waits <= 601
    assert kiosk.engine.run_once().requests == 0  # still backing off
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_a_response_lost_after_the_hub_stored_the_batch_ends_in_one_copy(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    for n in range(8):
        kiosk.enqueue(n)
    lost = itertools.count()
    hub.app.config["after_store"] = lambda results: (
        Response("<html>502 Bad Gateway</html>", status=502, mimetype="text/html")
        if next(lost) < 2 else None)
    assert kiosk.engine.run_once(force=True).failure is FailureKind.SERVER_ERROR
    assert hub.store.count() == 8  # stored, but the kiosk never heard
    kiosk.drain()
    check_exactly_once(kiosk, hub)
    assert hub.store.count() == 8


def test_a_slow_hub_still_delivers_within_the_deadline(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    kiosk.enqueue(1)
    _misbehave(hub, lambda: time.sleep(1.5))  # returns None: then answers normally
    assert kiosk.engine.run_once().sent == 1
    check_exactly_once(kiosk, hub)


def test_a_hub_slower_than_the_deadline_is_abandoned_and_retried(hub, make_kiosk):
    kiosk = make_kiosk(hub.url, deadline=1.0, read_timeout=1.0)
    kiosk.enqueue(1)
    _misbehave(hub, lambda: time.sleep(2.5))
    report = kiosk.engine.run_once()
    assert report.failure is FailureKind.UNREACHABLE
    assert kiosk.engine.status().link is LinkState.OFFLINE
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_a_refused_token_stops_automatic_sending_until_a_person_acts(hub, make_kiosk):
    kiosk = make_kiosk(hub.url, token="wrong-token")
    kiosk.enqueue(1)
    assert kiosk.engine.run_once().failure is FailureKind.AUTH
    status = kiosk.engine.status()
    assert status.link is LinkState.REFUSED
    assert any("token" in alert for alert in status.alerts)
    assert kiosk.engine.run_once().requests == 0  # no hammering with a bad token
    assert kiosk.outbox.counts()[ItemState.PENDING] == 1
    kiosk.transport.session.headers["Authorization"] = "Bearer demo-token"  # fixed by IT
    assert kiosk.engine.run_once(force=True).sent == 1


def test_an_item_the_hub_rejects_is_held_and_the_rest_go_through(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    good = [kiosk.enqueue(n) for n in range(3)]
    bad = kiosk.enqueue(99)
    kiosk.outbox.store.run(lambda db: db.execute(  # sealed for another item: cannot open
        "UPDATE items SET payload = (SELECT payload FROM items WHERE item_id = ?) "
        "WHERE item_id = ?", [good[0], bad]))
    good.append(kiosk.enqueue(4))
    report = kiosk.engine.run_once()
    assert report.sent == 4 and report.held == 1
    held = kiosk.outbox.get(bad)
    assert held.state is ItemState.HELD and "does not open" in held.held_reason
    assert set(good) <= set(hub.store.uuids()) and bad not in hub.store.uuids()
    assert any("need a person" in alert for alert in kiosk.engine.status().alerts)


def test_a_request_too_large_for_the_hub_is_split_until_it_fits(hub, make_kiosk):
    kiosk = make_kiosk(hub.url, batch_size=16)
    hub.app.config["max_items"] = 3
    for n in range(16):
        kiosk.enqueue(n)
    report = kiosk.engine.run_once()
    assert report.sent == 16 and report.held == 0
    check_exactly_once(kiosk, hub)


def test_an_answer_that_forgets_an_item_leaves_it_pending(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    kept, forgotten = kiosk.enqueue(1), kiosk.enqueue(2)

    def partial(results):
        body = {"protocol": 1, "results": [r for r in results if r["uuid"] == kept]}
        return Response(json.dumps(body), mimetype="application/json")

    hub.app.config["after_store"] = partial
    kiosk.engine.run_once()
    assert kiosk.outbox.get(kept).state is ItemState.SENT
    assert kiosk.outbox.get(forgotten).state is ItemState.PENDING
    hub.app.config["after_store"] = None
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_the_background_worker_drains_and_notifies_listeners(hub, make_kiosk):
    kiosk = make_kiosk(hub.url)
    statuses = []
    kiosk.engine.add_listener(statuses.append)
    kiosk.engine.start()
    for n in range(5):
        kiosk.enqueue(n)
        kiosk.engine.trigger()
    deadline = time.monotonic() + 20
    while kiosk.outbox.counts()[ItemState.SENT] < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    kiosk.engine.stop()
    check_exactly_once(kiosk, hub)
    assert statuses and statuses[-1].counts["sent"] == 5


def test_the_worker_notices_the_hub_coming_back_and_drains_at_once(tmp_path, make_kiosk):
    from fake_hub import open_hub

    hub = open_hub(tmp_path / "late-hub")
    port = _free_port()
    kiosk = make_kiosk(f"http://127.0.0.1:{port}")
    kiosk.engine.interval = 3600.0  # only the probe can bring it back quickly
    kiosk.engine.backoff.base = kiosk.engine.backoff.cap = 3600.0
    kiosk.enqueue(1)
    kiosk.engine.start()
    deadline = time.monotonic() + 10
    while kiosk.engine.status().link is not LinkState.OFFLINE and time.monotonic() < deadline:
        time.sleep(0.05)
    assert kiosk.engine.status().link is LinkState.OFFLINE
    hub.start(port=port)
    try:
        deadline = time.monotonic() + 20
        while kiosk.outbox.counts()[ItemState.SENT] < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        kiosk.engine.stop()
        check_exactly_once(kiosk, hub)
    finally:
        hub.stop()


def test_a_signed_catalogue_is_fetched_with_etag_and_a_bad_one_is_refused(hub, tmp_path,
                                                                           make_kiosk):
    from hub.keys import demo_keys_dir
    from offline_cache.content_cache import ContentCache, RefreshOutcome, ed25519_verifier

    kiosk = make_kiosk(hub.url)
    verify = ed25519_verifier((demo_keys_dir() / "catalog-ed25519-public.pem").read_bytes())
    cache = ContentCache(tmp_path / "cache", "catalog.json", verify)
    assert cache.refresh(kiosk.transport, "/v1/catalog").outcome is RefreshOutcome.UPDATED
    good = cache.current()
    assert cache.refresh(kiosk.transport, "/v1/catalog").outcome is RefreshOutcome.UNCHANGED
    forged = base64.b64encode(bytes(64)).decode()
    hub.app.config["fault"] = lambda endpoint: Response(
        b'{"services": []}', mimetype="application/json",
        headers={"ETag": '"x"', "X-Signature": forged})
    cache.meta_path.unlink()  # forget the ETag so the forged answer is taken
    assert cache.refresh(kiosk.transport, "/v1/catalog").outcome is RefreshOutcome.REJECTED
    hub.app.config["fault"] = lambda endpoint: Response(b"{}", mimetype="application/json")
    assert cache.refresh(kiosk.transport, "/v1/catalog").outcome is RefreshOutcome.REJECTED
    assert cache.current() == good


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
