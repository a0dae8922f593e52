"""The mediator database (`<data dir>/mediator/mediator.db`): accounts, tickets, statistics.

It goes through offline_cache.store.Store for the same reasons as the outbox: one writer
connection per file (our SQLite, 3.40, predates the WAL fix of 3.51.3), WAL so the command line
can read while the kiosk writes, `synchronous=FULL` so a lock-out counter survives a power cut.
So while the kiosk runs, `kiosk mediator add` gets StoreBusy and says to stop the kiosk.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.mediator.common import mediator_dir

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            pin_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at REAL NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            lockouts INTEGER NOT NULL DEFAULT 0,
            locked_until REAL NOT NULL DEFAULT 0,
            last_unlock_at REAL
        )""",
        """CREATE TABLE tickets (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            number INTEGER NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at REAL NOT NULL,
            called_at REAL,
            closed_at REAL,
            called_by TEXT,
            UNIQUE (day, number)
        )""",
        """CREATE TABLE help_calls (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            screen TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at REAL NOT NULL,
            answered_at REAL,
            answered_by TEXT
        )""",
        # Counts only: one row per (day, service, outcome, assisted, step), no time of day,
        # so a row cannot be matched to a person seen at the kiosk at a given minute.
        """CREATE TABLE day_stats (
            day TEXT NOT NULL,
            service TEXT NOT NULL,
            completed INTEGER NOT NULL,
            assisted INTEGER NOT NULL,
            last_step TEXT NOT NULL,
            sessions INTEGER NOT NULL,
            PRIMARY KEY (day, service, completed, assisted, last_step)
        )""",
    ),
    # The language of the staff screens, chosen by each staff member (French until then).
    ("ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'fr'",),
)
SALVAGE_TABLES = ("accounts", "tickets", "help_calls", "day_stats")


def database_path(data_dir: Path) -> Path:
    return mediator_dir(data_dir) / "mediator.db"


def open_store(data_dir: Path, *, readonly: bool = False):
    """Open (and create or migrate) the mediator database; raises offline_cache StoreError."""
    from offline_cache.store import Store  # sqlite-utils only when a command needs it

    return Store(database_path(data_dir), MIGRATIONS, readonly=readonly,
                 salvage_tables=SALVAGE_TABLES)
