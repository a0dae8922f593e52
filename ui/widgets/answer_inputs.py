"""One input per kind of question, all with the contract of `ui.widgets.answer_base`; the
commune picker has its own module (ui/widgets/commune_picker.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.catalog import Step, localized
from kiosk.forms.grouping import NIR_LENGTH, PHONE_MAX_DIGITS, group_nir, group_phone
from kiosk.forms.messages import message
from kiosk.forms.validators import UNKNOWN
from kiosk.i18n import tr
from ui.layout_direction import keep_left_to_right
from ui.widgets.answer_base import AnswerInput, answer_field
from ui.widgets.buttons import BigButton
from ui.widgets.commune_picker import CommuneInput
from ui.widgets.icons import Sign
from ui.widgets.keyboard import KeyboardMode, OnScreenKeyboard
from ui.widgets.labels import text_label
from ui.widgets.number_pad import NumberPad
from ui.widgets.scroll_area import TouchScrollArea

KEYBOARD_FOR_KIND = {
    "text": KeyboardMode.TEXT, "name": KeyboardMode.TEXT, "description": KeyboardMode.TEXT,
    "email": KeyboardMode.EMAIL, "iban": KeyboardMode.EMAIL, "number": KeyboardMode.NUMERIC,
}


def keys_for(kind: str, lang: str) -> OnScreenKeyboard | NumberPad:
    """The keys a kind of answer needs, and no others: no "@" in a social security number;
    letters in the citizen's language."""
    if kind == "nir":
        pad = NumberPad(extra="AB", group=group_nir, max_length=NIR_LENGTH)  # Corsica: 2A, 2B
    elif kind == "phone":
        pad = NumberPad(extra="+", group=group_phone, max_length=PHONE_MAX_DIGITS)
    else:
        return OnScreenKeyboard(KEYBOARD_FOR_KIND[kind], lang)  # built in `lang` at once
    pad.set_language(lang)  # the names of its erase and confirm keys
    return pad


class TypedInput(AnswerInput):
    """A field with a visible caret and the keys of its kind under it; "Je ne l'ai pas" beside
    it when the procedure accepts a request without this answer (catalogue `unknown_allowed`).
    """

    def __init__(self, step: Step, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        question = localized(step.label, lang)
        self.field = answer_field(question, localized(step.help, lang) if step.help else question)
        self.keyboard = keys_for(step.kind, lang)
        self.keyboard.attach(self.field)
        self.keyboard.done.connect(lambda: self.submitted.emit(self.field.text()))
        self.field.returnPressed.connect(lambda: self.submitted.emit(self.field.text()))
        self.field.textChanged.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.field, stretch=1)
        self.unknown_button: BigButton | None = None
        if step.unknown_allowed:
            self.unknown_button = BigButton(message("form.unknown", lang))
            self.unknown_button.clicked.connect(lambda: self.submitted.emit(dict(UNKNOWN)))
            row.addWidget(self.unknown_button, stretch=0)
        layout.addLayout(row)
        layout.addStretch(1)  # the keys stay at the bottom, whatever shows above them
        layout.addWidget(self.keyboard)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.field.setFocus()

    def raw(self) -> object:
        return self.field.text()

    def set_draft(self, value: object) -> None:
        if isinstance(value, str):
            self.field.setText(value)


class ChoiceInput(AnswerInput):
    """Large buttons, one per answer. With `multiple`, buttons toggle and "Valider" confirms."""

    def __init__(self, options: Sequence[tuple[object, str]], lang: str, multiple: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.multiple = multiple
        self.buttons: dict[object, BigButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Long answers at a large size: the options scroll, with a visible bar, and
        # "Valider" stays in view below them.
        self.options = TouchScrollArea()
        grid = QGridLayout()
        grid.setSpacing(16)
        columns = 2 if len(options) > 3 else 1
        for index, (value, label) in enumerate(options):
            button = BigButton(label, role="" if multiple else "primary")
            button.setCheckable(multiple)
            if multiple:
                button.toggled.connect(lambda _on, v=value: self._show_mark(v))
            else:
                button.clicked.connect(lambda _checked=False, v=value: self.submitted.emit(v))
            self.buttons[value] = button
            grid.addWidget(button, index // columns, index % columns)
        self.options.content_layout.addLayout(grid)
        self.options.content_layout.addStretch(1)
        layout.addWidget(self.options, stretch=1)
        if multiple:
            self.confirm_button = BigButton(tr("keyboard.done", lang), role="primary")
            self.confirm_button.clicked.connect(lambda: self.submitted.emit(self.raw()))
            layout.addWidget(self.confirm_button)
            for value in self.buttons:
                self._show_mark(value)

    def _show_mark(self, value: object) -> None:
        """A tick box drawn before the words: the state is never shown by colour alone."""
        button = self.buttons[value]
        button.set_sign(Sign.TICKED_BOX if button.isChecked() else Sign.BOX)

    def raw(self) -> object:
        return [value for value, button in self.buttons.items() if button.isChecked()]

    def set_draft(self, value: object) -> None:
        if self.multiple and isinstance(value, list | tuple):
            for choice, button in self.buttons.items():
                button.setChecked(choice in value)


class DateInput(AnswerInput):
    """Day, month and year as three large fields on a number pad; no tiny calendar.

    The pad types into the field the citizen last touched (a tap on "Mois" then "Effacer"
    erases the month), and moves on by itself when a field is full.
    """

    LENGTHS = (2, 2, 4)

    def __init__(self, step: Step, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        names = [tr("form.day", lang), tr("form.month", lang), tr("form.year", lang)]
        question = localized(step.label, lang)
        self.fields = [answer_field(name, f"{question} {name}") for name in names]
        self.keyboard = OnScreenKeyboard(KeyboardMode.NUMERIC)
        self.keyboard.set_language(lang)
        self.keyboard.done.connect(lambda: self.submitted.emit(self.raw()))
        self._filling = False  # a draft put back: no jumping from field to field
        row = QHBoxLayout()
        for name, field, length in zip(names, self.fields, self.LENGTHS, strict=True):
            field.setMaxLength(length)
            keep_left_to_right(field)  # digits, before the pad first types into it
            field.setPlaceholderText(name)
            column = QVBoxLayout()
            column.addWidget(text_label(name))
            column.addWidget(field)
            row.addLayout(column, stretch=length)
            field.installEventFilter(self)
            field.textChanged.connect(lambda text, f=field: self._advance(f, text))
            field.textChanged.connect(self.edited)
        self.active = self.fields[0]
        self.keyboard.attach(self.active)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addStretch(1)  # the keys stay at the bottom, whatever shows above them
        layout.addWidget(self.keyboard)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.active.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A touch or the focus on a field makes it the one the pad types into."""
        if watched in self.fields and event.type() in (QEvent.Type.MouseButtonPress,
                                                       QEvent.Type.FocusIn):
            self._activate(watched)
        return False

    def _activate(self, field: QLineEdit) -> None:
        self.active = field
        self.keyboard.attach(field)
        if not field.hasFocus():
            field.setFocus()

    def _advance(self, field: QLineEdit, text: str) -> None:
        """Move to the next field when this one is full: less to tap."""
        index = self.fields.index(field)
        if not self._filling and field is self.active and len(text) == field.maxLength() and (
                index < 2):
            self._activate(self.fields[index + 1])

    def raw(self) -> object:
        return tuple(field.text() for field in self.fields)

    def set_draft(self, value: object) -> None:
        if isinstance(value, list | tuple) and len(value) == 3:
            self._filling = True
            for field, part in zip(self.fields, value, strict=True):
                field.setText(str(part))
            self._filling = False


def build_input(step: Step, lang: str) -> AnswerInput:
    """The input for one question, by kind."""
    if step.kind == "yes_no":
        return ChoiceInput([(True, message("form.yes", lang)), (False, message("form.no", lang))],
                           lang)
    if step.kind in ("single_choice", "multiple_choice"):
        options = [(choice.value, localized(choice.label, lang)) for choice in step.choices]
        return ChoiceInput(options, lang, multiple=step.kind == "multiple_choice")
    if step.kind == "date_of_birth":
        return DateInput(step, lang)
    if step.kind == "postal_code":
        return CommuneInput(step, lang)
    return TypedInput(step, lang)
