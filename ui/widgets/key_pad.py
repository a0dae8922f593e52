"""A grid of large keys that types at the end of one field: the base of the pads made for one
kind of answer (digits for a phone or a social security number, plain letters for a commune).

Same small contract as ui/widgets/keyboard.py (`attach`, `done`, `taps_for`, `key_for`,
`erase_key`, `done_key`), so inputs, tests and the tour drive either one the same way. Keys
never take the focus, so the field keeps its visible caret.

A pad and the field it types into read left to right in every language: 1 2 3 as on every
phone, "06 12 34 56 78" in its order (ui.layout_direction), in Arabic as in French.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.i18n import tr
from ui.layout_direction import keep_left_to_right
from ui.widgets.buttons import BigButton

KEY_SPACING_PX = 10  # wider than the letter keyboard's: fewer keys, room to keep them apart


def _same(text: str) -> str:
    return text


class KeyPad(QWidget):
    """Keys placed by the subclass with `add_key`; what is typed is shown through `show`
    (e.g. grouped digits) and read back through `read` (e.g. without the group spaces)."""

    done = Signal()

    def __init__(self, *, show: Callable[[str], str] = _same, read: Callable[[str], str] = _same,
                 max_length: int = 100, parent: QWidget | None = None):
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._show, self._read, self._max_length = show, read, max_length
        self.setProperty("role", "keyboard")  # the theme's 72 px keys
        keep_left_to_right(self)
        # Rows of a fixed height, as the letter keyboard's (ui/widgets/keyboard.py).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(KEY_SPACING_PX)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, BigButton] = {}
        self.space_key: BigButton | None = None
        self.erase_key = self.special_key("keyboard.erase", self.erase)
        self.done_key = self.special_key("keyboard.done", self.done.emit, role="primary")

    def add_key(self, char: str, row: int, column: int, columns: int = 1) -> BigButton:
        """A key that types `char`."""
        key = BigButton(char)
        key.setProperty("role", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(lambda _checked=False, c=char: self.type_text(c))
        self.keys[char] = key
        self.grid.addWidget(key, row, column, 1, columns)
        return key

    def special_key(self, message_key: str, action: Callable[[], object],
                    role: str = "") -> BigButton:
        """A key named in the citizen's language ("Effacer", "Valider"...), placed by the caller."""
        key = BigButton(tr(message_key, "fr"), role=role)
        key.setProperty("message_key", message_key)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(action)
        return key

    def set_language(self, lang: str) -> None:
        for key in (self.erase_key, self.done_key, self.space_key):
            if key is not None:
                key.set_text(tr(key.property("message_key"), lang))

    def attach(self, target: QLineEdit) -> None:
        keep_left_to_right(target)
        self._target = target

    def key_for(self, char: str) -> BigButton | None:
        """The key that types `char`; a capital is typed with its small letter's key."""
        if char == " ":
            return self.space_key
        return self.keys.get(char) or self.keys.get(char.lower()) or self.keys.get(char.upper())

    def taps_for(self, text: str) -> Iterator[BigButton]:
        """The keys a person taps to type `text`; spaces are skipped on a pad that groups
        digits by itself (it has no space key)."""
        for char in text:
            if char == " " and self.space_key is None:
                continue
            key = self.key_for(char)
            if key is None:
                raise ValueError(f"no key types {char!r} on this pad")
            yield key

    def type_text(self, text: str) -> None:
        if self._target is not None:
            typed = self._read(self._target.text())
            if len(typed) < self._max_length:
                self._display(typed + text)

    def erase(self) -> None:
        if self._target is not None:
            self._display(self._read(self._target.text())[:-1])

    def _display(self, typed: str) -> None:
        self._target.setText(self._show(typed))
        self._target.end(False)  # the pad always types at the end, like a phone's
