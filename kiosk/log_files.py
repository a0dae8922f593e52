"""The kiosk's log files: what an IT officer and an auditor read, never a citizen's data.

One line per event, in `<data folder>/logs/kiosk.log`, a new file each midnight (local time),
files older than `logs.keep_days` deleted. A line is

    2026-12-03T10:15:02.123+01:00 WARNING printing.result [3f9a0c1e] receipt not printed: ...

time with its UTC offset, level, component (the last two parts of the logger's name), the
session pseudonym, the message; a traceback follows on indented lines.

The pseudonym comes from kiosk.log_sessions; kiosk.log_process opens these files once the
attract screen is painted (`kiosk run`, `kiosk demo`).

Nothing a citizen typed may reach a line: the log calls name counts, states, service ids and
exception types, and the formatter redacts whatever still has a known personal shape (e-mail,
a run of 9 digits or more: phone, NIR, IBAN; request UUIDs and references, which open the
tracking page) in the message and the traceback alike. Names and free text have no shape:
tests/gui/test_logs_hold_no_citizen_data.py proves none reaches the file after a simulated day.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

from kiosk.log_process import LOG_FILE, catch_uncaught, log_folder, release_uncaught
from kiosk.log_sessions import NO_SESSION, SessionFilter

LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}



# Redaction -------------------------------------------------------------------------------
_HEX = "[0-9a-fA-F]"
_REFERENCE_CHARS = "[23456789ACDEFGHJKMNPQRTUVWXY]"  # offline_cache.protocol.ALPHABET
REDACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(rf"\b{_HEX}{{8}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{4}}-?{_HEX}{{12}}\b"),
     "[request id]"),
    (re.compile(rf"\b{_HEX}{{32}}\b"), "[request id]"),
    (re.compile(rf"\b{_REFERENCE_CHARS}{{3}}-{_REFERENCE_CHARS}{{3}}\b"), "[reference]"),
    # A NIR of Corsica (2A, 2B in place of the department's digits), spaces or not.
    (re.compile(r"\b\d(?:[ .]?\d){4}[ .]?2[ABab](?:[ .]?\d){6,8}\b"), "[number]"),
    # Phone numbers, NIR, IBAN, card numbers: 9 digits or more, spaces, dots or dashes between.
    (re.compile(r"\+?\d(?:[ .\-/]?\d){8,}"), "[number]"),
)


def redact(text: str) -> str:
    """`text` with every known personal shape replaced by what it was ('[e-mail]'...)."""
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class KioskFormatter(logging.Formatter):
    """The line format above; `tracebacks=False` for the terminal (an IT officer there reads
    one sentence, the traceback is in the file)."""

    def __init__(self, tracebacks: bool = True) -> None:
        super().__init__()
        self.tracebacks = tracebacks

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created).astimezone()
        component = ".".join(record.name.split(".")[-2:])
        session = getattr(record, "session", NO_SESSION)
        message = record.getMessage()
        if self.tracebacks and record.exc_info:
            message += "\n" + self.formatException(record.exc_info)
        elif record.exc_info and record.exc_info[1] is not None:
            message += f" ({type(record.exc_info[1]).__name__})"
        first, *rest = redact(message).splitlines() or [""]
        line = (f"{stamp.isoformat(timespec='milliseconds')} {record.levelname:<7} "
                f"{component} [{session}] {first}")
        return "\n".join([line, *(f"    {more}" for more in rest)])


# The rotating file -----------------------------------------------------------------------
Clock = Callable[[], float]


class DailyLogFile(TimedRotatingFileHandler):
    """The stdlib's midnight rotation, with two changes an auditor needs: files go by age
    (`keep_days` days, even when the kiosk was off some days: the stdlib counts files), and
    every file is 0600. `clock` is time.time unless a test advances its own."""

    def __init__(self, path: Path, keep_days: int, clock: Clock = time.time) -> None:
        self.keep_days, self._clock = keep_days, clock
        super().__init__(path, when="midnight", backupCount=keep_days, encoding="utf-8",
                         delay=True)
        self.rolloverAt = self.computeRollover(self._start_time(path))

    def _start_time(self, path: Path) -> float:
        """The day the current file belongs to: its last write, else now (as the stdlib)."""
        return path.stat().st_mtime if path.exists() else self._clock()

    def _open(self):
        stream = open(self.baseFilename, self.mode, encoding=self.encoding,  # noqa: SIM115
                      opener=lambda name, flags: os.open(name, flags, 0o600))
        os.chmod(self.baseFilename, 0o600)  # a file made before this rule
        return stream

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        return self._clock() >= self.rolloverAt

    def doRollover(self) -> None:
        super().doRollover()  # names the file after the day it holds, deletes the old ones
        now = self._clock()
        self.rolloverAt = self.computeRollover(now)
        while self.rolloverAt <= now:
            self.rolloverAt += self.interval

    def getFilesToDelete(self) -> list[str]:
        today = datetime.fromtimestamp(self._clock()).date()
        return [str(path) for path, day in rotated_files(Path(self.baseFilename))
                if (today - day).days > self.keep_days]

    def prune(self) -> None:
        """Delete what passed `keep_days` now: a kiosk off for weeks starts clean."""
        for old in self.getFilesToDelete():
            Path(old).unlink(missing_ok=True)


def rotated_files(current: Path) -> Iterator[tuple[Path, date]]:
    """The earlier days' files beside `current` (kiosk.log.2026-12-02), with their day."""
    for path in current.parent.glob(f"{current.name}.*"):
        try:
            yield path, date.fromisoformat(path.name.removeprefix(f"{current.name}."))
        except ValueError:
            continue  # not one of ours


# Starting it ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LogSettings:
    folder: Path
    keep_days: int
    level: int

    @classmethod
    def from_config(cls, config) -> LogSettings:
        return cls(log_folder(config.data_dir), config["logs.keep_days"],
                   LEVELS[config["logs.level"]])


def start_logging(settings: LogSettings, clock: Clock = time.time,
                  stderr=None) -> DailyLogFile:
    """Where the kiosk process starts (`kiosk run`, `kiosk demo`): the file, a terminal line
    for warnings, and uncaught exceptions to the file with their traceback."""
    settings.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(settings.folder, 0o700)
    handler = DailyLogFile(settings.folder / LOG_FILE, settings.keep_days, clock)
    handler.prune()
    handler.setFormatter(KioskFormatter())
    handler.addFilter(SessionFilter())
    terminal = logging.StreamHandler(stderr or sys.stderr)
    terminal.setLevel(logging.WARNING)
    terminal.setFormatter(KioskFormatter(tracebacks=False))
    terminal.addFilter(SessionFilter())
    root = logging.getLogger()
    root.setLevel(settings.level)
    for old in [h for h in root.handlers if getattr(h, "kiosk_log", False)]:
        root.removeHandler(old)
        old.close()
    for new in (handler, terminal):
        new.kiosk_log = True
        root.addHandler(new)
    catch_uncaught(handler.baseFilename)
    return handler


def stop_logging() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "kiosk_log", False)]:
        root.removeHandler(handler)
        handler.close()
    release_uncaught()


# What doctor says ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LogHoldings:
    folder: Path
    files: int
    size_bytes: int
    oldest: date | None

    def summary(self, keep_days: int) -> str:
        if not self.files:
            return f"{self.folder}: no log file yet (kept {keep_days} days once written)"
        since = f", since {self.oldest.isoformat()}" if self.oldest else ""
        return (f"{self.folder}: {self.files} file(s), {self.size_bytes / 1024:.0f} kB"
                f"{since}; kept {keep_days} days")


def log_holdings(folder: Path) -> LogHoldings:
    """The files of the log folder, their total size and the first day they hold."""
    current = folder / LOG_FILE
    rotated = list(rotated_files(current)) if folder.is_dir() else []
    present = [path for path, _day in rotated] + ([current] if current.is_file() else [])
    oldest = min((day for _path, day in rotated), default=None)
    if oldest is None and current.is_file():
        oldest = _first_day(current)
    return LogHoldings(folder, len(present), sum(path.stat().st_size for path in present),
                       oldest)


def _first_day(path: Path) -> date | None:
    with path.open(encoding="utf-8", errors="replace") as lines:
        try:
            return date.fromisoformat(lines.readline()[:10])
        except ValueError:
            return None
