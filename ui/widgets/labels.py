"""Text blocks that wrap, so long French sentences never get cut at large sizes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from offline_cache.bidi import reads_right_to_left
from ui.widgets.icons import Sign, pixmap
from ui.widgets.typography import glued

SIGN_GAP_PX = 12  # between a drawn sign and its words


class WrappingLabel(QLabel):
    """A label whose lines never start with "?" or "»" (ui.widgets.typography); `text()` is
    the text as given."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._text = text
        super().setText(glued(text))

    def text(self) -> str:
        return self._text


def text_label(text: str = "", role: str = "", parent: QWidget | None = None,
               centered: bool = False) -> WrappingLabel:
    label = WrappingLabel(text, parent)
    _wrapping(label, role, centered)
    return label


def _wrapping(label: QLabel, role: str, centered: bool) -> None:
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # catalogue text is never markup
    if role:
        label.setProperty("role", role)
    if centered:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)


class SignedLabel(WrappingLabel):
    """A wrapping label with a drawn sign before its words (the shipped font has none):
    `error_label()` is the one a screen shows a message in, "⚠" drawn, not typed."""

    def __init__(self, sign: Sign, text: str = "", role: str = "",
                 parent: QWidget | None = None):
        super().__init__(text, parent)
        self.sign = sign
        _wrapping(self, role, centered=False)
        self._make_room()

    def _side(self) -> int:
        return self.fontMetrics().height()

    def _make_room(self) -> None:
        self.setIndent(self._side() + SIGN_GAP_PX)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._make_room()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.text():
            return
        side = self._side()
        room = self.contentsRect().adjusted(self.margin(), self.margin(), 0, -self.margin())
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        # Where the words start, which is where QLabel leaves the indent: right for Arabic.
        left = room.right() + 1 - side if reads_right_to_left(self.text()) else room.left()
        painter = QPainter(self)
        painter.drawPixmap(QPoint(left, room.top() + (room.height() - side) // 2),
                           pixmap(self.sign, side, colour, self.devicePixelRatioF()))
        painter.end()


def error_label() -> SignedLabel:
    """Where a screen says what went wrong: the error look, a drawn warning sign."""
    return SignedLabel(Sign.WARNING, role="error")
