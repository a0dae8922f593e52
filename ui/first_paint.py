"""Run something right after a widget is first painted: the citizen sees the attract screen
before the slow parts (voice worker, queue, demo hub) start.

`make bench` uses the same hook (KIOSK_EXIT_AFTER_FIRST_PAINT) to time the real start.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

BENCH_ENV_VAR = "KIOSK_EXIT_AFTER_FIRST_PAINT"
MARKER = "FIRST_PAINT"


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)  # after the paint has finished
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    _FirstPaint(widget, callback)


def _report_and_quit() -> None:
    print(MARKER, flush=True)
    QApplication.quit()


def install_bench_probe(widget: QWidget) -> bool:
    """With the bench variable set, print the marker at the first paint and quit."""
    if os.environ.get(BENCH_ENV_VAR):
        after_first_paint(widget, _report_and_quit)
        return True
    return False
