"""A commune by its name or its postal code: the list follows each key, the keyboard stays.

The citizen types "thenon" or "24210" on our keyboard and touches their commune in the list
that follows every key. The keyboard never moves nor hides, so what was typed can always be
corrected; the list scrolls with a visible bar and its buttons never touch.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.catalog import Step, localized
from kiosk.forms.commune_search import SearchResult, prepare_in_background, search_communes
from kiosk.forms.communes import Commune, communes_for_postal_code
from kiosk.forms.messages import message
from ui.theme import MIN_TOUCH_PX
from ui.widgets.answer_base import AnswerInput, answer_field
from ui.widgets.buttons import BigButton
from ui.widgets.key_pad import KeyPad
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea

RESULT_SPACING_PX = 16  # two results never touch: a trembling finger lands on one of them
RESULT_PADDING_PX = 48  # a result's text plus its padding and border, to pick the columns
# Letters without accents nor capitals: the search does without them, and four rows of keys
# leave room for the list even at the largest text size.
SEARCH_ROWS = ("1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn")
SEARCH_COLUMNS = 12
# The last two columns hold "-", "'", the erase and the confirm keys: a little wider than a
# letter's, so "Confirm" or "Стерти" fit two of them on a portrait screen, where a letter
# key still has its 72 px.
LETTER_STRETCH, SPECIAL_STRETCH = 4, 5


class CommuneKeyboard(KeyPad):
    """Digits for a postal code, plain letters for a name, "-", "'" and a space."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(max_length=60, parent=parent)
        for row, chars in enumerate(SEARCH_ROWS):
            for column, char in enumerate(chars):
                self.add_key(char, row, column)
        self.add_key("-", 1, 10)
        self.add_key("'", 1, 11)
        self.space_key = self.special_key("keyboard.space", lambda: self.type_text(" "))
        self.grid.addWidget(self.space_key, 3, 6, 1, 4)
        self.grid.addWidget(self.erase_key, 0, 10, 1, 2)
        self.grid.addWidget(self.done_key, 2, 10, 2, 2)
        for column in range(SEARCH_COLUMNS):
            self.grid.setColumnStretch(column, LETTER_STRETCH if column < 10 else SPECIAL_STRETCH)


def result_label(commune: Commune) -> str:
    """The name with the postal code: homonyms (Saint-Denis...) are told apart."""
    return f"{commune.name} ({commune.postal_code})"


class CommuneInput(AnswerInput):
    """A field, the communes matching what it holds, and a keyboard of digits and letters."""

    def __init__(self, step: Step, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        prepare_in_background()  # the name index is ready before the first key, most often
        self.lang = lang
        question = localized(step.label, lang)
        self.field = answer_field(question, localized(step.help, lang) if step.help else question)
        self.status = text_label(role="muted")
        self.results = TouchScrollArea()
        self.results.content.setProperty("role", "compact")  # 72 px buttons, as the keys
        self.results.content_layout.setSpacing(RESULT_SPACING_PX)
        self.results.setMinimumHeight(MIN_TOUCH_PX + 8)  # one row of results, at least
        self.results.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid = QGridLayout()
        self.grid.setSpacing(RESULT_SPACING_PX)
        self.results.content_layout.addLayout(self.grid)
        self.results.content_layout.addStretch(1)
        self.result_buttons: list[BigButton] = []  # the visible ones, best first
        self._pool: list[BigButton] = []  # reused from key to key: no flicker, no churn
        self._found: tuple[Commune, ...] = ()
        self._columns = 0  # how the pool is placed in the grid now; 0: not yet
        self.keyboard = CommuneKeyboard()
        self.keyboard.set_language(lang)
        self.keyboard.attach(self.field)
        self.keyboard.done.connect(lambda: self.submitted.emit(self.field.text()))
        self.field.returnPressed.connect(lambda: self.submitted.emit(self.field.text()))
        self.field.textChanged.connect(self._search)
        self.field.textChanged.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = QGridLayout()  # what was found beside what was typed, or under it
        self.heading.setSpacing(8)
        self._status_beside: bool | None = None
        self._place_status(beside=True)
        layout.addLayout(self.heading)
        layout.addWidget(self.results, stretch=1)  # the list takes the room; the keys keep theirs
        layout.addWidget(self.keyboard)
        self._search("")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.field.setFocus()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_status(beside=self._status_fits_beside(event.size().width()))
        self._place()

    def _status_fits_beside(self, width: int) -> bool:
        """Beside the field when its longest line there is no taller than the field: room
        for the list at the normal size; under it, on two lines rather than four, when larger.
        Decided by the width only, never by what is typed: the list must not jump per key."""
        self.status.ensurePolished()
        side = (width - self.heading.spacing()) * 2 // 5
        hint = message("commune.hint", self.lang)
        lines = self.status.fontMetrics().boundingRect(
            0, 0, side, 10_000, Qt.TextFlag.TextWordWrap, hint).height()
        return lines <= self.field.sizeHint().height()

    def _place_status(self, beside: bool) -> None:
        if beside == self._status_beside:
            return
        self._status_beside = beside
        self.heading.removeWidget(self.field)
        self.heading.removeWidget(self.status)
        if beside:
            self.heading.addWidget(self.field, 0, 0)
            self.heading.addWidget(self.status, 0, 1)
            self.heading.setColumnStretch(0, 3)
            self.heading.setColumnStretch(1, 2)
        else:
            self.heading.addWidget(self.field, 0, 0, 1, 2)
            self.heading.addWidget(self.status, 1, 0, 1, 2)

    def raw(self) -> object:
        return self.field.text()

    def set_draft(self, value: object) -> None:
        if isinstance(value, str):
            self.field.setText(value)
        elif isinstance(value, dict) and isinstance(value.get("postal_code"), str):
            chosen = [c for c in communes_for_postal_code(value["postal_code"])
                      if c.insee == value.get("insee")]
            self.field.setText(chosen[0].name if chosen else value["postal_code"])

    def button_for(self, label: str) -> BigButton:
        """The visible result showing `label` ("Thenon (24210)"), for tests and the tour."""
        return next(button for button in self.result_buttons if button.text() == label)

    def _search(self, text: str) -> None:
        result = search_communes(text)
        self._found = result.communes
        self.status.setText(self._status_text(text, result))
        while len(self._pool) < len(result.communes):
            button = BigButton("")
            index = len(self._pool)
            button.clicked.connect(lambda _checked=False, i=index: self._choose(i))
            self._pool.append(button)
            self._columns = 0  # a new button: place them all again
        labels = [result_label(commune) for commune in result.communes]
        for button, label in zip(self._pool, labels, strict=False):
            if button.text() != label:
                button.set_text(label)
        self.result_buttons = self._pool[:len(labels)]
        self._place()
        self.results.verticalScrollBar().setValue(0)

    def _status_text(self, text: str, result: SearchResult) -> str:
        typed = "".join(text.split())
        if result.total == 0:
            started = len(typed) >= 2 or (typed and not typed.isdigit())
            return message("commune.none" if started else "commune.hint", self.lang)
        if result.truncated:
            return message("commune.found_many", self.lang, total=result.total)
        if result.total == 1:
            return message("commune.found_one", self.lang)
        return message("commune.found", self.lang, count=result.total)

    def _place(self) -> None:
        """Two columns when every name fits in half the width, else one: never a cut name.
        Buttons move only when the number of columns changes; otherwise a key press just
        relabels, shows and hides them (a full re-layout per key was 85 ms)."""
        width = self.results.viewport().width() or self.width()
        widest = 0
        for button in self.result_buttons:
            button.ensurePolished()  # the theme's font, not the default one, is measured
            widest = max(widest, button.fontMetrics().horizontalAdvance(button.text()))
        columns = 2 if widest + RESULT_PADDING_PX <= (width - RESULT_SPACING_PX) // 2 else 1
        if columns != self._columns:
            for button in self._pool:
                self.grid.removeWidget(button)
            for index, button in enumerate(self._pool):
                self.grid.addWidget(button, index // columns, index % columns)
            self._columns = columns
        shown = len(self.result_buttons)
        for index, button in enumerate(self._pool):
            button.setVisible(index < shown)

    def _choose(self, index: int) -> None:
        commune = self._found[index]
        self.submitted.emit({"postal_code": commune.postal_code, "insee": commune.insee})
