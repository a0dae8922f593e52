"""The nightly restart on the GUI thread: a timer wakes at the configured hour, and the kiosk
quits only once no session is in progress (kiosk.system.nightly), checking again every
RECHECK_MS while someone is still using it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.system.nightly import NightlyRestart

RECHECK_MS = 30_000  # at 03:30 a wait of half a minute after the last session is nothing
LONGEST_TIMER_MS = 3_600_000  # wake at least hourly: a clock set or a suspend moves the hour


class NightlyRestartTimer(QObject):
    def __init__(self, schedule: NightlyRestart, at_rest: Callable[[], bool],
                 restart: Callable[[], None], waiting: Callable[[], None],
                 recheck_ms: int = RECHECK_MS, parent: QObject | None = None) -> None:
        """`restart` quits for the service manager; `waiting` says why it has not yet."""
        super().__init__(parent)
        self.schedule, self.at_rest = schedule, at_rest
        self._restart, self._waiting, self.recheck_ms = restart, waiting, recheck_ms
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.check)
        self._said_waiting = False

    def start(self) -> None:
        self._arm()

    def _arm(self) -> None:
        until_ms = int(self.schedule.seconds_until_due() * 1000)
        self.timer.start(max(0, min(until_ms, LONGEST_TIMER_MS)))

    def check(self) -> None:
        if not self.schedule.due():
            self._arm()
        elif self.at_rest():
            self._restart()
        else:
            if not self._said_waiting:
                self._said_waiting = True
                self._waiting()
            self.timer.start(self.recheck_ms)
