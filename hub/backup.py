"""`kiosk-hub backup DEST`: a consistent copy of the SQLite database while the hub runs.

SQLite's online backup API copies the database in one step inside one read transaction: a
snapshot of one moment, taken while the hub goes on writing (WAL: readers never block it).
The copy is written beside DEST, checked, flushed to disk and renamed onto DEST, so DEST is
either the previous backup or the new one, never half of one. It is readable by its owner
only: it holds the sealed requests, the agents' password hashes and the kiosks' token hashes.
PostgreSQL has its own tools (pg_dump, docs/deployment.md).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path


class BackupError(Exception):
    """One line naming the file and what to do."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    size: int
    requests: int

    def summary(self, source: Path) -> str:
        return (f"Backup of {source} written to {self.path} ({self.size / 1e6:.1f} MB, "
                f"{self.requests} request(s)). Keep the hub's keys folder backed up "
                "separately: without its private key no request in it can be read.")


def _check_destination(source: Path, dest: Path) -> None:
    if dest.is_dir():
        raise BackupError(f"{dest} is a folder; give the file to write, e.g. "
                          f"{dest / 'hub-backup.sqlite3'}")
    if not dest.parent.is_dir():
        raise BackupError(f"{dest.parent}: no such folder; create it or give another DEST")
    if dest.resolve() == source.resolve():
        raise BackupError(f"{dest} is the hub's own database; give another file")


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _copy(source: Path, partial: Path) -> int:
    """The snapshot into `partial`, checked; the number of requests in it."""
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    origin = sqlite3.connect(source, timeout=20)
    copy = sqlite3.connect(partial)
    try:
        origin.backup(copy)  # pages=-1: the whole database in one step, one snapshot
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise BackupError(f"the copy of {source} does not check out ({verdict}); the "
                              "previous backup is untouched, try again")
        return copy.execute("SELECT count(*) FROM intake_submission").fetchone()[0]
    finally:
        copy.close()
        origin.close()


def back_up(source: Path, dest: Path) -> Backup:
    """Write a consistent copy of the SQLite database `source` to `dest`, atomically."""
    dest = dest.expanduser().absolute()
    if not source.is_file():
        raise BackupError(f"{source}: no hub database there yet, nothing to back up; check "
                          "--data-dir")
    _check_destination(source, dest)
    partial = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        requests = _copy(source, partial)
        _fsync(partial)
        os.replace(partial, dest)
        _fsync(dest.parent)  # the rename itself survives a power cut
    except sqlite3.Error as error:
        raise BackupError(f"{source} could not be copied ({error}); the previous backup is "
                          "untouched, try again") from None
    except OSError as error:
        raise BackupError(f"{dest}: cannot write there ({error.strerror or error}); give a "
                          "folder this user can write with enough free space") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return Backup(dest, dest.stat().st_size, requests)
