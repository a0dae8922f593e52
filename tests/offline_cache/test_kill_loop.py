"""Kill -9 at random moments while a kiosk queues and syncs: afterwards, 0 lost, 0 duplicated.

The real hub runs as its own process (`kiosk-hub serve`), as on a real site. Each round forks a
child kiosk that opens the outbox, queues one to three requests (recording each UUID only
after `enqueue` returned) and syncs, over and over, until the parent kills it with SIGKILL
after a random 0-120 ms: during an open, a commit, a claim, an upload or a confirmation.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
import uuid
from pathlib import Path

import pytest
from running_hub import RunningHub
from sync_helpers import PUBLIC_KEY

from offline_cache.backoff import Backoff
from offline_cache.envelope import seal
from offline_cache.outbox import ItemState, Outbox
from offline_cache.sync import SyncEngine
from offline_cache.transport import HttpTransport

ROUNDS = 220


def _engine(folder: Path, url: str, batch_size: int) -> tuple[Outbox, SyncEngine]:
    outbox = Outbox(folder / "outbox.sqlite3")
    transport = HttpTransport(url, "demo-token", "borne-kill-01", connect_timeout=2,
                              read_timeout=5, deadline=5)
    return outbox, SyncEngine(outbox, transport, batch_size=batch_size,
                              backoff=Backoff(base=0.001, cap=0.01, retry_after_max=0.01))


def _child(folder: Path, url: str, seed: int) -> None:
    rng = random.Random(seed)
    outbox, engine = _engine(folder, url, rng.choice([1, 3, 10]))
    acks = os.open(folder / "acks.txt", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    while True:
        for _ in range(rng.randint(1, 3)):
            item_id = str(uuid.uuid4())
            payload = json.dumps({"client_id": item_id, "nom": "Martin"}).encode()
            outbox.enqueue(item_id, "acte-naissance", "etat-civil",
                           seal(PUBLIC_KEY, payload, item_id.encode()))
            os.write(acks, f"{item_id}\n".encode())
            os.fsync(acks)
        engine.run_once(force=True)


@pytest.mark.slow
def test_kill_9_at_random_points_loses_nothing_and_duplicates_nothing(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    url = hub.start()
    kiosk_dir = tmp_path / "kiosk"
    kiosk_dir.mkdir()
    rng = random.Random(20240605)
    try:
        for round_number in range(ROUNDS):
            pid = os.fork()
            if pid == 0:  # the child never returns into pytest
                try:
                    _child(kiosk_dir, url, round_number)
                finally:
                    os._exit(0)
            time.sleep(rng.uniform(0.0, 0.12))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

        acked = {line for line in (kiosk_dir / "acks.txt").read_text().split("\n")
                 if len(line) == 36}
        outbox, engine = _engine(kiosk_dir, url, 50)
        assert outbox.recovery is None
        assert outbox.integrity_check() == "ok"
        queued = {item.item_id for item in outbox.items(limit=100000)}
        assert acked <= queued, f"{len(acked - queued)} acknowledged requests lost"
        unsent_after_kills = outbox.counts()[ItemState.PENDING]
        for _ in range(20):
            engine.run_once(force=True)
            if outbox.counts()[ItemState.PENDING] == 0:
                break
        assert outbox.counts()[ItemState.SENT] == len(queued)
        assert outbox.integrity_check() == "ok"
        engine.stop()
        outbox.close()

        received = hub.uuids()
        assert len(received) == len(set(received)), "a request was stored twice"
        assert set(received) == queued
        for item_id, content in hub.opened_payloads().items():
            assert content["client_id"] == item_id
        assert hub.integrity_check() == "ok"
        assert len(queued) > ROUNDS / 2  # the children did real work, not just start-ups
        print(f"{ROUNDS} kills: {len(queued)} queued ({len(acked)} acknowledged), "
              f"{unsent_after_kills} unsent after the last kill; all delivered once")
    finally:
        hub.stop()
