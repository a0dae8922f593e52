"""Helpers shared by the outbox and sync tests (a uniquely named module, not conftest).

`Kiosk` is the kiosk side built from the library pieces with short backoffs, so tests run
fast without faking time; `check_exactly_once` is the invariant every scenario ends with.
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

from fake_hub import Hub
from fake_hub.store import open_payload

from hub.keys import demo_keys_dir
from offline_cache.backoff import Backoff
from offline_cache.envelope import load_public_key, seal
from offline_cache.outbox import ItemState, Outbox
from offline_cache.sync import SyncEngine
from offline_cache.transport import HttpTransport

PUBLIC_KEY = load_public_key((demo_keys_dir() / "hub-x25519-public.pem").read_bytes())


def make_payload(number: int, marker: str = "") -> dict:
    return {"client_id": None, "number": number, "answers": {
        "nom": random.choice(["Martin", "Dubois", "Lefèvre"]), "prenoms": "Jeanne Marie",
        "date_naissance": "1941-03-12", "note": marker or "rien à signaler"}}


class Kiosk:
    """Outbox + transport + engine in a folder, talking to `url`. Remembers what it queued."""

    def __init__(self, folder: Path, url: str, *, token: str = "demo-token",
                 deadline: float = 10.0, batch_size: int = 20, read_timeout: float = 5.0):
        self.folder, self.url, self.token = folder, url, token
        self.deadline, self.batch_size, self.read_timeout = deadline, batch_size, read_timeout
        self.queued: dict[str, dict] = {}
        self.open()

    def open(self) -> None:
        self.outbox = Outbox(self.folder / "outbox.sqlite3")
        self.transport = HttpTransport(self.url, self.token, "borne-test-01",
                                       connect_timeout=2.0, read_timeout=self.read_timeout,
                                       deadline=self.deadline)
        self.engine = SyncEngine(self.outbox, self.transport, batch_size=self.batch_size,
                                 backoff=Backoff(base=0.01, cap=0.05, retry_after_max=0.05),
                                 probe_interval=0.2, interval=0.5)

    def close(self) -> None:
        self.engine.stop()
        self.outbox.close()

    def reopen(self) -> None:
        """What a restart after a crash does: a new process opens the same file."""
        self.close()
        self.open()

    def enqueue(self, number: int, marker: str = "") -> str:
        item_id = str(uuid.uuid4())
        payload = make_payload(number, marker)
        payload["client_id"] = item_id
        blob = seal(PUBLIC_KEY, json.dumps(payload).encode(), item_id.encode())
        self.outbox.enqueue(item_id, "acte-naissance", "commune-etat-civil", blob)
        self.queued[item_id] = payload
        return item_id

    def drain(self, rounds: int = 50) -> None:
        """Sync until nothing is pending (each round ignores backoff, as a person would)."""
        for _ in range(rounds):
            self.engine.run_once(force=True)
            if self.outbox.counts()[ItemState.PENDING] == 0:
                return
        raise AssertionError(f"still pending after {rounds} rounds: {self.outbox.counts()}")


def check_exactly_once(kiosk: Kiosk, hub: Hub) -> None:
    """0 lost, 0 duplicated, payloads intact, sent payloads purged, file sound."""
    counts = kiosk.outbox.counts()
    assert counts[ItemState.SENT] == len(kiosk.queued), counts
    hub_ids = hub.store.uuids()
    assert len(hub_ids) == len(set(hub_ids))
    assert set(kiosk.queued) <= set(hub_ids)
    for record in hub.store.latest(100000):
        if record.uuid in kiosk.queued:
            assert open_payload(record, hub.keys.seal_private) == kiosk.queued[record.uuid]
    leftovers = kiosk.outbox.store.read("SELECT count(*) AS n FROM items WHERE payload IS NOT "
                                        "NULL AND state = 'sent'")
    assert leftovers[0]["n"] == 0
    assert kiosk.outbox.integrity_check() == "ok"
