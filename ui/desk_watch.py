"""Notices when the front desk opens or closes, so the attract screen says it without a tap.

A timer asks kiosk.opening about "now" every CHECK_MS and signals when the answer changes
(opened, closed, or "demain" became "aujourd'hui" at midnight). Asking often rather than
sleeping until the next opening keeps it right when the system clock is corrected (NTP on a
kiosk that booted with the wrong time) or the settings change while it runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from kiosk.opening import DeskStatus

CHECK_MS = 20_000  # a citizen reads "fermé" at most this long after the desk opened
Clock = Callable[[], float]  # seconds since the epoch, like time.time


class DeskWatch(QObject):
    changed = Signal()  # the desk's status is not what it was at the last check

    def __init__(self, settings: Callable[[], Any], clock: Clock | None = None,
                 parent: QObject | None = None):
        """`settings` gives the configuration in force (read at each check: a change of
        opening.hours applies at once); `clock` is injectable for tests."""
        super().__init__(parent)
        self._settings = settings
        self.clock = clock or time.time
        self._last = self.status()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def status(self) -> DeskStatus | None:
        """The desk now; None for a site without opening hours (always open), which never
        loads kiosk.opening: the first paint does not pay for it."""
        settings = self._settings()
        if not settings["opening.hours"]:
            return None
        from kiosk.opening import desk_status

        return desk_status(settings, datetime.fromtimestamp(self.clock(), UTC))

    def check(self) -> None:
        status = self.status()
        if status != self._last:
            self._last = status
            self.changed.emit()
