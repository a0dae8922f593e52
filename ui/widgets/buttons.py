"""Large touch buttons: one class so every screen gets the same size, role and a11y names.

A button's text wraps onto more lines and the button grows taller, instead of being cut at
both ends ("n lampadaire en pann") when the text is larger than the room a screen has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from offline_cache.bidi import reads_right_to_left
from ui.theme import MIN_TOUCH_PX
from ui.widgets.icons import Sign, icon
from ui.widgets.typography import glued, words

ICON_GAP_PX = 4  # what Qt leaves between a button's icon and its text
_PROBE = 1000  # a content size far above any min-width, to read the style's padding


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy line breaking at spaces; a word longer than `width` keeps a line of its own.
    "?" and its kind stay with the word before them (ui.widgets.typography)."""
    lines: list[str] = []
    for paragraph in glued(text).split("\n"):
        line = ""
        for word in words(paragraph):
            candidate = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


class BigButton(QPushButton):
    """A touch target of at least 72 px whose accessible name is its visible text.

    `role` picks the look in the theme's stylesheet: primary, tile, nav or plain. `text()` is
    the text as given; what is painted is the same words on as many lines as the width needs.
    """

    def __init__(self, text: str, role: str = "", description: str = "",
                 parent: QWidget | None = None):
        super().__init__(text, parent)
        self._text = text
        self._sign: Sign | None = None
        self._sizes: dict = {}  # measured sizes, until the text or look changes
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.set_text(text, description)

    def set_text(self, text: str, description: str = "") -> None:
        self._text = text
        self._sizes.clear()
        self.setAccessibleName(" ".join(text.split()))
        self.setAccessibleDescription(description or " ".join(text.split()))
        if self._sign is not None:
            self._draw_sign()  # the room after it follows whether there are words
        self._wrap()

    def set_sign(self, sign: Sign | None) -> None:
        """A drawn sign before the text (a tick box, a tick), in the text's colour and size."""
        if sign is not self._sign:
            self._sign = sign
            self._draw_sign()

    def _draw_sign(self) -> None:
        if self._sign is None:
            self._sizes.clear()
            self.setIcon(QIcon())
            return
        self.ensurePolished()
        self._sizes.clear()
        side = self.fontMetrics().height()
        # Qt's own 4 px gap glues the sign to its word ("✓Très grande"); a sign alone needs
        # none, and is no wider than a 72 px touch target leaves (the nav bar's globe).
        space = side // 4
        if not self._text.strip():
            space = 0
            side = min(side, max(MIN_TOUCH_PX - self._padding().width() - ICON_GAP_PX, 24))
        self.setIconSize(QSize(side + space, side))
        self.setIcon(icon(self._sign, side, self.palette().color(QPalette.ColorRole.ButtonText),
                          space_after_px=space, right_to_left=self.isRightToLeft()))

    def text(self) -> str:  # the words as given, not the painted lines
        return self._text

    def setText(self, text: str) -> None:
        self.set_text(text)

    def setSizePolicy(self, *policy) -> None:
        """Any policy a caller picks keeps the height that follows the width."""
        chosen = QSizePolicy(*policy) if len(policy) == 2 else QSizePolicy(policy[0])
        chosen.setHeightForWidth(True)
        super().setSizePolicy(chosen)

    # Sizes --------------------------------------------------------------------------------
    def _measure(self, content: QSize) -> QSize:
        """The button's size around `content`, as the stylesheet draws it at rest: a pressed
        button's thicker border must not make the layout move under the finger."""
        self.ensurePolished()  # the theme's font and padding, not the defaults
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.state &= ~(QStyle.StateFlag.State_Sunken | QStyle.StateFlag.State_On)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, content,
                                             self)

    def _padding(self) -> QSize:
        """Border and padding around the text."""
        if "padding" not in self._sizes:
            probe = QSize(_PROBE, _PROBE)
            self._sizes["padding"] = self._measure(probe) - probe
        return self._sizes["padding"]

    def _icon_width(self) -> int:
        return 0 if self.icon().isNull() else self.iconSize().width() + ICON_GAP_PX

    def _size_for_lines(self, lines: list[str]) -> QSize:
        key = ("lines", *lines)
        if key not in self._sizes:
            self.ensurePolished()
            content = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, "\n".join(lines))
            if not self.icon().isNull():
                content = QSize(content.width() + self._icon_width(),
                                max(content.height(), self.iconSize().height()))
            self._sizes[key] = self._measure(content)
        return self._sizes[key]

    def _lines_for_width(self, width: int) -> list[str]:
        room = width - self._padding().width() - self._icon_width()
        return wrap_words(self._text, self.fontMetrics(), room)

    def sizeHint(self) -> QSize:
        return self._size_for_lines(self._text.split("\n")).expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the longest word: the words wrap, a word is never cut."""
        unbroken = words(glued(self._text)) or [""]  # as wrap_words cuts it
        longest = max(unbroken, key=self.fontMetrics().horizontalAdvance)
        width = max(self._size_for_lines([longest]).width(), MIN_TOUCH_PX)
        return QSize(width, self._size_for_lines([""]).height())

    def heightForWidth(self, width: int) -> int:
        key = ("height", width)
        if key not in self._sizes:
            self._sizes[key] = self._size_for_lines(self._lines_for_width(width)).height()
        return self._sizes[key]

    def hasHeightForWidth(self) -> bool:
        return True

    # Painted lines ------------------------------------------------------------------------
    def _wrap(self) -> None:
        width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        lines = self._lines_for_width(width) if width else self._text.split("\n")
        shown = "\n".join(lines)
        if shown != QPushButton.text(self):
            super().setText(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._wrap()

    def paintEvent(self, event) -> None:
        """QPushButton's own painting, but each text in its own direction, as a label's: the
        painter would take the application's, and draw "234-ACD" as "ACD-234" in Arabic.
        The direction is the text's first strong letter's, said explicitly: left to Qt
        (LayoutDirectionAuto), a French text beside a tick went flush to the right border."""
        painter = QStylePainter(self)
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if reads_right_to_left(
            self._text) else Qt.LayoutDirection.LeftToRight)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    # Focus --------------------------------------------------------------------------------
    def focusInEvent(self, event) -> None:
        """A ring only when the focus came from a keyboard's Tab: on a touch screen, the
        first button's focus must not look like a choice already made."""
        super().focusInEvent(event)
        keyboard = event.reason() in (Qt.FocusReason.TabFocusReason,
                                      Qt.FocusReason.BacktabFocusReason)
        if keyboard:
            _watch_focus_moves()
        self._show_keyboard_focus(keyboard)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._show_keyboard_focus(False)

    def _show_keyboard_focus(self, shown: bool) -> None:
        if bool(self.property("keyboard_focus")) != shown:
            self.setProperty("keyboard_focus", shown)
            self.style().unpolish(self)
            self.style().polish(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.PaletteChange, QEvent.Type.LayoutDirectionChange):
            self._sizes.clear()
            if self._sign is not None:
                self._draw_sign()
            self.updateGeometry()
            self._wrap()


_watching_focus_moves = False


def _watch_focus_moves() -> None:
    """Once per application: see where each keyboard-looking focus came from."""
    global _watching_focus_moves
    if not _watching_focus_moves:
        QApplication.instance().focusChanged.connect(_no_ring_after_a_hidden_field)
        _watching_focus_moves = True


def _no_ring_after_a_hidden_field(old: QWidget | None, now: QWidget | None) -> None:
    """Qt gives the focus to the next widget, with the Tab reason, when the focused one is
    hidden: a question's field once it is answered. No key was pressed, so no ring (it
    showed on "Retour" after every typed answer). Signalled after the button's FocusIn."""
    if not isinstance(now, BigButton) or old is None:
        return
    try:
        hidden = not old.isVisible()
    except RuntimeError:  # deleted already: gone from the screen too
        hidden = True
    if hidden:
        now._show_keyboard_focus(False)
