"""What a person would see cut: the layout audit run by the tests on every screen.

It walks the visible widgets of a window and names every place where text does not fit its
widget, a widget is squeezed below the size it needs, lies (partly) outside what shows it,
overlaps a sibling, a QR code is not wholly in view, or a list overflows with no scroll bar.
Measured with the widget's own font (the theme's, once polished) against the rectangle the
style really draws text in, so a button's padding and border count.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QWidget,
)

from ui.widgets.qr_view import QrView
from ui.widgets.typography import words

SLACK_PX = 1  # rounding between Qt's layout and font metrics


def audit(window: QWidget) -> list[str]:
    """Every problem found on what `window` shows now, one sentence each."""
    problems: list[str] = []
    for widget in _visible_descendants(window):
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit | QrView):
            problems += _text_problems(widget)
            problems += _clipping_problems(widget, window)
        if isinstance(widget, QLabel | QPushButton | QrView):  # a field's text is measured
            problems += _squeezed(widget)
        if isinstance(widget, QAbstractScrollArea):
            problems += _scroll_problems(widget)
        problems += _overlaps(widget)
    return problems


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else widget.accessibleName()
    return f"{type(widget).__name__} '{' '.join(str(shown).split())[:50]}'"


def _visible_descendants(root: QWidget) -> Iterator[QWidget]:
    for child in root.children():
        if isinstance(child, QWidget) and child.isVisible() and not child.isWindow():
            yield child
            yield from _visible_descendants(child)


def _text_problems(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return _label_problems(widget)
    if isinstance(widget, QPushButton):
        return _button_problems(widget)
    if isinstance(widget, QLineEdit):
        return _field_problems(widget)
    return []


def _label_problems(label: QLabel) -> list[str]:
    if not label.text() or not label.pixmap().isNull():
        return []
    metrics = QFontMetrics(label.font())
    room = label.contentsRect().adjusted(label.margin() + max(label.indent(), 0),
                                         label.margin(), -label.margin(), -label.margin())
    problems = []
    if label.wordWrap():
        shown = QLabel.text(label)  # what is drawn: "problème\u00a0?" is one word there
        widest_word = max(metrics.horizontalAdvance(word) for word in words(shown) or [""])
        if widest_word > room.width() + SLACK_PX:
            problems.append(f"{describe(label)}: a word needs {widest_word} px, "
                            f"the label has {room.width()}")
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK_PX:
            problems.append(f"{describe(label)}: its lines need {needed} px of height, "
                            f"it has {label.height()}")
        return problems
    return _lines_fit(label, label.text(), metrics, room)


def _lines_fit(widget: QWidget, text: str, metrics: QFontMetrics, room: QRect) -> list[str]:
    lines = text.split("\n")
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.lineSpacing() * (len(lines) - 1) + metrics.height()
    problems = []
    if widest > room.width() + SLACK_PX:
        problems.append(f"{describe(widget)}: its text needs {widest} px, it has {room.width()}")
    if height > room.height() + SLACK_PX:
        problems.append(f"{describe(widget)}: its text needs {height} px of height, "
                        f"it has {room.height()}")
    return problems


def _button_problems(button: QPushButton) -> list[str]:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    if not button.icon().isNull():
        room.setLeft(room.left() + button.iconSize().width() + 4)  # as Qt draws it
    shown = QPushButton.text(button)  # what is painted (a BigButton wraps its own lines)
    problems = []
    if " ".join(shown.split()) != " ".join(button.text().split()):
        problems.append(f"{describe(button)}: shows '{shown}' instead of its text")
    if shown:
        problems += _lines_fit(button, shown, QFontMetrics(button.font()), room)
    return problems


def _field_problems(field: QLineEdit) -> list[str]:
    text = field.text() or field.placeholderText()
    if not text or field.echoMode() != QLineEdit.EchoMode.Normal:
        return []
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    room = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    room = room.adjusted(margins.left() + 2, margins.top(), -margins.right() - 2,
                         -margins.bottom())  # Qt keeps 2 px each side of the text
    metrics = QFontMetrics(field.font())
    problems = []
    if metrics.horizontalAdvance(text) > room.width() + SLACK_PX:
        problems.append(f"{describe(field)}: '{text}' needs {metrics.horizontalAdvance(text)} "
                        f"px, the field shows {room.width()}")
    if metrics.height() > room.height() + SLACK_PX:
        problems.append(f"{describe(field)}: its text needs {metrics.height()} px of height, "
                        f"it has {room.height()}")
    return problems


def _squeezed(widget: QWidget) -> list[str]:
    """Smaller than it says it needs: a layout that ran out of room cuts it."""
    if widget.hasHeightForWidth():
        needed = widget.heightForWidth(widget.width())
        if needed > widget.height() + SLACK_PX:
            return [f"{describe(widget)}: squeezed to {widget.height()} px of height, "
                    f"needs {needed}"]
        return []
    floor = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if not floor.isValid():
        return []
    if floor.width() > widget.width() + SLACK_PX or floor.height() > widget.height() + SLACK_PX:
        return [f"{describe(widget)}: squeezed to {widget.width()}x{widget.height()} px, "
                f"needs {floor.width()}x{floor.height()}"]
    return []


def _clipping_problems(widget: QWidget, window: QWidget) -> list[str]:
    """Cut by the window or by any widget holding it. Inside a scrolling list, below or
    above the visible part is normal (the bar shows it), but not half a QR code: a phone
    cannot read it, and a citizen takes the white strip for nothing."""
    problems = []
    child, rect = widget, widget.rect()
    while child is not window and child.parentWidget() is not None:
        parent = child.parentWidget()
        rect = rect.translated(child.pos())
        bounds = parent.rect()
        scrolls = isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport())
        if scrolls:  # from here on, its visible part
            top, bottom = max(rect.top(), bounds.top()), min(rect.bottom(), bounds.bottom())
            if top > bottom:
                return []  # scrolled out of view
            if not isinstance(widget, QrView):
                rect = QRect(rect.left(), top, rect.width(), bottom - top + 1)
        if not bounds.contains(rect):
            where = "the window" if parent is window else describe(parent)
            problems.append(f"{describe(widget)}: cut by {where} "
                            f"({_rect(rect)} outside {_rect(bounds)})")
            break
        child = parent
    return problems


def _scroll_problems(area: QAbstractScrollArea) -> list[str]:
    bar = area.verticalScrollBar()
    if bar.maximum() > 0 and not bar.isVisible():
        return [f"{describe(area)}: its content is taller than it, with no scroll bar"]
    horizontal = area.horizontalScrollBar()
    if horizontal.maximum() > 0:
        return [f"{describe(area)}: its content is wider than it (scrolls sideways)"]
    return []


def _overlaps(widget: QWidget) -> list[str]:
    """Two visible children of `widget` drawn over each other."""
    children = [c for c in widget.children() if isinstance(c, QWidget) and c.isVisible()
                and not c.isWindow() and not c.property("overlay")]
    problems = []
    for index, first in enumerate(children):
        for second in children[index + 1:]:
            common = first.geometry().intersected(second.geometry())
            if common.width() > SLACK_PX and common.height() > SLACK_PX:
                problems.append(f"{describe(first)} and {describe(second)} overlap "
                                f"({_rect(common)})")
    return problems


def _rect(rect: QRect) -> str:
    top_left: QPoint = rect.topLeft()
    return f"{rect.width()}x{rect.height()} at {top_left.x()},{top_left.y()}"
