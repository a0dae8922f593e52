"""Taking over the database of the old hub (the Flask `kiosk hub`, before the back office).

The old hub kept `<data dir>/hub.sqlite3` with three tables: `submissions` (one row per UUID,
the sealed payload), `heartbeats` (one per kiosk) and `journal` (one per kiosk and seq). The
new hub uses the same file name, and Django's tables (`intake_submission`...) sit beside the
old ones, so `serve` copies them at every start and `kiosk-hub takeover PATH` does it for a
file kept elsewhere. The old tables are only read, never changed: nothing can be lost.

Idempotent: a UUID already held is skipped (a second run adds nothing), and because every old
request becomes a Submission with the same UUID and payload hash, a kiosk resending one later
gets "duplicate".
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from hub.fleet.models import JournalEntry, Kiosk
from hub.intake.heartbeat import store_journal
from hub.intake.models import Source, Submission
from hub.intake.receive import Rejected, clear_fields, open_document
from hub.keys import current_keys
from offline_cache.protocol import reference_for

LEGACY_TABLES = ("submissions", "heartbeats", "journal")
CHUNK = 500


class TakeoverError(Exception):
    """The file cannot be read as an old hub database; str() names it and what to do."""


@dataclass(slots=True)
class TakeoverCounts:
    requests: int = 0  # submissions copied now
    already: int = 0  # submissions that were already here
    journal: int = 0  # journal entries copied now
    kiosks: int = 0  # kiosks made now

    def __bool__(self) -> bool:
        return bool(self.requests or self.journal or self.kiosks)

    def summary(self) -> str:
        return (f"{self.requests} request(s) and {self.journal} journal entr(ies) taken over "
                f"from the old hub ({self.already} already here, {self.kiosks} kiosk(s) added)")


def _moment(text: str | None) -> datetime:
    try:
        moment = datetime.fromisoformat(text or "")
    except ValueError:
        return timezone.now()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def open_legacy(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to `path` if it holds the old hub's tables, else None."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=20)
        db.row_factory = sqlite3.Row
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        raise TakeoverError(f"{path}: not a readable SQLite database ({error}); "
                            "check the file, or give the old hub's hub.sqlite3") from None
    if "submissions" not in names:
        db.close()
        return None
    return db


def _rows(db: sqlite3.Connection, table: str, columns: str) -> Iterator[list[sqlite3.Row]]:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if table not in names:
        return
    cursor = db.execute(f"SELECT {columns} FROM {table} ORDER BY rowid")
    while chunk := cursor.fetchmany(CHUNK):
        yield chunk


class _Kiosks:
    """Kiosk rows by id, made on first sight (and counted)."""

    def __init__(self, counts: TakeoverCounts) -> None:
        self.counts, self.known = counts, {}

    def get(self, kiosk_id: str) -> Kiosk:
        if kiosk_id not in self.known:
            kiosk, made = Kiosk.objects.get_or_create(kiosk_id=kiosk_id[:40] or "inconnue")
            self.counts.kiosks += made
            self.known[kiosk_id] = kiosk
        return self.known[kiosk_id]


def _submission(row: sqlite3.Row, kiosk: Kiosk) -> Submission:
    sealed = bytes(row["payload"])
    try:
        language, assisted = clear_fields(
            open_document(current_keys().seal_private, sealed, row["uuid"]))
    except Rejected:  # sealed for other keys than this hub's: kept, shown as unreadable
        language, assisted = "fr", False
    source = row["source"] if row["source"] in (Source.NETWORK, Source.IMPORT) else Source.LEGACY
    return Submission(uuid=row["uuid"], reference=reference_for(row["uuid"]), kiosk=kiosk,
                      service=row["service"], routing=row["routing"], language=language,
                      assisted=assisted, created_at=_moment(row["created_at"]),
                      received_at=_moment(row["received_at"]), source=source,
                      payload=sealed, payload_sha256=hashlib.sha256(sealed).hexdigest())


def _take_submissions(db: sqlite3.Connection, kiosks: _Kiosks, counts: TakeoverCounts) -> None:
    columns = "uuid, kiosk_id, service, routing, created_at, received_at, source, payload"
    for chunk in _rows(db, "submissions", columns):
        held = {str(u) for u in Submission.objects.filter(
            uuid__in=[row["uuid"] for row in chunk]).values_list("uuid", flat=True)}
        new = [_submission(row, kiosks.get(row["kiosk_id"])) for row in chunk
               if row["uuid"] not in held]
        Submission.objects.bulk_create(new, ignore_conflicts=True)
        counts.requests += len(new)
        counts.already += len(chunk) - len(new)


def _take_heartbeats(db: sqlite3.Connection, kiosks: _Kiosks) -> None:
    for chunk in _rows(db, "heartbeats", "kiosk_id, seen_at, status"):
        for row in chunk:
            kiosk, seen = kiosks.get(row["kiosk_id"]), _moment(row["seen_at"])
            if kiosk.last_seen_at is None or kiosk.last_seen_at < seen:
                try:
                    status = json.loads(row["status"])
                except ValueError:
                    status = {}
                Kiosk.objects.filter(pk=kiosk.pk).update(last_seen_at=seen, status=status)


def _take_journal(db: sqlite3.Connection, kiosks: _Kiosks, counts: TakeoverCounts) -> None:
    touched: set[str] = set()
    for chunk in _rows(db, "journal", "kiosk_id, seq, entry, received_at"):
        rows = []
        for row in chunk:
            try:
                entry = json.loads(row["entry"])
            except ValueError:
                continue
            rows.append(JournalEntry(kiosk=kiosks.get(row["kiosk_id"]), seq=row["seq"],
                                     entry=entry, received_at=_moment(row["received_at"])))
            touched.add(row["kiosk_id"])
        before = JournalEntry.objects.count()
        JournalEntry.objects.bulk_create(rows, ignore_conflicts=True)
        counts.journal += JournalEntry.objects.count() - before
    for kiosk_id in touched:
        store_journal(kiosks.get(kiosk_id), [])  # moves the kiosk's journal_through mark


def take_over(path: Path) -> TakeoverCounts:
    """Copy what the old hub database at `path` holds and this hub does not; counts of it."""
    counts = TakeoverCounts()
    db = open_legacy(path)
    if db is None:
        return counts
    try:
        with transaction.atomic():
            kiosks = _Kiosks(counts)
            _take_submissions(db, kiosks, counts)
            _take_heartbeats(db, kiosks)
            _take_journal(db, kiosks, counts)
    except sqlite3.DatabaseError as error:
        raise TakeoverError(f"{path}: the old hub's tables cannot be read ({error}); "
                            "stop the old hub and try again") from None
    finally:
        db.close()
    return counts
