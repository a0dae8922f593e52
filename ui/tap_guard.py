"""Taps that mean what the person meant: a tap right after the screen changed is ignored.

A double tap, or a trembling finger that taps twice, must not act on the screen that the
first tap opened (a double tap on "Passer" must not also answer the next question). One
application-wide event filter drops presses for a short moment after the screen stack
changes page, or after `hold()` (an overlay appearing over the page).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget

TAP_HOLD_MS = 400  # longer than a double tap's second touch, shorter than a deliberate one

PRESSES = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin,
})
RELEASES = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd})


class TapGuard(QObject):
    """Drops presses (and the release of a dropped press) until the hold is over.

    `tap_ignored` tells who counts touches as activity (the idle watcher) that a person is
    there even though their tap did nothing.
    """

    tap_ignored = Signal()

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self._stack = stack
        self._until = 0.0
        self._dropping_release = False

    def hold(self, milliseconds: int = TAP_HOLD_MS) -> None:
        """Ignore taps from now for `milliseconds` (never shortens a hold under way)."""
        self._until = max(self._until, time.monotonic() + milliseconds / 1000)

    @property
    def holding(self) -> bool:
        # A closed window (another test's, a staff window gone) holds nobody's taps.
        return time.monotonic() < self._until and self._stack.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in PRESSES and self.holding:
            self._dropping_release = True
            self.tap_ignored.emit()
            return True
        if kind in RELEASES and self._dropping_release:
            self._dropping_release = False
            return True
        return False


def install_tap_guard(stack: QStackedWidget) -> TapGuard:
    """Guard the whole application, holding whenever `stack` shows another page."""
    guard = TapGuard(stack)
    stack.currentChanged.connect(lambda _index: guard.hold())
    QApplication.instance().installEventFilter(guard)  # Qt drops it when the stack goes
    return guard
