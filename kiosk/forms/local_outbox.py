"""Stand-ins for the real outbox (kiosk.outbox_service), behind the same `Outbox` protocol.

`MemoryOutbox` is for tests. `JsonLinesOutbox` is a durable local store for development and
demos until the encrypted SQLite outbox lands: it writes payloads IN CLEAR, so it must not
hold real citizens' data on a deployed kiosk.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class QueuedItem:
    outbox_id: str
    service_id: str
    routing: str
    payload: Mapping[str, Any]


@dataclass(slots=True)
class MemoryOutbox:
    """Keeps items in a list; the id is the payload's client_id (the idempotency key)."""

    items: list[QueuedItem] = field(default_factory=list)

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        outbox_id = str(payload["client_id"])
        if all(item.outbox_id != outbox_id for item in self.items):  # a retry is not a new item
            self.items.append(QueuedItem(outbox_id, service_id, routing, dict(payload)))
        return outbox_id


class JsonLinesOutbox:
    """One JSON object per line, appended and fsync'd before `enqueue` returns."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        outbox_id = str(payload["client_id"])
        line = json.dumps(
            {"outbox_id": outbox_id, "service_id": service_id, "routing": routing,
             "payload": dict(payload)},
            ensure_ascii=False, sort_keys=True,
        )
        with self._lock:
            if outbox_id in {item.outbox_id for item in self.items()}:
                return outbox_id
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="utf-8") as file:
                file.write(line + "\n")
                file.flush()
                os.fsync(file.fileno())  # "queued" on the receipt must survive a power cut
        return outbox_id

    def items(self) -> list[QueuedItem]:
        if not self.path.exists():
            return []
        items = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                raw = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line torn by a power cut mid-write: the rest is still good
            items.append(QueuedItem(raw["outbox_id"], raw["service_id"], raw["routing"],
                                    raw["payload"]))
        return items
