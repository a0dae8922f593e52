"""The real back-office hub for kiosk-side tests: its own process, read through its files.

`RunningHub(data_dir).start()` runs `python -m hub serve` on a free loopback port (through
kiosk.local_hub, the helper `kiosk demo` uses) and returns its URL; the readers below open
the hub's SQLite file read-only, so a test sees what the hub committed, as an agent would.
The fixture `running_hub` (tests/conftest.py) gives one per test, stopped afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from kiosk.local_hub import LocalHub, start_local_hub


class RunningHub:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.process: LocalHub | None = None
        self.url = ""

    def start(self, port: int = 0, env: dict[str, str] | None = None) -> str:
        self.process = start_local_hub(self.data_dir, port=port, env=env)
        self.url = self.process.url
        return self.url

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
            self.process = None

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        db = sqlite3.connect(f"file:{self.data_dir / 'hub.sqlite3'}?mode=ro", uri=True,
                             timeout=20)
        db.row_factory = sqlite3.Row
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def count(self) -> int:
        return self._read("SELECT count(*) FROM intake_submission")[0][0]

    def uuids(self) -> list[str]:
        # Django stores UUIDs in SQLite as 32 hex digits without dashes.
        return [_dashed(row[0]) for row in self._read(
            "SELECT uuid FROM intake_submission ORDER BY id")]

    def submissions(self) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT s.uuid, s.reference, k.kiosk_id, s.service, s.routing, s.language, "
            "s.assisted, s.source, s.state, s.payload, s.payload_sha256 FROM intake_submission s"
            " JOIN fleet_kiosk k ON k.id = s.kiosk_id ORDER BY s.id")
        return [{**dict(row), "uuid": _dashed(row["uuid"])} for row in rows]

    def conflicts(self) -> int:
        return self._read("SELECT count(*) FROM intake_conflict")[0][0]

    def heartbeats(self) -> list[dict[str, Any]]:
        return [{"kiosk_id": row["kiosk_id"], "seen_at": row["last_seen_at"],
                 "status": json.loads(row["status"])} for row in self._read(
            "SELECT kiosk_id, last_seen_at, status FROM fleet_kiosk "
            "WHERE last_seen_at IS NOT NULL ORDER BY kiosk_id")]

    def journal(self, kiosk_id: str) -> list[dict[str, Any]]:
        return [json.loads(row[0]) for row in self._read(
            "SELECT j.entry FROM fleet_journalentry j JOIN fleet_kiosk k ON k.id = j.kiosk_id "
            "WHERE k.kiosk_id = ? ORDER BY j.seq", (kiosk_id,))]

    def integrity_check(self) -> str:
        return self._read("PRAGMA integrity_check")[0][0]

    def opened_payloads(self) -> dict[str, dict]:
        """uuid -> the opened content, with the hub's keys (tests only: personal data)."""
        from hub.keys import load_keys
        from offline_cache.envelope import open_sealed

        private = load_keys(self.data_dir / "keys").seal_private
        return {row["uuid"]: json.loads(open_sealed(private, row["payload"],
                                                    row["uuid"].encode()))
                for row in self.submissions()}


def _dashed(hex32: str) -> str:
    return str(uuid.UUID(hex32))
