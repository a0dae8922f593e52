"""Feeding systemd's watchdog from the GUI thread's event loop.

WATCHDOG=1 is sent by a QTimer's timeout, so it goes out only while the event loop runs: a GUI
thread stuck in a slot (a deadlock, a blocking call, an endless loop) stops feeding, and systemd
kills the kiosk after WatchdogSec and starts it again. A thread of its own would keep feeding a
kiosk whose screen no longer answers a touch, which is exactly what the watchdog is for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.system.notify import ServiceNotifier


class WatchdogFeeder(QObject):
    """Every half WatchdogSec, from the event loop; inert when the unit has no watchdog."""

    def __init__(self, notifier: ServiceNotifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.interval_ms = notifier.watchdog_interval_ms()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # half the deadline, not 5 % late
        self.timer.timeout.connect(notifier.watchdog)

    def start(self) -> None:
        if self.interval_ms is None:
            return
        self.notifier.watchdog()  # the first one at once: READY has just gone out
        self.timer.start(self.interval_ms)

    def stop(self) -> None:
        """Once the kiosk told systemd it is stopping (systemd stops watching then)."""
        self.timer.stop()
