"""The few signs the screens need (a tick box, ticked or not, a tick, a warning, the current
tab, the language switch's globe, a back arrow), drawn with QPainter: the shipped font
(Atkinson Hyperlegible) has no ☐ ☑ ✓ ⚠ ▶ ←, and a bare kiosk would draw them as empty boxes,
or as whatever a system font happens to offer.

Each sign is drawn in the colour of the text beside it, at the size of that text, so it is
never lighter nor smaller than the words; `pixmap` for a label, `icon` for a button.
Right to left (Arabic, Persian), a sign that points is mirrored: "back" points right, the
current tab's triangle points left, towards the words; ticks and warnings are not.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap


class Sign(enum.Enum):
    BOX = "box"  # an option not ticked
    TICKED_BOX = "ticked_box"  # an option ticked
    TICK = "tick"  # the current choice
    WARNING = "warning"  # before an error message
    CURRENT = "current"  # the tab or step shown now
    GLOBE = "globe"  # the language switch, for those who read none of the screen's words
    BACK = "back"  # an arrow to where the citizen came from: "Retour"


DIRECTIONAL = frozenset({Sign.CURRENT, Sign.BACK})  # drawn mirrored right to left


def pixmap(sign: Sign, side_px: int, colour: QColor, ratio: float = 1.0,
           space_after_px: int = 0, right_to_left: bool = False) -> QPixmap:
    """`sign` in a square of `side_px` logical pixels, transparent around it, and
    `space_after_px` of transparent room after it: on its right, or, `right_to_left`, on its
    left (where the words are), the sign mirrored if it points."""
    device = max(1, round(side_px * ratio))
    image = QPixmap(max(1, round((side_px + space_after_px) * ratio)), device)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if right_to_left:
        painter.translate(space_after_px, 0)
        if sign in DIRECTIONAL:
            painter.translate(side_px, 0)
            painter.scale(-1, 1)
    _DRAW[sign](painter, float(side_px), QColor(colour))
    painter.end()
    return image


def icon(sign: Sign, side_px: int, colour: QColor, space_after_px: int = 0,
         right_to_left: bool = False) -> QIcon:
    """The same for a button: the disabled look keeps the colour (Qt would grey it out)."""
    drawn = QIcon()
    picture = pixmap(sign, side_px, colour, space_after_px=space_after_px,
                     right_to_left=right_to_left)
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Disabled):
        drawn.addPixmap(picture, mode)
    return drawn


def _pen(colour: QColor, side: float, weight: float = 0.11) -> QPen:
    pen = QPen(colour, max(2.0, side * weight))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _box(painter: QPainter, side: float, colour: QColor) -> None:
    inset = side * 0.1
    painter.setPen(_pen(colour, side))
    painter.drawRoundedRect(QRectF(inset, inset, side - 2 * inset, side - 2 * inset),
                            side * 0.12, side * 0.12)


def _tick_path(left: float, top: float, size: float) -> QPainterPath:
    path = QPainterPath(QPointF(left + size * 0.12, top + size * 0.52))
    path.lineTo(QPointF(left + size * 0.40, top + size * 0.80))
    path.lineTo(QPointF(left + size * 0.90, top + size * 0.18))
    return path


def _tick(painter: QPainter, side: float, colour: QColor) -> None:
    painter.setPen(_pen(colour, side, 0.14))
    painter.drawPath(_tick_path(0.0, 0.0, side))


def _ticked_box(painter: QPainter, side: float, colour: QColor) -> None:
    """A box filled with the text colour and a tick cut out of it: ticked reads as ticked
    at a glance, not only by the tick's thin lines."""
    inset = side * 0.1
    box = QRectF(inset, inset, side - 2 * inset, side - 2 * inset)
    painter.setPen(_pen(colour, side))
    painter.setBrush(colour)
    painter.drawRoundedRect(box, side * 0.12, side * 0.12)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    painter.setPen(_pen(colour, side, 0.13))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_tick_path(box.left() + box.width() * 0.1,
                                box.top() + box.height() * 0.08, box.width() * 0.8))


def _warning(painter: QPainter, side: float, colour: QColor) -> None:
    painter.setPen(_pen(colour, side, 0.09))
    triangle = QPainterPath(QPointF(side / 2, side * 0.08))
    triangle.lineTo(QPointF(side * 0.95, side * 0.9))
    triangle.lineTo(QPointF(side * 0.05, side * 0.9))
    triangle.closeSubpath()
    painter.drawPath(triangle)
    painter.setPen(_pen(colour, side, 0.1))
    painter.drawLine(QPointF(side / 2, side * 0.38), QPointF(side / 2, side * 0.6))
    painter.drawPoint(QPointF(side / 2, side * 0.75))


def _current(painter: QPainter, side: float, colour: QColor) -> None:
    painter.setPen(_pen(colour, side, 0.06))
    painter.setBrush(colour)
    arrow = QPainterPath(QPointF(side * 0.2, side * 0.12))
    arrow.lineTo(QPointF(side * 0.88, side * 0.5))
    arrow.lineTo(QPointF(side * 0.2, side * 0.88))
    arrow.closeSubpath()
    painter.drawPath(arrow)


def _globe(painter: QPainter, side: float, colour: QColor) -> None:
    """A circle with a meridian, the equator and two parallels: the usual sign of languages."""
    painter.setPen(_pen(colour, side, 0.08))
    inset = side * 0.08
    ball = QRectF(inset, inset, side - 2 * inset, side - 2 * inset)
    painter.drawEllipse(ball)
    painter.drawEllipse(QRectF(side * 0.32, inset, side * 0.36, side - 2 * inset))
    painter.drawLine(QPointF(inset, side / 2), QPointF(side - inset, side / 2))
    for height in (0.27, 0.73):
        half = side * 0.38
        painter.drawLine(QPointF(side / 2 - half * 0.85, side * height),
                         QPointF(side / 2 + half * 0.85, side * height))


def _back(painter: QPainter, side: float, colour: QColor) -> None:
    """An arrow pointing left (the way back, left to right): a shaft and an open head."""
    painter.setPen(_pen(colour, side, 0.12))
    middle = side / 2
    painter.drawLine(QPointF(side * 0.86, middle), QPointF(side * 0.16, middle))
    head = QPainterPath(QPointF(side * 0.48, side * 0.2))
    head.lineTo(QPointF(side * 0.16, middle))
    head.lineTo(QPointF(side * 0.48, side * 0.8))
    painter.drawPath(head)


_DRAW = {Sign.BOX: _box, Sign.TICKED_BOX: _ticked_box, Sign.TICK: _tick,
         Sign.WARNING: _warning, Sign.CURRENT: _current, Sign.GLOBE: _globe,
         Sign.BACK: _back}
