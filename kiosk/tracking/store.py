"""The last known state of this kiosk's recent requests, as the hub's heartbeat answers say.

What is kept is what the hub's tracking page shows, nothing more: uuid, reference, state,
the agent's message for the citizen and when it changed; never an answer. One SQLite file
in the kiosk's data folder (offline_cache.store: one writer, WAL, durable), so a citizen can
ask after a restart and while the link is down. An entry the hub has not mentioned for
RETENTION_DAYS is dropped: the kiosk is not an archive.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offline_cache.protocol import MAX_STATES, RequestState, normalize_reference, reference_for
from offline_cache.store import Store

log = logging.getLogger(__name__)
STATES_FILE = "tracking.sqlite3"
RETENTION_DAYS = 60
MAX_MESSAGE = 2000  # characters of an agent's message kept; the hub's page shows it all
MIGRATIONS = [[
    "CREATE TABLE states (uuid TEXT PRIMARY KEY, reference TEXT NOT NULL, state TEXT NOT NULL,"
    " message TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '',"
    " heard_at REAL NOT NULL)",
    "CREATE INDEX states_reference ON states (reference)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]]


@dataclass(frozen=True, slots=True)
class KnownState:
    """One request as the hub last described it."""

    uuid: str
    reference: str
    state: RequestState
    message: str  # the agent's words for the citizen; may be empty
    updated_at: str  # ISO 8601 from the hub: when the state or message last changed
    heard_at: float  # epoch seconds: when this kiosk last got it


def parse_states(answer: Any) -> list[dict[str, Any]] | None:
    """The well-formed entries of an answer's "states", or None when it has none (older hub).

    An entry whose reference is not its uuid's, or whose state this kiosk does not know, is
    left out: a confused answer must not tell a citizen something wrong.
    """
    states = answer.get("states") if isinstance(answer, dict) else None
    if not isinstance(states, list):
        return None
    rows = []
    for entry in states[:MAX_STATES]:
        if not isinstance(entry, dict):
            continue
        try:
            client_id = str(uuid.UUID(str(entry.get("uuid"))))
            state = RequestState(entry.get("state"))
        except ValueError:
            continue
        reference = normalize_reference(str(entry.get("reference", "")))
        if reference != reference_for(client_id):
            continue
        message = entry.get("message")
        updated = entry.get("updated_at")
        rows.append({"uuid": client_id, "reference": reference, "state": state.value,
                     "message": message[:MAX_MESSAGE] if isinstance(message, str) else "",
                     "updated_at": updated[:40] if isinstance(updated, str) else ""})
    return rows


class StateBook:
    """Thread-safe (the store's lock): heartbeats of two threads may record at once."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], float] = time.time,
                 readonly: bool = False) -> None:
        self.clock = clock
        self.store = Store(Path(data_dir) / STATES_FILE, MIGRATIONS, readonly=readonly,
                           salvage_tables=("states", "meta"))

    def close(self) -> None:
        self.store.close()

    def record_answer(self, answer: dict[str, Any]) -> int:
        """Keep the states of one heartbeat answer; returns how many it carried.

        An answer without "states" (a hub from before tracking) changes nothing, not even
        when the kiosk last heard: it said nothing about the requests.
        """
        rows = parse_states(answer)
        if rows is None:
            return 0
        now = self.clock()
        with self.store.write() as db:
            if rows:
                db["states"].upsert_all([{**row, "heard_at": now} for row in rows], pk="uuid")
            db["meta"].upsert({"key": "last_heard_at", "value": repr(now)}, pk="key")
            db.execute("DELETE FROM states WHERE heard_at < ?", [now - RETENTION_DAYS * 86400])
        log.debug("tracking: %d request states from the hub", len(rows))
        return len(rows)

    def find(self, reference: str) -> KnownState | None:
        """The state for a normalised reference ("K7M-4QF"), the latest if two share it."""
        rows = self.store.read("SELECT * FROM states WHERE reference = ? ORDER BY heard_at DESC,"
                               " updated_at DESC LIMIT 1", [reference])
        if not rows:
            return None
        row = rows[0]
        return KnownState(row["uuid"], row["reference"], RequestState(row["state"]),
                          row["message"], row["updated_at"], row["heard_at"])

    def last_heard_at(self) -> float | None:
        """When the hub last told this kiosk about its requests (epoch seconds), if ever."""
        rows = self.store.read("SELECT value FROM meta WHERE key = 'last_heard_at'")
        try:
            return float(rows[0]["value"]) if rows else None
        except ValueError:
            return None

    def count(self) -> int:
        return self.store.read("SELECT count(*) AS n FROM states")[0]["n"]
