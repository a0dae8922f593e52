"""A probe for `make bench`: report the first painted attract screen, then quit.

Enabled only by the KIOSK_EXIT_AFTER_FIRST_PAINT environment variable, so the benchmark
starts the real `kiosk demo` command and times what a citizen would see.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "KIOSK_EXIT_AFTER_FIRST_PAINT"
MARKER = "FIRST_PAINT"


class FirstPaintProbe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(MARKER, flush=True)
        sys.stdout.flush()
        QApplication.quit()


def install_if_requested(widget: QWidget) -> None:
    if os.environ.get(ENV_VAR):
        probe = FirstPaintProbe(widget)
        widget.installEventFilter(probe)
