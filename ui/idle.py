"""Idle handling: no touch for a while -> a spoken warning with a countdown -> a full wipe.

Any touch anywhere counts as "I'm still here": on any screen it postpones the warning, and
on the warning itself it brings the citizen back (a button there still does its own job,
"Terminer" included).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.journey import Journey, JourneyState, Step

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
})


class IdleWatcher(QObject):
    """Watches every touch in the application; owns the two idle timers."""

    def __init__(self, journey: Journey, warning_after_ms: int, reset_after_s: int,
                 on_countdown: Callable[[int], None], parent: QObject | None = None):
        super().__init__(parent)
        self._journey = journey
        self._reset_after_s = reset_after_s
        self._on_countdown = on_countdown
        self._remaining = reset_after_s
        self._warning_timer = QTimer(self, singleShot=True, interval=warning_after_ms)
        self._warning_timer.timeout.connect(self._warn)
        self._tick_timer = QTimer(self, interval=1000)
        self._tick_timer.timeout.connect(self._tick)
        journey.subscribe(self._on_state)

    def set_warning_after_ms(self, milliseconds: int) -> None:
        self._warning_timer.setInterval(milliseconds)

    def set_reset_after_s(self, seconds: int) -> None:
        """From the next warning on; a countdown already running keeps its course."""
        self._reset_after_s = seconds

    def still_here(self) -> None:
        """Someone touched the screen (also a touch another filter held back, such as the
        tap guard's: connect its `tap_ignored` here)."""
        if self._tick_timer.isActive():
            self._journey.resume()
        elif self._warning_timer.isActive():
            self._warning_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in ACTIVITY_EVENTS or not isinstance(watched, QWidget):
            return False  # a window receives a touch before the widget under it: wait
        if not self.parent().isVisible():
            return False  # a closed window's watcher (another test's) sees nobody's touch
        if self._tick_timer.isActive() and not _on_a_button(watched):
            self._journey.resume()
            return True  # the touch that woke the screen does nothing else
        self.still_here()
        return False

    def _on_state(self, state: JourneyState) -> None:
        if state.step is Step.IDLE_WARNING:
            self._warning_timer.stop()
            self._remaining = self._reset_after_s
            self._on_countdown(self._remaining)
            self._tick_timer.start()
            return
        self._tick_timer.stop()
        if state.step is Step.ATTRACT:
            self._warning_timer.stop()
        else:
            self._warning_timer.start()

    def _warn(self) -> None:
        self._journey.idle_warning()

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._tick_timer.stop()
            self._journey.reset()
        else:
            self._on_countdown(self._remaining)


def _on_a_button(widget: QWidget) -> bool:
    while widget is not None:
        if isinstance(widget, QAbstractButton):
            return True
        widget = widget.parentWidget()
    return False
