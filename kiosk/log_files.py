"""The kiosk's log files: what an IT officer and an auditor read, never a citizen's data.

One line per event, in `<data folder>/logs/kiosk.log`, a new file each midnight (local time),
files older than `logs.keep_days` deleted. A line is

    2026-12-03T10:15:02.123+01:00 WARNING printing.result [3f9a0c1e] receipt not printed: ...

time with its UTC offset, level, component (the last two parts of the logger's name), the
session pseudonym, the message; a traceback follows on indented lines.

The pseudonym is 8 random hex characters drawn when a citizen touches the attract screen
(`begin_citizen_session`) and dropped when the journey resets; nothing of the citizen goes
into it. Staff mode adds `staff-<8 hex>` the same way. Which thread tells which: the GUI
(main) thread, the session on screen; a task run through ui.tasks.run_task, the session that
started it (`carry_session`), so a printer failure is told under the session that asked for
the print even if it ended meanwhile; threads that serve every session (the sync engine, the
voice worker), "-": a sync round belongs to no citizen.

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
import secrets
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path
from typing import TypeVar

LOG_FOLDER = "logs"
LOG_FILE = "kiosk.log"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}
NO_SESSION = "-"
T = TypeVar("T")



@dataclass(frozen=True, slots=True)
class SessionTags:
    citizen: str = NO_SESSION
    staff: str = ""

    def tag(self) -> str:
        """The line's session field: the citizen's pseudonym, '+' staff's when open."""
        if not self.staff:
            return self.citizen
        return self.staff if self.citizen == NO_SESSION else f"{self.citizen}+{self.staff}"


_on_screen = SessionTags()  # the session the screen holds; replaced whole, never mutated
_task_tags: ContextVar[SessionTags | None] = ContextVar("task_session", default=None)


# Session pseudonyms ----------------------------------------------------------------------
def _pseudonym() -> str:
    return secrets.token_hex(4)  # random: never derived from anything the citizen gave


def begin_citizen_session() -> str:
    """A citizen touched the attract screen: a new pseudonym for the lines that follow."""
    global _on_screen
    pseudonym = _pseudonym()
    _on_screen = replace(_on_screen, citizen=pseudonym)
    return pseudonym


def end_citizen_session() -> None:
    global _on_screen
    _on_screen = replace(_on_screen, citizen=NO_SESSION)


def begin_staff_session() -> str:
    """Staff mode unlocked (on the PIN check's worker: hence a process-wide value, not a
    context variable that the worker's end would forget). Returns the new session field,
    for the line that says so (`extra={"session": ...}`: the worker's own is older)."""
    global _on_screen
    _on_screen = replace(_on_screen, staff=f"staff-{_pseudonym()}")
    return _on_screen.tag()


def end_staff_session() -> None:
    global _on_screen
    _on_screen = replace(_on_screen, staff="")


def carry_session(work: Callable[[], T]) -> Callable[[], T]:
    """`work` to run on another thread for the screen: its lines carry the session that
    started it, even if that session ends before the work does."""
    tags = _on_screen

    def carried() -> T:
        token = _task_tags.set(tags)
        try:
            return work()
        finally:
            _task_tags.reset(token)

    return carried


def session_tag() -> str:
    """The session of the line being written: the screen's on the GUI (main) thread, the
    starting session's in a carried task, "-" in threads that serve every session."""
    carried = _task_tags.get()
    if carried is not None:
        return carried.tag()
    if threading.current_thread() is threading.main_thread():
        return _on_screen.tag()
    return NO_SESSION


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


class SessionFilter(logging.Filter):
    """Stamps each record with the pseudonym of the thread's context, when it is made."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "session"):
            record.session = session_tag()
        return True


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
def log_folder(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


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
    _catch_uncaught(handler.baseFilename)
    return handler


def run_logged(config, run: Callable[[], int]) -> int:
    """Run the kiosk process (`run()` returns its exit status) with its log files: a first
    and last line say which kiosk started and how it ended; a crash is logged, not shown."""
    from kiosk import __version__

    settings = LogSettings.from_config(config)
    try:
        start_logging(settings)
    except OSError as error:
        print(f"kiosk: no log file can be written in {settings.folder} ({error.strerror}); "
              "the kiosk runs without one: make storage.data_dir a writable folder",
              file=sys.stderr, flush=True)
        return run()
    log = logging.getLogger("kiosk.process")
    log.info("kiosk %s started: kiosk id %s, configuration %s, logs kept %d days",
             __version__, config["site.kiosk_id"], config.source, settings.keep_days)
    try:
        status = run()
    except Exception as error:
        sys.excepthook(type(error), error, error.__traceback__)
        status = 1
    log.info("kiosk stopped (exit status %s)", status)
    stop_logging()
    return status


def stop_logging() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "kiosk_log", False)]:
        root.removeHandler(handler)
        handler.close()
    if _hooks_before:  # whatever was there before start_logging comes back
        sys.excepthook, threading.excepthook = _hooks_before.pop()


_hooks_before: list[tuple] = []  # the hooks start_logging replaced, for stop_logging


def _catch_uncaught(log_path: str) -> None:
    """An exception nobody caught (a Qt slot's, a thread's): its traceback to the file, one
    line on the terminal, and the kiosk goes on (Qt keeps its event loop running)."""
    log = logging.getLogger("kiosk.uncaught")

    def told(kind: type[BaseException], error: BaseException, trace) -> None:
        log.critical("unexpected error, a bug to report; its traceback is in %s", log_path,
                     exc_info=(kind, error, trace))

    def hook(kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
        else:
            told(kind, error, trace)

    if not _hooks_before:
        _hooks_before.append((sys.excepthook, threading.excepthook))
    sys.excepthook = hook
    threading.excepthook = lambda args: told(args.exc_type, args.exc_value, args.exc_traceback)


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
