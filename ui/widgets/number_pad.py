"""A pad of large digits for numbers people copy from a card: a phone number ("+" for abroad),
the social security number (A and B for Corsica's 2A/2B). No letters, no "@".

What is typed is shown grouped as it is written ("06 12 34 56 78"), regrouped at every key;
the pad always types at the end, like a phone's.
Same small contract as ui/widgets/keyboard.py (`attach`, `done`, `taps_for`, `erase_key`,
`done_key`), so inputs, tests and the tour drive either one the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.forms.grouping import compact
from kiosk.i18n import tr
from ui.widgets.buttons import BigButton

DIGIT_ROWS = ("123", "456", "789")
KEY_SPACING_PX = 12  # wider than the letter keyboard's: few keys, room to keep them apart


class NumberPad(QWidget):
    """Digits, then `extra` keys ("+", or "AB") beside the 0; erase and confirm on the right."""

    done = Signal()

    def __init__(self, extra: str = "", group: Callable[[str], str] = compact,
                 max_length: int = 20, parent: QWidget | None = None):
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._group = group
        self._max_length = max_length
        self.setProperty("role", "keyboard")  # the theme's 72 px keys
        self.grid = QGridLayout(self)
        self.grid.setSpacing(KEY_SPACING_PX)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, BigButton] = {}
        for row, chars in enumerate(DIGIT_ROWS):
            for column, char in enumerate(chars):
                self.grid.addWidget(self._character_key(char), row, column)
        bottom = [*extra, "0"]
        width = 3 // len(bottom) if len(bottom) < 3 else 1
        for index, char in enumerate(bottom):  # "0" alone is wide, as on a phone
            span = 3 - index * width if char == "0" else width
            self.grid.addWidget(self._character_key(char), 3, index * width, 1, span)
        self.erase_key = self._special_key("keyboard.erase", self.erase)
        self.done_key = self._special_key("keyboard.done", self.done.emit, role="primary")
        self.grid.addWidget(self.erase_key, 0, 3)
        self.grid.addWidget(self.done_key, 1, 3, 3, 1)
        for column in range(4):
            self.grid.setColumnStretch(column, 1)

    def _character_key(self, char: str) -> BigButton:
        key = BigButton(char)
        key.setProperty("role", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps its caret
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(lambda _checked=False, c=char: self.type_text(c))
        self.keys[char] = key
        return key

    def _special_key(self, message_key: str, action, role: str = "") -> BigButton:
        key = BigButton(tr(message_key, "fr"), role=role)
        key.setProperty("message_key", message_key)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(action)
        return key

    def set_language(self, lang: str) -> None:
        for key in (self.erase_key, self.done_key):
            key.set_text(tr(key.property("message_key"), lang))

    def attach(self, target: QLineEdit) -> None:
        self._target = target

    def key_for(self, char: str) -> BigButton | None:
        return self.keys.get(char.upper())

    def taps_for(self, text: str) -> Iterator[BigButton]:
        """The keys a person taps to type `text` (spaces are the pad's, not typed)."""
        for char in compact(text):
            key = self.key_for(char)
            if key is None:
                raise ValueError(f"no key types {char!r} on this pad")
            yield key

    def type_text(self, text: str) -> None:
        if self._target is not None:
            typed = compact(self._target.text())
            if len(typed) < self._max_length:
                self._show(typed + text)

    def erase(self) -> None:
        if self._target is not None:
            self._show(compact(self._target.text())[:-1])

    def _show(self, typed: str) -> None:
        self._target.setText(self._group(typed))
        self._target.end(False)
