"""The outbox on its own: durable states, sealed payloads, damaged files, a full disk."""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from offline_cache.envelope import EnvelopeError, open_sealed, seal
from offline_cache.outbox import DuplicateItem, ItemState, Outbox
from offline_cache.store import DiskFull, StoreBusy


def _queue(outbox: Outbox, n: int, size: int = 40) -> list[str]:
    ids = []
    for _ in range(n):
        item_id = str(uuid.uuid4())
        outbox.enqueue(item_id, "svc", "route", os.urandom(size))
        ids.append(item_id)
    return ids


def test_a_sealed_payload_opens_only_with_the_hub_key_and_its_own_uuid():
    hub_key = X25519PrivateKey.generate()
    blob = seal(hub_key.public_key(), b'{"nom": "Dupont"}', b"id-1")
    assert b"Dupont" not in blob
    assert open_sealed(hub_key, blob, b"id-1") == b'{"nom": "Dupont"}'
    with pytest.raises(EnvelopeError):
        open_sealed(X25519PrivateKey.generate(), blob, b"id-1")
    with pytest.raises(EnvelopeError):
        open_sealed(hub_key, blob, b"id-2")  # moved to another item
    with pytest.raises(EnvelopeError):
        open_sealed(hub_key, blob[:-1] + bytes([blob[-1] ^ 1]), b"id-1")


def test_items_are_claimed_oldest_first_and_a_sent_payload_is_deleted(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    ids = _queue(outbox, 5)
    claimed = outbox.claim(limit=3)
    assert [item.item_id for item in claimed] == ids[:3]
    assert all(item.state is ItemState.SENDING and item.payload for item in claimed)
    outbox.mark_sent(ids[:3])
    sent = outbox.store.read("SELECT payload FROM items WHERE state = 'sent'")
    assert [row["payload"] for row in sent] == [None, None, None]
    assert outbox.counts()[ItemState.PENDING] == 2
    outbox.close()


def test_a_held_item_never_blocks_the_ones_behind_it(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    first, *rest = _queue(outbox, 3)
    outbox.claim(limit=1)
    outbox.hold(first, "refused by the hub: bad form")
    assert [item.item_id for item in outbox.claim(limit=10)] == rest
    assert outbox.get(first).state is ItemState.HELD
    assert outbox.retry(first) and outbox.get(first).state is ItemState.PENDING
    outbox.close()


def test_an_upload_in_flight_at_a_crash_is_pending_again_at_the_next_start(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    ids = _queue(outbox, 4)
    outbox.claim(limit=4)
    outbox.close()  # the process dies with four items marked sending
    outbox = Outbox(tmp_path / "o.sqlite3")
    assert outbox.counts()[ItemState.PENDING] == 4
    assert [item.item_id for item in outbox.claim(limit=4)] == ids
    outbox.close()


def test_the_same_idempotency_key_cannot_be_queued_twice(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    (item_id,) = _queue(outbox, 1)
    with pytest.raises(DuplicateItem):
        outbox.enqueue(item_id, "svc", "route", b"x")
    outbox.close()


def test_a_second_writer_process_is_refused_while_the_first_holds_the_file(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    with pytest.raises(StoreBusy):
        Outbox(tmp_path / "o.sqlite3")
    reader = Outbox(tmp_path / "o.sqlite3", readonly=True)
    assert reader.counts()[ItemState.PENDING] == 0
    reader.close()
    outbox.close()


def test_the_file_uses_wal_and_full_sync(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    db = outbox.store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    outbox.close()


def test_held_items_past_retention_are_purged_and_announced_before(tmp_path):
    now = [1_000_000.0]
    outbox = Outbox(tmp_path / "o.sqlite3", clock=lambda: now[0])
    old, young = _queue(outbox, 2)
    outbox.hold(old, "bad")
    now[0] += 25 * 86400
    outbox.hold(young, "bad")
    assert outbox.held_touched_before(now[0] - 30 * 86400 + 7 * 86400) == 1  # warned
    now[0] += 6 * 86400
    assert outbox.purge_held(now[0] - 30 * 86400) == 1
    assert outbox.get(old) is None and outbox.get(young).state is ItemState.HELD
    outbox.close()


def test_a_damaged_file_is_quarantined_what_is_readable_kept_and_an_alert_given(tmp_path):
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path)
    _queue(outbox, 300, size=200)
    outbox.close()
    with open(path, "r+b") as handle:  # scribble over the middle of the file
        handle.seek(os.path.getsize(path) // 2)
        handle.write(os.urandom(8192))
    outbox = Outbox(path)
    recovery = outbox.recovery
    assert recovery is not None and recovery.quarantined_to.exists()
    assert "quarantine" in str(recovery.quarantined_to)
    assert 0 < recovery.rows_recovered < 302
    assert outbox.integrity_check() == "ok"
    _queue(outbox, 1)  # and the kiosk carries on
    outbox.close()


def test_a_file_that_is_not_a_database_is_replaced_by_a_clean_one(tmp_path):
    path = tmp_path / "o.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    outbox = Outbox(path)
    assert outbox.recovery is not None and outbox.recovery.rows_recovered == 0
    assert outbox.counts()[ItemState.PENDING] == 0
    outbox.close()


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; run the suite as root (CI container) to test")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                             str(mount_point)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_on_a_full_disk_enqueue_fails_clearly_and_nothing_earlier_is_damaged(small_disk):
    outbox = Outbox(small_disk / "o.sqlite3")
    accepted: list[str] = []
    with pytest.raises(DiskFull, match="disk is full"):
        for _ in range(500):
            accepted.append(_queue(outbox, 1, size=3000)[0])
    assert len(accepted) > 5
    with contextlib.suppress(Exception):
        outbox.close()
    reopened = Outbox(small_disk / "o.sqlite3", readonly=True)
    assert reopened.integrity_check() == "ok"
    kept = {item.item_id for item in reopened.items(limit=10000)}
    assert set(accepted) <= kept
    reopened.close()


def test_a_write_waits_for_another_connection_s_lock_instead_of_failing(tmp_path):
    """A backup tool or a reader turned writer may hold the file a moment: a write that looks
    its row up first (sqlite-utils' update) must wait for it, not answer "database is locked"
    (failed before: it failed at once, so a mediator's "Appeler le suivant" did nothing)."""
    import sqlite3
    import threading

    from offline_cache.store import Store

    store = Store(tmp_path / "s.db", [["CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)",
                                       "INSERT INTO t VALUES (1, 1)"]])
    other = sqlite3.connect(tmp_path / "s.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        with store.write() as db:
            db["t"].update(1, {"v": 2})
    finally:
        release.join()
        other.close()
    assert store.read("SELECT v FROM t") == [{"v": 2}]
    store.close()
