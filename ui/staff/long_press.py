"""A discreet long press: how a mediator opens staff mode without a visible button.

Why an event filter: the attract screen starts on any touch, so a press in its corner must be
held back until we know whether it is a tap (start, as before) or a 2-second hold (staff).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

HOLD_MS = 2000
CORNER_PX = 160  # the square of the attract screen's top-right corner that listens


class LongPress(QObject):
    """Emits `held` after `hold_ms` of pressing `widget` (or `corner()` of it, if given);
    a shorter press emits `tapped`, so the widget's ordinary tap can still happen."""

    held = Signal()
    tapped = Signal()

    def __init__(self, widget: QWidget, hold_ms: int = HOLD_MS, corner_only: bool = False):
        super().__init__(widget)
        self._widget, self._corner_only = widget, corner_only
        self._timer = QTimer(self, singleShot=True, interval=hold_ms)
        self._timer.timeout.connect(self.held)
        widget.installEventFilter(self)

    def corner(self) -> QRect:
        return QRect(self._widget.width() - CORNER_PX, 0, CORNER_PX, CORNER_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if self._corner_only and not self.corner().contains(event.position().toPoint()):
                return False
            self._timer.start()
            return True  # held back: a tap is replayed as `tapped` on release
        if kind == QEvent.Type.MouseButtonRelease and self._timer.isActive():
            self._timer.stop()
            self.tapped.emit()
            return True
        return False
