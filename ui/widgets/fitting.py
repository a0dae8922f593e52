"""Screens short for their text size: 42 px text on an 800 px screen leaves about 16 lines.

There, a question at 1.25 times the body size takes the room the keys or the commune list
need, so a screen marks its question and side notes `short_screen` and the theme's stylesheet
shows the question at the body size, the notes at the normal body size (28 px, never less).
Decided by the screen's height and text size only, never by what it shows: nothing jumps
when an error appears.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from ui.theme import SHORT_SCREEN_LINES

QR_MIN_SIDE_PX = 160  # 1 mm modules: still read by a phone


def is_short(screen: QWidget) -> bool:
    """Fewer than SHORT_SCREEN_LINES lines of the screen's body text fit its height."""
    screen.ensurePolished()  # the theme's body size, not the default font's
    body_px = screen.font().pixelSize()
    return body_px > 0 and screen.height() < SHORT_SCREEN_LINES * body_px


def mark_short(widgets: Iterable[QWidget], short: bool) -> None:
    """Restyle `widgets` for a short screen or back; only those whose state changes."""
    for widget in widgets:
        if bool(widget.property("short_screen")) != short:
            widget.setProperty("short_screen", short)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.updateGeometry()


def qr_side(room_px: int, largest_px: int) -> int:
    """A QR code's side where `room_px` is left for it: as large as it may be, never so
    small that a phone cannot read it."""
    return max(QR_MIN_SIDE_PX, min(largest_px, room_px))
