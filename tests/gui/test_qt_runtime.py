"""Guards on the Qt binding itself: a kiosk runs for weeks, so a slow leak is a crash."""

import sys

from PySide6.QtWidgets import QLabel


def test_screen_updates_do_not_drain_the_reference_count_of_none(qtbot):
    # PySide6 6.12.0 under Python 3.11 drops one reference to None per void call: after a
    # few thousand label updates the interpreter aborts ("deallocating None").
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Bonjour")
    assert sys.getrefcount(None) >= before - 50
