"""The fake hub's storage, the old reference hub's own (MIGRATIONS is the schema the Django
hub takes over: tests/hub/test_takeover.py writes a database with it).

One row per UUID, ever; the ciphertext kept, opened only for display.

Why a UNIQUE uuid and `ON CONFLICT DO NOTHING`: a kiosk retries whenever it did not see our
answer (cut link, lost response, crash), so the same UUID arrives again; the constraint makes
"stored twice" impossible rather than unlikely, and a repeat is answered "duplicate".

Why commit before answering: `synchronous=FULL` and the answer built after the commit mean a
kiosk that sees "stored" can delete its copy; a crash before the commit means no answer.

Same single-writer rule as the kiosk (offline_cache.store): waitress threads share one
connection behind a lock.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from offline_cache.envelope import EnvelopeError, open_sealed
from offline_cache.protocol import MAX_LABEL
from offline_cache.store import Store

MIGRATIONS = (
    (
        """CREATE TABLE submissions (
            seq INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            kiosk_id TEXT NOT NULL,
            service TEXT NOT NULL,
            routing TEXT NOT NULL,
            created_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('network', 'import')),
            payload BLOB NOT NULL
        )""",
        """CREATE TABLE heartbeats (
            kiosk_id TEXT PRIMARY KEY,
            seen_at TEXT NOT NULL,
            status TEXT NOT NULL
        )""",
    ),
    (
        # Mediator audit journals, sent with the heartbeat: one row per (kiosk, seq), so a
        # heartbeat whose answer was lost can send the same entries again harmlessly.
        """CREATE TABLE journal (
            kiosk_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            entry TEXT NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (kiosk_id, seq)
        )""",
    ),
)


@dataclass(frozen=True, slots=True)
class Received:
    uuid: str
    kiosk_id: str
    service: str
    routing: str
    created_at: str
    received_at: str
    source: str
    payload: bytes


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_item(item: Any, private: X25519PrivateKey) -> tuple[dict | None, str]:
    """A normalised row and "" if the item is acceptable, else None and the reason."""
    if not isinstance(item, dict):
        return None, "not an object"
    try:
        item_id = str(uuid.UUID(str(item.get("uuid"))))
    except ValueError:
        return None, "uuid is not a UUID"
    if item_id != item.get("uuid"):
        return None, "uuid is not in canonical lowercase form"
    for field in ("service", "routing", "created_at"):
        value = item.get(field)
        if not isinstance(value, str) or not value or len(value) > MAX_LABEL:
            return None, f"{field} missing or too long"
    try:
        sealed = base64.b64decode(item.get("payload") or "", validate=True)
        document = json.loads(open_sealed(private, sealed, item_id.encode()))
    except (binascii.Error, ValueError, EnvelopeError):
        return None, "payload does not open with the hub key (wrong key or damaged)"
    if not isinstance(document, dict):
        return None, "payload is not a JSON object"
    row = {"uuid": item_id, "service": item["service"], "routing": item["routing"],
           "created_at": item["created_at"], "payload": sealed}
    return row, ""


class HubStore:
    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.store = Store(path, MIGRATIONS, readonly=readonly)

    def close(self) -> None:
        self.store.close()

    def integrity_check(self) -> str:
        return self.store.integrity_check()

    def receive(self, kiosk_id: str, items: Iterable[Any], private: X25519PrivateKey,
                source: str = "network") -> list[dict[str, str]]:
        """Store each new item once; answer stored, duplicate or rejected for each, in order."""
        results: list[dict[str, str]] = []
        received_at = _now_iso()
        with self.store.write() as db:
            for item in items:
                row, reason = check_item(item, private)
                if row is None:
                    echo = item.get("uuid") if isinstance(item, dict) else None
                    if isinstance(echo, str) and self._has(db, echo):
                        results.append({"uuid": echo, "status": "duplicate"})
                    else:
                        results.append({"uuid": str(echo), "status": "rejected",
                                        "reason": reason})
                    continue
                inserted = db.execute(
                    "INSERT INTO submissions (uuid, kiosk_id, service, routing, created_at, "
                    "received_at, source, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(uuid) DO NOTHING",
                    [row["uuid"], kiosk_id, row["service"], row["routing"], row["created_at"],
                     received_at, source, row["payload"]],
                ).rowcount
                results.append({"uuid": row["uuid"],
                                "status": "stored" if inserted else "duplicate"})
        return results

    @staticmethod
    def _has(db: Any, item_id: str) -> bool:
        return db.execute("SELECT 1 FROM submissions WHERE uuid = ?", [item_id]).fetchone() \
            is not None

    def heartbeat(self, kiosk_id: str, status: dict[str, Any]) -> None:
        with self.store.write() as db:
            db.execute("INSERT INTO heartbeats (kiosk_id, seen_at, status) VALUES (?, ?, ?) "
                       "ON CONFLICT(kiosk_id) DO UPDATE SET seen_at = excluded.seen_at, "
                       "status = excluded.status",
                       [kiosk_id, _now_iso(), json.dumps(status)[:4000]])

    def store_journal(self, kiosk_id: str, entries: Iterable[Any]) -> int:
        """Keep each well-formed entry once; return the highest seq held with none missing
        before it (what the kiosk may mark as sent)."""
        rows = [(kiosk_id, entry["seq"], json.dumps(entry, sort_keys=True), _now_iso())
                for entry in entries if isinstance(entry, dict)
                and isinstance(entry.get("seq"), int) and isinstance(entry.get("hash"), str)]
        with self.store.write() as db:
            for row in rows:
                db.execute("INSERT OR IGNORE INTO journal (kiosk_id, seq, entry, received_at) "
                           "VALUES (?, ?, ?, ?)", row)
        held = [row["seq"] for row in self.store.read(
            "SELECT seq FROM journal WHERE kiosk_id = ? ORDER BY seq", [kiosk_id])]
        contiguous = 0
        for seq in held:
            if seq != contiguous + 1:
                break
            contiguous = seq
        return contiguous

    def journal(self, kiosk_id: str) -> list[dict[str, Any]]:
        return [json.loads(row["entry"]) for row in self.store.read(
            "SELECT entry FROM journal WHERE kiosk_id = ? ORDER BY seq", [kiosk_id])]

    def latest(self, limit: int = 200) -> list[Received]:
        rows = self.store.read("SELECT uuid, kiosk_id, service, routing, created_at, "
                               "received_at, source, payload FROM submissions "
                               "ORDER BY seq DESC LIMIT ?", [limit])
        return [Received(**row) for row in rows]

    def uuids(self) -> list[str]:
        return [r["uuid"] for r in self.store.read("SELECT uuid FROM submissions ORDER BY seq")]

    def count(self) -> int:
        return self.store.read("SELECT count(*) AS n FROM submissions")[0]["n"]

    def heartbeats(self) -> list[dict[str, Any]]:
        return self.store.read("SELECT kiosk_id, seen_at, status FROM heartbeats "
                               "ORDER BY kiosk_id")


def open_payload(record: Received, private: X25519PrivateKey) -> dict[str, Any]:
    """The citizen's data, for back-office eyes only."""
    return json.loads(open_sealed(private, record.payload, record.uuid.encode()))

