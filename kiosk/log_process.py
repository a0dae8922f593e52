"""The kiosk process's log (`kiosk run`, `kiosk demo`): its first and last lines, its crashes
told, and its files (kiosk.log_files) opened once the attract screen is painted.

Importing and starting kiosk.log_files (logging.handlers, the redaction's regular
expressions, the folder's pruning) was a tenth of the start-up's work before the first paint
(callgrind, `make bench`). It waits for the paint; what is logged before waits in memory and
is written first, with its own times and sessions.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.log_sessions import SessionFilter

LOG_FOLDER = "logs"
LOG_FILE = "kiosk.log"


def log_folder(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


class _HeldRecords(logging.Handler):
    """What is logged before the files open, in order, each with its session."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.addFilter(SessionFilter())

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_logged(config, run: Callable[[Callable[[], None]], int]) -> int:
    """Run the kiosk process: `run(open_files)` returns its exit status, and calls
    `open_files` once the attract screen is painted. A kiosk that stops before still leaves
    its lines; a crash is logged, not shown."""
    from kiosk import __version__

    held = _HeldRecords()
    root = logging.getLogger()
    root.setLevel(logging.getLevelName(config["logs.level"].upper()))
    root.addHandler(held)
    catch_uncaught(str(log_folder(config.data_dir) / LOG_FILE))  # before: held, then written
    log = logging.getLogger("kiosk.process")
    log.info("kiosk %s started: kiosk id %s, configuration %s, logs kept %d days",
             __version__, config["site.kiosk_id"], config.source, config["logs.keep_days"])

    def open_files() -> None:
        if held not in root.handlers:
            return  # opened already
        root.removeHandler(held)
        from kiosk.log_files import LogSettings, start_logging

        settings = LogSettings.from_config(config)
        try:
            start_logging(settings)
        except OSError as error:
            print(f"kiosk: no log file can be written in {settings.folder} "
                  f"({error.strerror}); the kiosk runs without one: make storage.data_dir a "
                  "writable folder", file=sys.stderr, flush=True)
            return
        for record in held.records:
            for handler in root.handlers:
                if record.levelno >= handler.level:
                    handler.handle(record)

    try:
        status = run(open_files)
    except Exception as error:
        open_files()
        sys.excepthook(type(error), error, error.__traceback__)
        status = 1
    open_files()
    log.info("kiosk stopped (exit status %s)", status)
    from kiosk.log_files import stop_logging

    stop_logging()
    return status


_hooks_before: list[tuple] = []  # the hooks catch_uncaught replaced, for release_uncaught


def catch_uncaught(log_path: str) -> None:
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


def release_uncaught() -> None:
    """Whatever hooks were there before catch_uncaught come back (pytest's, a caller's)."""
    if _hooks_before:
        sys.excepthook, threading.excepthook = _hooks_before.pop()
