"""Session pseudonyms for the kiosk's log lines: which visit a line belongs to, never who.

The pseudonym is 8 random hex characters drawn when a citizen touches the attract screen
(`begin_citizen_session`) and dropped when the journey resets; nothing of the citizen goes
into it. Staff mode adds `staff-<8 hex>` the same way. Which thread tells which: the GUI
(main) thread, the session on screen; a task run through ui.tasks.run_task, the session that
started it (`carry_session`), so a printer failure is told under the session that asked for
the print even if it ended meanwhile; threads that serve every session (the sync engine, the
voice worker), "-": a sync round belongs to no citizen.

Apart from kiosk.log_files (the files, their format and redaction), which the journey does
not need to load before the first paint.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TypeVar

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
    return os.urandom(4).hex()  # random: never derived from anything the citizen gave


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


class SessionFilter(logging.Filter):
    """Stamps each record with the pseudonym of the thread's context, when it is made."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "session"):
            record.session = session_tag()
        return True
