"""Run slow work (printing...) off the GUI thread and get the outcome back on it.

Like Picard's run_task: the callback always runs on the GUI thread, with the result or the
exception, never swallowed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kiosk.log_sessions import carry_session


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the callback, on the GUI thread
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)


def run_task(work: Callable[[], Any], done: Callable[[Any, Exception | None], None],
             parent: QObject) -> None:
    """Run `work()` on the thread pool; call `done(result, error)` on the GUI thread.

    What `work` logs carries the session that started it (kiosk.log_files)."""
    relay = _Relay(parent)  # lives on the GUI thread: its queued signal lands there

    def finish(result: Any, error: Exception | None) -> None:
        relay.deleteLater()
        done(result, error)

    relay.finished.connect(finish)
    QThreadPool.globalInstance().start(_Task(carry_session(work), relay))


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Turn the event loop until `condition()` (a task's answer arrived), for the scripted
    walks (tour, screenshots) that have no citizen to wait for them."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if not condition():
        raise RuntimeError(f"{what} did not happen within {timeout_s:.0f} s")
