"""The outbox: opaque items with idempotency keys, each one's state in its own row.

The library never sees plaintext: callers hand it bytes that are already sealed (see
`envelope`). What it guarantees:

- `enqueue` returns only after the row is durably committed (synchronous=FULL);
- an item goes `pending -> sending` *before* any upload and becomes `sent` only when the caller
  says the far end confirmed it (ODK Collect's rule), so a crash at any point leaves it
  retryable: at open, every `sending` row returns to `pending`;
- a `sent` item's payload is deleted in the same transaction that marks it sent;
- a `held` item is skipped by `claim`, so it never blocks the rest of the queue.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils.utils import sqlite3

from offline_cache.store import Recovery, Store


class ItemState(enum.Enum):
    PENDING = "pending"  # durably queued, waiting for its turn or for the link
    SENDING = "sending"  # claimed by the sync engine: an upload may be in flight
    SENT = "sent"  # the far end confirmed it (stored or duplicate); the payload is deleted
    HELD = "held"  # refused for a reason a person must fix; skipped, never blocks the queue


MIGRATIONS = (
    (
        """CREATE TABLE items (
            seq INTEGER PRIMARY KEY,              -- creation order: oldest first
            item_id TEXT NOT NULL UNIQUE,         -- idempotency key, forever
            service TEXT NOT NULL,
            routing TEXT NOT NULL,
            created_at REAL NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'held')),
            payload BLOB,                         -- sealed bytes; NULL once sent
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL,
            last_error TEXT,
            held_reason TEXT,
            updated_at REAL NOT NULL,
            CHECK (state != 'sent' OR payload IS NULL)
        )""",
        "CREATE INDEX items_due ON items (state, next_attempt_at, seq)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
)

SALVAGE_TABLES = ("items", "meta")  # what a damaged file's readable rows are copied from
_COLUMNS = ("seq, item_id, service, routing, created_at, state, attempts, next_attempt_at, "
            "last_error, held_reason, updated_at")


class DuplicateItem(ValueError):
    """An item with this id is already in the outbox."""


@dataclass(frozen=True, slots=True)
class OutboxItem:
    seq: int
    item_id: str
    service: str
    routing: str
    created_at: float
    state: ItemState
    attempts: int
    next_attempt_at: float
    last_error: str | None
    held_reason: str | None
    updated_at: float
    payload: bytes | None = None  # only filled by claim() and export_items()

    @classmethod
    def from_row(cls, row: dict) -> OutboxItem:
        return cls(**{**row, "state": ItemState(row["state"])})


class Outbox:
    """A durable queue in one SQLite file. Thread-safe within a process (one writer)."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time,
                 readonly: bool = False) -> None:
        self.clock = clock
        self.store = Store(Path(path), MIGRATIONS, readonly=readonly,
                           salvage_tables=SALVAGE_TABLES)
        if not readonly:
            with self.store.write() as db:
                # Crash recovery: an upload that was in flight may or may not have arrived; the
                # idempotency key makes sending it again safe.
                db.execute("UPDATE items SET state = 'pending' WHERE state = 'sending'")

    @property
    def recovery(self) -> Recovery | None:
        return self.store.recovery

    def close(self) -> None:
        self.store.close()

    # -- writing -------------------------------------------------------------------------

    def enqueue(self, item_id: str, service: str, routing: str, payload: bytes,
                created_at: float | None = None) -> None:
        """Queue a sealed payload; durable when this returns. Raises DiskFull, DuplicateItem."""
        now = self.clock()
        row = {
            "item_id": item_id, "service": service, "routing": routing,
            "created_at": now if created_at is None else created_at, "state": "pending",
            "payload": payload, "attempts": 0, "next_attempt_at": now, "updated_at": now,
        }
        try:
            with self.store.write() as db:
                db["items"].insert(row)
        except sqlite3.IntegrityError as error:
            raise DuplicateItem(f"item {item_id} is already queued") from error

    def claim(self, limit: int, max_bytes: int | None = None) -> list[OutboxItem]:
        """Mark the oldest due pending items `sending` and return them with their payloads.

        At least one item is returned when any is due, even if it alone exceeds `max_bytes`.
        """
        now = self.clock()
        with self.store.write() as db:
            rows = list(db.query(
                f"SELECT {_COLUMNS}, payload FROM items WHERE state = 'pending' "
                "AND next_attempt_at <= ? ORDER BY seq LIMIT ?", [now, limit],
            ))
            chosen, total = [], 0
            for row in rows:
                size = len(row["payload"] or b"")
                if chosen and max_bytes is not None and total + size > max_bytes:
                    break
                chosen.append(row)
                total += size
            if chosen:
                seqs = [row["seq"] for row in chosen]
                marks = ",".join("?" for _ in seqs)
                db.execute(f"UPDATE items SET state = 'sending', updated_at = ? "
                           f"WHERE seq IN ({marks})", [now, *seqs])
        return [OutboxItem.from_row({**row, "state": "sending"}) for row in chosen]

    def mark_sent(self, item_ids: Iterable[str]) -> int:
        """The far end confirmed these: mark sent and delete their payloads, in one commit."""
        ids = list(item_ids)
        if not ids:
            return 0
        marks = ",".join("?" for _ in ids)
        with self.store.write() as db:
            return db.execute(
                f"UPDATE items SET state = 'sent', payload = NULL, last_error = NULL, "
                f"updated_at = ? WHERE item_id IN ({marks}) AND state IN ('sending', 'pending')",
                [self.clock(), *ids],
            ).rowcount

    def hold(self, item_id: str, reason: str) -> None:
        with self.store.write() as db:
            db.execute("UPDATE items SET state = 'held', held_reason = ?, last_error = ?, "
                       "attempts = attempts + 1, updated_at = ? "
                       "WHERE item_id = ? AND state != 'sent'",
                       [reason, reason, self.clock(), item_id])

    def release(self, item_ids: Iterable[str], error: str, next_attempt_at: float,
                count_attempt: bool = True) -> None:
        """Put claimed items back in the queue, to be tried again at `next_attempt_at`."""
        ids = list(item_ids)
        if not ids:
            return
        marks = ",".join("?" for _ in ids)
        with self.store.write() as db:
            db.execute(
                f"UPDATE items SET state = 'pending', last_error = ?, next_attempt_at = ?, "
                f"attempts = attempts + ?, updated_at = ? "
                f"WHERE item_id IN ({marks}) AND state = 'sending'",
                [error, next_attempt_at, int(count_attempt), self.clock(), *ids],
            )

    def retry(self, item_id: str) -> bool:
        """A person asks to try again: a held or waiting item becomes due now."""
        with self.store.write() as db:
            return db.execute(
                "UPDATE items SET state = 'pending', held_reason = NULL, next_attempt_at = ?, "
                "updated_at = ? WHERE item_id = ? AND state IN ('held', 'pending')",
                [self.clock(), self.clock(), item_id],
            ).rowcount == 1

    def make_all_due(self) -> int:
        """Connectivity came back: forget per-item backoff so the queue drains at once."""
        now = self.clock()
        with self.store.write() as db:
            return db.execute("UPDATE items SET next_attempt_at = ? WHERE state = 'pending' "
                              "AND next_attempt_at > ?", [now, now]).rowcount

    def purge_held(self, older_than: float) -> int:
        """Delete held items (and their sealed payloads) last touched before `older_than`."""
        with self.store.write() as db:
            return db.execute("DELETE FROM items WHERE state = 'held' AND updated_at < ?",
                              [older_than]).rowcount

    def set_meta(self, values: dict[str, str]) -> None:
        with self.store.write() as db:
            for key, value in values.items():
                db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    # -- reading -------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.store.read("SELECT key, value FROM meta")}

    def counts(self) -> dict[ItemState, int]:
        rows = self.store.read("SELECT state, count(*) AS n FROM items GROUP BY state")
        found = {row["state"]: row["n"] for row in rows}
        return {state: found.get(state.value, 0) for state in ItemState}

    def oldest_unsent_created_at(self) -> float | None:
        rows = self.store.read("SELECT min(created_at) AS t FROM items "
                               "WHERE state IN ('pending', 'sending')")
        return rows[0]["t"]

    def next_due_at(self) -> float | None:
        rows = self.store.read("SELECT min(next_attempt_at) AS t FROM items "
                               "WHERE state = 'pending'")
        return rows[0]["t"]

    def held_touched_before(self, moment: float) -> int:
        rows = self.store.read("SELECT count(*) AS n FROM items WHERE state = 'held' "
                               "AND updated_at < ?", [moment])
        return rows[0]["n"]

    def items(self, states: Iterable[ItemState] | None = None, limit: int = 1000) -> list[
            OutboxItem]:
        """Newest first, without payloads (for lists on screen and on the command line)."""
        wanted = [s.value for s in (states or ItemState)]
        marks = ",".join("?" for _ in wanted)
        rows = self.store.read(f"SELECT {_COLUMNS} FROM items WHERE state IN ({marks}) "
                               f"ORDER BY seq DESC LIMIT ?", [*wanted, limit])
        return [OutboxItem.from_row(row) for row in rows]

    def get(self, item_id: str) -> OutboxItem | None:
        rows = self.store.read(f"SELECT {_COLUMNS} FROM items WHERE item_id = ?", [item_id])
        return OutboxItem.from_row(rows[0]) if rows else None

    def export_items(self) -> Iterator[OutboxItem]:
        """Every unsent item with its sealed payload, oldest first (for a USB export)."""
        rows = self.store.read(f"SELECT {_COLUMNS}, payload FROM items "
                               "WHERE state IN ('pending', 'sending', 'held') ORDER BY seq")
        return (OutboxItem.from_row(row) for row in rows)

    def integrity_check(self) -> str:
        return self.store.integrity_check()
