"""Which way the kiosk reads: right to left for Arabic and Persian, left to right otherwise.

The direction is the application's, not one window's: Qt mirrors every layout with it (the
back button goes to the right, "Modifier" to the left of its answer), and its painters take
the text direction from it. It follows the language of the screen on top
(ui.main_window.KioskWindow.show_view), so it changes the moment the citizen picks another
language, and goes back to left to right for the staff's French screens.

Some things read left to right in every language and are kept so (`keep_left_to_right`):
a keypad's keys (1 2 3 as on every phone), a field of digits, a phone number, a postal
code, a reference.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from offline_cache.languages import language


def direction_of(lang: str) -> Qt.LayoutDirection:
    if language(lang).right_to_left:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def follow_language(lang: str) -> None:
    """Mirror the whole application for a right-to-left `lang`, unmirror it for the others."""
    direction = direction_of(lang)
    if QApplication.layoutDirection() != direction:  # a change relayouts every widget
        QApplication.setLayoutDirection(direction)


def keep_left_to_right(widget: QWidget) -> None:
    """`widget` and what it holds stay left to right, the layout around it mirrored or not."""
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
