"""Our own on-screen keyboard (Qt's virtual keyboard is GPL-only): the letters of the citizen's
language (kiosk/keyboard_layouts.py), a numeric pad for numbers, dates and phones, keys of at
least 72 px and a big "effacer".

Keys never take the focus, so the field keeps its visible caret while the citizen types. The
keys stay in the order of the keyboards people know, left to right, in a right-to-left
language too: an Arabic or Persian keyboard, on paper or on a phone, has ض at the top left.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QSizePolicy, QWidget

from kiosk.i18n import tr
from kiosk.keyboard_layouts import (
    KEYS_PER_ROW,
    LATIN_LAYOUT,
    LAYOUTS,
    NON_JOINER,
    KeyboardLayout,
    latin_rows,
    layout_for,
)
from offline_cache.languages import SOURCE_LANGUAGE, language
from ui.layout_direction import keep_left_to_right
from ui.widgets.buttons import BigButton


class KeyboardMode(enum.Enum):
    """Which keys the question needs."""

    TEXT = "text"  # the language's letters, space, apostrophe and dash
    EMAIL = "email"  # Latin letters plus @ . _ - and digits
    NUMERIC = "numeric"  # a phone-style pad: digits only
    REFERENCE = "reference"  # a receipt's reference: only the signs it can hold, capitals


NUMERIC_ROWS = ("123", "456", "789", "0")
# The bottom row of a letter keyboard, in columns: capitals, space, erase, validate. The
# first spans whose names all fit on one line at the keyboard's width are used: the French
# ones of a landscape screen, then those holding every language's names at the largest
# text on a 1080 px wide screen ("Підтвердити", "Ștergeți"), then those keeping "Великі
# літери" on one line where the screen is not taller. None fits: WRAPPING_SPANS, where a
# long name takes two lines.
WRAPPING_SPANS = (3, 3, 3, 4)
BOTTOM_SPANS = ((3, 5, 2, 3), WRAPPING_SPANS, (4, 2, 3, 4))
NO_CAPITALS_SPANS = (0, 6, 3, 4)  # e-mails, Arabic: the space takes the room

# offline_cache.protocol.ALPHABET in reading order (no 0/O, 1/I/L, S, B or Z to confuse),
# and the dash printed in the middle of every reference.
REFERENCE_ROWS = ("23456789-", "ACDEFGHJKM", "NPQRTUVWXY")
REFERENCE_COLUMNS = 10


class OnScreenKeyboard(QWidget):
    """Types into one QLineEdit; `done` is the big validate key at the bottom right."""

    done = Signal()

    def __init__(self, mode: KeyboardMode = KeyboardMode.TEXT, lang: str = SOURCE_LANGUAGE,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self._lang = lang
        self._capitals = False
        self._character_keys: list[BigButton] = []  # rebuilt when the language's letters change
        self.mode = mode
        self.keyboard_layout: KeyboardLayout | None = None
        self._last_row, self._has_capitals, self._has_non_joiner = 0, False, False
        self._spans: tuple[int, ...] | None = None  # the bottom row's; None: fixed (a pad)
        self.setProperty("role", "keyboard")
        keep_left_to_right(self)  # the keys' places do not turn round in Arabic: see above
        # Rows of a fixed height: a message appearing above never shrinks a key under the
        # finger; the room it takes comes from the space above the keys.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(4)  # 13 keys of 72 px and more on a 1080 px wide screen
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.shift_key = self._special_key("keyboard.capitals", self.toggle_capitals)
        self.shift_key.setCheckable(True)
        self.space_key = self._special_key("keyboard.space", lambda: self.type_text(" "))
        # Persian's "نیم‌فاصله", in the capitals key's place (see KeyboardLayout.non_joiner).
        self.non_joiner_key = self._special_key("keyboard.non_joiner",
                                                lambda: self.type_text(NON_JOINER))
        self.erase_key = self._special_key("keyboard.erase", self.erase)
        self.done_key = self._special_key("keyboard.done", self.done.emit, role="primary")
        # Arabic, Persian, Cyrillic: the French letters, and back (a name on French papers).
        self._latin = False
        self.script_key = BigButton("ABC", parent=self)
        self.script_key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.script_key.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)
        self.script_key.clicked.connect(self.toggle_script)
        self.script_key.hide()
        self.set_language(lang)

    def _special_key(self, message_key: str, action, role: str = "") -> BigButton:
        # A child even while no row holds it (no capitals in Arabic, none on a pad).
        key = BigButton(tr(message_key, SOURCE_LANGUAGE), role=role, parent=self)
        key.setProperty("message_key", message_key)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.clicked.connect(action)
        return key

    def _character_key(self, small: str, capital: str) -> BigButton:
        key = BigButton(small)
        key.setProperty("role", "key")
        key.setProperty("small", small)
        key.setProperty("capital", capital)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(lambda _checked=False, k=key: self.type_text(k.text()))
        return key

    def _rows(self, layout: KeyboardLayout) -> tuple[str, ...]:
        if self.mode is KeyboardMode.TEXT and self._latin:
            return latin_rows()
        return {KeyboardMode.TEXT: layout.letter_rows, KeyboardMode.EMAIL: layout.email_rows,
                KeyboardMode.NUMERIC: NUMERIC_ROWS,
                KeyboardMode.REFERENCE: REFERENCE_ROWS}[self.mode]

    def _build(self, layout: KeyboardLayout) -> None:
        """The character keys of `layout` in place of the previous ones; then the bottom row."""
        for key in self._character_keys:
            self.grid.removeWidget(key)
            key.hide()  # deleteLater waits for the event loop: never two keys for one letter
            key.deleteLater()
        self._character_keys = []
        self._capitals = False
        self.shift_key.setChecked(False)
        self.keyboard_layout = layout
        rows = self._rows(layout)
        letters = LAYOUTS[LATIN_LAYOUT] if self._latin else layout  # whose capitals
        for row, chars in enumerate(rows):
            for column, char in enumerate(chars):
                capital = letters.capital(char) if self.mode is KeyboardMode.TEXT else char
                key = self._character_key(char, capital)
                self._character_keys.append(key)
                if self.mode is KeyboardMode.NUMERIC and char == "0":
                    self.grid.addWidget(key, row, 0, 1, 3)  # a wide 0, like a phone's
                else:
                    self.grid.addWidget(key, row, column)
                key.show()  # now, not at the next turn of the event loop: it may be tapped
        self._last_row = len(rows)
        self._has_capitals = self.mode is KeyboardMode.TEXT and letters.has_capitals
        self._has_non_joiner = self.mode is KeyboardMode.TEXT and letters.non_joiner
        self._place_script_key(layout)
        self._place_bottom_row()

    def _place_script_key(self, layout: KeyboardLayout) -> None:
        """At the end of the top row, where the Latin keyboards have "," and "."."""
        self.grid.removeWidget(self.script_key)
        if self.mode is not KeyboardMode.TEXT or not layout.switches_to_latin:
            self.script_key.hide()
            return
        self.script_key.set_text(layout.script_sample if self._latin else "ABC")
        top = len(self._rows(layout)[0])
        self.grid.addWidget(self.script_key, 0, top, 1, KEYS_PER_ROW - top)
        self.script_key.show()

    def toggle_script(self) -> None:
        """The French letters in place of the language's, or the language's again."""
        self._latin = not self._latin
        self._build(self.keyboard_layout)

    def _place_bottom_row(self) -> None:
        last = self._last_row
        if self.mode is KeyboardMode.NUMERIC:  # four rows: erase and confirm on the right
            self.grid.addWidget(self.erase_key, 0, 3)
            self.grid.addWidget(self.done_key, 1, 3, 3, 1)
            for key in (self.shift_key, self.non_joiner_key, self.space_key):
                key.hide()
            return
        if self.mode is KeyboardMode.REFERENCE:  # no capitals key, no space: half and half
            half = REFERENCE_COLUMNS // 2
            self.grid.addWidget(self.erase_key, last, 0, 1, half)
            self.grid.addWidget(self.done_key, last, half, 1, half)
            for key in (self.shift_key, self.non_joiner_key, self.space_key):
                key.hide()
            return
        for column in range(KEYS_PER_ROW):  # every letter as wide: 72 px on a 1080 px screen
            self.grid.setColumnStretch(column, 1)
        self._spans = ()
        self._fit_bottom_row()

    def _fit_bottom_row(self) -> None:
        """The letter keyboard's bottom row in the spans its names need at this width."""
        if self._spans is None:
            return
        spans = self._fitting_spans()
        if spans == self._spans:
            return
        self._spans = spans
        last = self._last_row
        self.shift_key.setVisible(self._has_capitals)
        self.non_joiner_key.setVisible(self._has_non_joiner)
        self.grid.removeWidget(self.shift_key)
        self.grid.removeWidget(self.non_joiner_key)
        column = 0
        for key, span in zip(self._bottom_keys(), spans, strict=True):
            self.grid.removeWidget(key)
            if span:
                self.grid.addWidget(key, last, column, 1, span)
            column += span

    def _bottom_keys(self) -> tuple[BigButton, ...]:
        """Capitals (or Persian's half space), space, erase, validate."""
        first = self.non_joiner_key if self._has_non_joiner else self.shift_key
        return first, self.space_key, self.erase_key, self.done_key

    def _fitting_spans(self) -> tuple[int, ...]:
        """The bottom row's spans at this width (see BOTTOM_SPANS)."""
        if not (self._has_capitals or self._has_non_joiner):
            return NO_CAPITALS_SPANS
        spacing = self.grid.horizontalSpacing()
        column = (self.width() - (KEYS_PER_ROW - 1) * spacing) / KEYS_PER_ROW
        for spans in BOTTOM_SPANS:
            if all(key.sizeHint().width() <= span * column + (span - 1) * spacing
                   for key, span in zip(self._bottom_keys(), spans, strict=True)):
                return spans
        return WRAPPING_SPANS

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_bottom_row()  # the same spans unless the width asks for others

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_bottom_row()  # another text size chosen from "Confort"

    def taps_for(self, text: str) -> Iterator[BigButton]:
        """The keys a person taps to type `text`, "Majuscule" included, one at a time: each
        is chosen after the previous tap, since a capital turns the letters back to lower case.
        """
        for char in text:
            if self._on_the_other_letters(char):
                yield self.script_key
            if char.isupper() and not self._capitals and self.key_for(char) is None:
                yield self.shift_key
            key = self.key_for(char)
            if key is None:
                raise ValueError(f"no key types {char!r} on this keyboard")
            yield key

    def _on_the_other_letters(self, char: str) -> bool:
        """`char` is typed after the script key ("ABC"), not on the letters shown now."""
        if char == " " or not self.script_key.isVisibleTo(self):
            return False
        shown = {key.property(side) for key in self._character_keys
                 for side in ("small", "capital")}
        latin = LAYOUTS[LATIN_LAYOUT]
        other_rows, other = ((self.keyboard_layout.letter_rows, self.keyboard_layout)
                             if self._latin else (latin_rows(), latin))
        other_keys = {typed for small in "".join(other_rows)
                      for typed in (small, other.capital(small))}
        return char not in shown and char in other_keys

    def key_for(self, char: str) -> BigButton | None:
        """The key that types `char` as the keyboard shows now (capitals after "Majuscule")."""
        if char == " ":
            return self.space_key
        if char == NON_JOINER:
            return self.non_joiner_key if self._has_non_joiner else None
        return next((key for key in self._character_keys if key.text() == char), None)

    def set_language(self, lang: str) -> None:
        """The keys' names in `lang`, and its letters on a text keyboard (its Latin
        arrangement on an e-mail one): the keyboard follows the citizen's language."""
        self._lang = lang
        self._align_target()
        for key in (self.shift_key, self.non_joiner_key, self.space_key, self.erase_key,
                    self.done_key):
            key.set_text(tr(key.property("message_key"), lang))
        layout = layout_for(lang)
        shown = self.keyboard_layout
        if shown is None or layout.letter_rows != shown.letter_rows:
            self._latin = False  # a new language: its own letters first
        if shown is None or self._rows(layout) != self._rows(shown):
            self._build(layout)
        else:
            self._fit_bottom_row()  # names of other lengths

    def attach(self, target: QLineEdit) -> None:
        if self.mode is not KeyboardMode.TEXT:  # digits, a date, an e-mail, a reference
            keep_left_to_right(target)
        self._target = target
        self._align_target()

    def _align_target(self) -> None:
        """A text field starts on the side its language writes from. Qt puts the caret of an
        empty field on the system's input side (the left) in Arabic too, and moves it to the
        right only once a letter is typed."""
        if self._target is None or self.mode is not KeyboardMode.TEXT:
            return
        side = (Qt.AlignmentFlag.AlignRight if language(self._lang).right_to_left
                else Qt.AlignmentFlag.AlignLeft)
        self._target.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute
                                  | Qt.AlignmentFlag.AlignVCenter)

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
        """Each key shows its capital, or its small letter again; the capitals come from the
        layout, never from str.upper(): Turkish i is İ."""
        self._capitals = not self._capitals
        for key in self._character_keys:
            key.set_text(key.property("capital" if self._capitals else "small"))
        self.shift_key.setChecked(self._capitals)
