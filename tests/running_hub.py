"""The real back-office hub for kiosk-side tests: its own process, read through its files.

`RunningHub(data_dir).start()` runs `python -m hub serve` on a free loopback port (through
kiosk.local_hub, the helper `kiosk demo` uses) and returns its URL; the readers below open
the hub's database themselves (its SQLite file read-only, or on the PostgreSQL pass its own
database, see hub_database.py), so a test sees what the hub committed, as an agent would, in
the same shapes on both. The fixture `running_hub` (tests/conftest.py) gives one per test,
stopped afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import hub_database

from kiosk.local_hub import LocalHub, start_local_hub


class RunningHub:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.process: LocalHub | None = None
        self.url = ""
        self.database_url = hub_database.url_for(self.data_dir)  # empty: data_dir/hub.sqlite3

    def start(self, port: int = 0, env: dict[str, str] | None = None) -> str:
        env = {**hub_database.env_for(self.data_dir), **(env or {})}
        self.database_url = env.get(hub_database.URL_VARIABLE, "")
        self.process = start_local_hub(self.data_dir, port=port, env=env)
        self.url = self.process.url
        return self.url

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def read(self, sql: str, params: tuple = ()) -> list[Any]:
        """Rows that index by name and by position, on either database (`?` parameters)."""
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url) as db:
                cursor = db.execute(sql.replace("?", "%s"), params or None)
                names = [column.name for column in cursor.description]
                return [_Row(names, row) for row in cursor.fetchall()]
        db = sqlite3.connect(f"file:{self.data_dir / 'hub.sqlite3'}?mode=ro", uri=True,
                             timeout=20)
        db.row_factory = sqlite3.Row
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def count(self) -> int:
        return self.read("SELECT count(*) FROM intake_submission")[0][0]

    def uuids(self) -> list[str]:
        return [_dashed(row[0]) for row in self.read(
            "SELECT uuid FROM intake_submission ORDER BY id")]

    def submissions(self) -> list[dict[str, Any]]:
        rows = self.read(
            "SELECT s.uuid, s.reference, k.kiosk_id, s.service, s.routing, s.language, "
            "s.assisted, s.source, s.state, s.payload, s.payload_sha256 FROM intake_submission s"
            " JOIN fleet_kiosk k ON k.id = s.kiosk_id ORDER BY s.id")
        return [{**dict(row), "uuid": _dashed(row["uuid"])} for row in rows]

    def conflicts(self) -> int:
        return self.read("SELECT count(*) FROM intake_conflict")[0][0]

    def heartbeats(self) -> list[dict[str, Any]]:
        return [{"kiosk_id": row["kiosk_id"], "seen_at": row["last_seen_at"],
                 "status": _json(row["status"])} for row in self.read(
            "SELECT kiosk_id, last_seen_at, status FROM fleet_kiosk "
            "WHERE last_seen_at IS NOT NULL ORDER BY kiosk_id")]

    def journal(self, kiosk_id: str) -> list[dict[str, Any]]:
        return [_json(row[0]) for row in self.read(
            "SELECT j.entry FROM fleet_journalentry j JOIN fleet_kiosk k ON k.id = j.kiosk_id "
            "WHERE k.kiosk_id = ? ORDER BY j.seq", (kiosk_id,))]

    def everything_held(self) -> str:
        """All the database holds, as text: SQLite's whole file (free pages too), or every row
        of every table on PostgreSQL; to show that a secret is stored nowhere."""
        if not self.database_url:
            return (self.data_dir / "hub.sqlite3").read_bytes().decode("latin-1")
        tables = [row[0] for row in self.read(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return "\n".join(str(row[0]) for table in tables
                         for row in self.read(f'SELECT t::text FROM "{table}" t'))

    def integrity_check(self) -> str:
        """SQLite's own check of its file; PostgreSQL has no such thing to ask."""
        if self.database_url:
            raise NotImplementedError("integrity_check reads a SQLite file: SQLite-only test")
        return self.read("PRAGMA integrity_check")[0][0]

    def opened_payloads(self) -> dict[str, dict]:
        """uuid -> the opened content, with the hub's keys (tests only: personal data)."""
        from hub.keys import load_keys
        from offline_cache.envelope import open_sealed

        private = load_keys(self.data_dir / "keys").seal_private
        return {row["uuid"]: json.loads(open_sealed(private, row["payload"],
                                                    row["uuid"].encode()))
                for row in self.submissions()}


class _Row:
    """A PostgreSQL row read like sqlite3.Row: by column name or position, unpacked as values."""

    def __init__(self, names: list[str], values: tuple) -> None:
        self._names, self._values = names, values

    def keys(self) -> list[str]:
        return self._names

    def __getitem__(self, key: str | int) -> Any:
        return self._values[key if isinstance(key, int) else self._names.index(key)]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def _dashed(value: str | uuid.UUID) -> str:
    """SQLite keeps Django's UUIDs as 32 hex digits, PostgreSQL as uuid: both read dashed."""
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(value))


def _json(value: Any) -> Any:
    """A JSONField read back: text in SQLite, already decoded from PostgreSQL's jsonb."""
    return json.loads(value) if isinstance(value, str) else value
