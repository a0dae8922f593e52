"""Opening a SQLite file we can trust: pragmas, integrity check, quarantine, migrations.

Why one writer: SQLite before 3.51.3 can corrupt a WAL database when several connections write
and checkpoint at once. We do not ship a fixed SQLite (the `pysqlite3` wheel); instead each file
has exactly ONE writer connection, shared by the threads of one process behind a lock, and a
second process gets it only through an exclusive lock file (`<db>.lock`). Readers in other
processes (`kiosk outbox status` while the kiosk runs) open read-only.

Why these pragmas: WAL lets a reader (status screen, CLI) see a consistent snapshot while the
writer works; `synchronous=FULL` makes a commit durable before it returns, which is what lets an
item be "queued" the moment `enqueue` returns, even if power goes the next second;
`busy_timeout` makes a brief lock wait instead of failing; `secure_delete` overwrites the bytes
of a purged payload instead of leaving them in free pages.

Recovery when `quick_check` fails (documented in docs/operations.md): the damaged file and its
-wal/-shm are moved to `quarantine/<name>.<timestamp>/`, the rows SQLite can still read are
copied into a fresh file, and the caller gets a `Recovery` record to raise an alert with. The
writer does it when it opens (the kiosk must keep queuing) and `Store.repair` on request; a
read-only open never changes anything: it raises StoreDamaged and leaves the file as it is.
Why Python's own sqlite3 and not the `sqlite3 .recover` tool: `.recover` fails with "SQL logic
error" on Debian 12's sqlite3 3.40.1, even on a sound file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from sqlite_utils.utils import sqlite3

try:  # POSIX; on Windows the single-writer rule rests on the kiosk running once
    import fcntl
except ImportError:  # pragma: no cover - not on Debian
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 5000
SALVAGE_PROBE = 4096  # rowids probed past a damaged page when max(rowid) cannot be read
SIDE_FILES = ("-wal", "-shm")


class StoreError(Exception):
    """The database cannot be used; the message says what an operator can do."""


class StoreBusy(StoreError):
    """Another process holds the writer lock (the kiosk is probably running)."""


class StoreDamaged(StoreError):
    """The file is not a sound database of ours; `reason` is SQLite's own words."""

    def __init__(self, path: Path, reason: str) -> None:
        reason = " ".join(reason.split())  # SQLite's report spans lines
        super().__init__(f"{path} is damaged ({reason})")
        self.path, self.reason = path, reason


class DiskFull(StoreError):
    """The disk is full: the write was refused and nothing earlier was touched."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """What happened when a damaged file was found at open."""

    quarantined_to: Path
    reason: str
    rows_recovered: int
    at: float


Migration = Sequence[str]  # SQL statements taking the schema from version i to i + 1


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _configure_writer(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA foreign_keys=ON")


def _verdict(conn: sqlite3.Connection) -> str | None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    verdict = "; ".join(str(row[0]) for row in rows)
    return None if verdict == "ok" else verdict


def _quick_check(path: Path) -> str | None:
    """None when the file is sound (or absent), else SQLite's complaint."""
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        return "empty: no tables"  # SQLite calls it sound; it is not our file any more
    try:
        conn = _connect(path, readonly=False)
    except sqlite3.DatabaseError as error:
        return str(error)
    try:
        return _verdict(conn)
    finally:
        conn.close()


def _open_reader(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    """A read-only connection to a sound file of the right schema; never writes anything."""
    if not path.exists():
        raise StoreError(f"{path}: no such database yet")
    if not os.access(path, os.R_OK) or path.is_dir():
        raise StoreError(f"{path} cannot be read by this account")
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.DatabaseError as error:
        raise StoreDamaged(path, str(error)) from None
    problem = _verdict(conn)
    version = None
    if problem is None:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            problem = str(error)
    if problem is None and version == 0:
        problem = "empty: no tables" if path.stat().st_size == 0 else "not a file of this kind"
    if problem is not None:
        conn.close()
        if "unable to open" in problem:
            raise StoreError(f"{path} cannot be opened read-only ({problem}); check the "
                             "folder's permissions") from None
        raise StoreDamaged(path, problem)
    if version > len(migrations):
        conn.close()
        raise StoreError(f"{path}: schema version {version} is newer than this program")
    return conn


def _quarantine(path: Path) -> Path:
    folder = path.parent / "quarantine" / f"{path.name}.{time.strftime('%Y%m%dT%H%M%S')}"
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(str(source), str(folder / source.name))
    return folder / path.name


def _salvage(damaged: Path, fresh: sqlite3.Connection, tables: Sequence[str]) -> int:
    """Copy every row SQLite can still read from `damaged` into `fresh`; return the count."""
    copied = 0
    try:
        old = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return 0
    try:
        for table in tables:
            try:  # LIMIT 0: the columns without reading a (maybe damaged) first row
                columns = [d[0] for d in old.execute(f"SELECT * FROM [{table}] LIMIT 0")
                           .description]
            except sqlite3.DatabaseError:
                continue
            copied += _salvage_table(old, fresh, table, columns)
        fresh.commit()
    finally:
        old.close()
    return copied


def _salvage_table(old: sqlite3.Connection, fresh: sqlite3.Connection, table: str,
                   columns: list[str]) -> int:
    """Copy rows in rowid order; at a damaged page, step over it row by row and carry on.

    A lookup by rowid walks only the path to that row, so the rows of a broken leaf fail
    one by one while the next leaf reads again; only the damaged page's rows are lost.
    """
    marks = ", ".join("?" for _ in columns)
    names = ", ".join(f"[{c}]" for c in columns)
    insert = f"INSERT OR IGNORE INTO [{table}] ({names}) VALUES ({marks})"
    top = _max_rowid(old, table)
    copied, after = 0, 0  # our rowids start at 1
    while after is not None:
        try:
            for rowid, *row in old.execute(f"SELECT rowid, * FROM [{table}] WHERE rowid > ? "
                                           "ORDER BY rowid", [after]):
                with contextlib.suppress(sqlite3.DatabaseError):
                    copied += fresh.execute(insert, row).rowcount
                after = rowid
            return copied
        except sqlite3.DatabaseError:
            after = _next_readable(old, table, after + 1, top)
    return copied


def _max_rowid(old: sqlite3.Connection, table: str) -> int:
    try:
        return int(old.execute(f"SELECT max(rowid) FROM [{table}]").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        return 0


def _next_readable(old: sqlite3.Connection, table: str, first: int, top: int) -> int | None:
    """The rowid before the first readable row after `first`, or None past `top`.

    `first` itself is skipped: the scan just failed on it, and a lookup of it may succeed
    where the scan does not, which would loop.
    """
    for rowid in range(first + 1, max(top, first + SALVAGE_PROBE) + 1):
        try:
            if old.execute(f"SELECT 1 FROM [{table}] WHERE rowid = ?", [rowid]).fetchone():
                return rowid - 1
        except sqlite3.DatabaseError:
            continue
    return None


class Store:
    """One SQLite file, one writer connection, a lock around it.

    Use `with store.write() as db:` for a transaction (sqlite-utils `Database`, committed on
    exit, rolled back on error) and `store.read(sql, params)` for dict rows.
    """

    def __init__(self, path: Path, migrations: Sequence[Migration], *, readonly: bool = False,
                 salvage_tables: Sequence[str] = ()) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.recovery: Recovery | None = None
        self._lock = threading.RLock()
        self._lock_file: int | None = None
        if readonly:
            self.db = sqlite_utils.Database(_open_reader(self.path, migrations))
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._take_writer_lock()
        problem = _quick_check(self.path)
        damaged: Path | None = None
        if problem is not None:
            damaged = _quarantine(self.path)
        conn = _connect(self.path, readonly=False)
        _configure_writer(conn)
        self.db = sqlite_utils.Database(conn)
        self._migrate(migrations)
        if damaged is not None:
            rows = _salvage(damaged, conn, salvage_tables)
            self.recovery = Recovery(damaged, " ".join((problem or "").split()), rows,
                                     time.time())

    @classmethod
    def repair(cls, path: Path, migrations: Sequence[Migration],
               salvage_tables: Sequence[str] = ()) -> Recovery | None:
        """Quarantine a damaged file and rebuild it from its readable rows (None: it was sound).

        Takes the writer lock, so it raises StoreBusy while another process (the kiosk) runs.
        """
        store = cls(path, migrations, salvage_tables=salvage_tables)
        store.close()
        return store.recovery

    def _take_writer_lock(self) -> None:
        if fcntl is None:
            return
        fd = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreBusy(
                f"{self.path} is open for writing by another process (is the kiosk running?)"
            ) from None
        self._lock_file = fd

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise StoreError(f"{self.path}: schema version {version} is newer than this program")
        for number in range(version, len(migrations)):
            # One transaction per step: a crash mid-migration leaves the previous version whole.
            with self.db.atomic():
                for statement in migrations[number]:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number + 1}")

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        with self._lock:
            try:
                with self._transaction():
                    yield self.db
            except sqlite3.OperationalError as error:
                if "full" in str(error).lower():
                    raise DiskFull(f"{self.path}: the disk is full ({error})") from error
                raise

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: the write lock is taken first, so another writer's lock is waited
        for (busy_timeout). sqlite-utils' plain BEGIN reads first (an update looks its row
        up), and SQLite then refuses the upgrade at once: "database is locked"."""
        if self.db.conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        self.db.execute("COMMIT")

    def read(self, sql: str, params: Sequence | dict | None = None) -> list[dict]:
        with self._lock:
            return list(self.db.query(sql, params))

    def run(self, fn: Callable[[sqlite_utils.Database], object]) -> object:
        with self._lock:
            return fn(self.db)

    def integrity_check(self) -> str:
        with self._lock:
            return "; ".join(r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall())

    def close(self) -> None:
        with self._lock:
            if not self.readonly:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.close()
            if self._lock_file is not None:
                os.close(self._lock_file)
                self._lock_file = None
