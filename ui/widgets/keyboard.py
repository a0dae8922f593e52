"""Our own on-screen keyboard (Qt's virtual keyboard is GPL-only): AZERTY with French accents,
a numeric pad for numbers, dates and phones, keys of at least 72 px and a big "effacer".

Keys never take the focus, so the field keeps its visible caret while the citizen types.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.i18n import tr
from ui.layout_direction import keep_left_to_right
from ui.widgets.buttons import BigButton


class KeyboardMode(enum.Enum):
    """Which keys the question needs."""

    TEXT = "text"  # letters, French accents, space, apostrophe and dash
    EMAIL = "email"  # letters plus @ . _ - and digits
    NUMERIC = "numeric"  # a phone-style pad: digits only
    REFERENCE = "reference"  # a receipt's reference: only the signs it can hold, capitals


# Accents sit at the ends of the letter rows, not on a row of their own: five rows of 72 px
# keys leave room for the question on an 800 px screen, even at the largest text size.
LETTER_ROWS = ("1234567890-,.", "azertyuiopéèê", "qsdfghjklmàâç", "wxcvbnùûîïôë'")
EMAIL_ROWS = ("1234567890-_.", "azertyuiop@", "qsdfghjklm", "wxcvbn")
NUMERIC_ROWS = ("123", "456", "789", "0")
KEYS_PER_ROW = 13
# offline_cache.protocol.ALPHABET in reading order (no 0/O, 1/I/L, S, B or Z to confuse),
# and the dash printed in the middle of every reference.
REFERENCE_ROWS = ("23456789-", "ACDEFGHJKM", "NPQRTUVWXY")
REFERENCE_COLUMNS = 10


class OnScreenKeyboard(QWidget):
    """Types into one QLineEdit; `done` is the big validate key at the bottom right."""

    done = Signal()

    def __init__(self, mode: KeyboardMode = KeyboardMode.TEXT, parent: QWidget | None = None):
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._capitals = False
        self._letter_keys: list[BigButton] = []
        self.mode = mode
        self.setProperty("role", "keyboard")
        keep_left_to_right(self)  # the keys' places do not turn round in Arabic
        # Rows of a fixed height: a message appearing above never shrinks a key under the
        # finger; the room it takes comes from the space above the keys.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.shift_key = self._special_key("keyboard.capitals", self.toggle_capitals)
        self.shift_key.setCheckable(True)
        self.space_key = self._special_key("keyboard.space", lambda: self.type_text(" "))
        self.erase_key = self._special_key("keyboard.erase", self.erase)
        self.done_key = self._special_key("keyboard.done", self.done.emit, role="primary")
        self._build()

    def _special_key(self, message_key: str, action, role: str = "") -> BigButton:
        key = BigButton(tr(message_key, "fr"), role=role)
        key.setProperty("message_key", message_key)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(action)
        return key

    def _character_key(self, char: str) -> BigButton:
        key = BigButton(char)
        key.setProperty("role", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.text()))
        return key

    def _build(self) -> None:
        rows = {KeyboardMode.TEXT: LETTER_ROWS, KeyboardMode.EMAIL: EMAIL_ROWS,
                KeyboardMode.NUMERIC: NUMERIC_ROWS,
                KeyboardMode.REFERENCE: REFERENCE_ROWS}[self.mode]
        columns = 3 if self.mode is KeyboardMode.NUMERIC else KEYS_PER_ROW
        for row, chars in enumerate(rows):
            for column, char in enumerate(chars):
                key = self._character_key(char)
                if char.isalpha():
                    self._letter_keys.append(key)
                if self.mode is KeyboardMode.NUMERIC and char == "0":
                    self.grid.addWidget(key, row, 0, 1, 3)  # a wide 0, like a phone's
                else:
                    self.grid.addWidget(key, row, column)
        last = len(rows)
        if self.mode is KeyboardMode.NUMERIC:  # four rows: erase and confirm on the right
            self.grid.addWidget(self.erase_key, 0, columns)
            self.grid.addWidget(self.done_key, 1, columns, 3, 1)
            self.shift_key.hide()
            self.space_key.hide()
            return
        if self.mode is KeyboardMode.REFERENCE:  # no capitals key, no space: half and half
            half = REFERENCE_COLUMNS // 2
            self.grid.addWidget(self.erase_key, last, 0, 1, half)
            self.grid.addWidget(self.done_key, last, half, 1, half)
            self.shift_key.hide()
            self.space_key.hide()
            return
        self.grid.addWidget(self.shift_key, last, 0, 1, 3)
        self.grid.addWidget(self.space_key, last, 3, 1, 5)
        self.grid.addWidget(self.erase_key, last, 8, 1, 2)
        self.grid.addWidget(self.done_key, last, 10, 1, 3)
        if self.mode is KeyboardMode.EMAIL:
            self.shift_key.hide()

    def taps_for(self, text: str) -> Iterator[BigButton]:
        """The keys a person taps to type `text`, "Majuscule" included, one at a time: each
        is chosen after the previous tap, since a capital turns the letters back to lower case.
        """
        for char in text:
            if char.isupper() and not self._capitals and self.key_for(char) is None:
                yield self.shift_key
            key = self.key_for(char)
            if key is None:
                raise ValueError(f"no key types {char!r} on this keyboard")
            yield key

    def key_for(self, char: str) -> BigButton | None:
        """The key that types `char` as the keyboard shows now (capitals after "Majuscule")."""
        if char == " ":
            return self.space_key
        keys = self.findChildren(BigButton)
        return next((key for key in keys if key.text() == char and key.isVisible()), None)

    def set_language(self, lang: str) -> None:
        for key in (self.shift_key, self.space_key, self.erase_key, self.done_key):
            key.set_text(tr(key.property("message_key"), lang))

    def attach(self, target: QLineEdit) -> None:
        if self.mode is not KeyboardMode.TEXT:  # digits, a date, an e-mail, a reference
            keep_left_to_right(target)
        self._target = target

    def type_text(self, text: str) -> None:
        if self._target is None:
            return
        self._target.insert(text)
        if self._capitals and self.mode is KeyboardMode.TEXT:
            self.toggle_capitals()  # one capital, like a phone keyboard: less to think about

    def erase(self) -> None:
        if self._target is not None:
            self._target.backspace()

    def toggle_capitals(self) -> None:
        self._capitals = not self._capitals
        for key in self._letter_keys:
            text = key.text()
            key.set_text(text.upper() if self._capitals else text.lower())
        self.shift_key.setChecked(self._capitals)
