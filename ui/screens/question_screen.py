"""One question of a guided request: progress, the question, an input by kind, and errors that
say what is wrong and how to fix it (shown and spoken) without clearing what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.views.form_records import QuestionView
from ui.screens.base import Screen
from ui.widgets.answer_inputs import AnswerInput, build_input
from ui.widgets.buttons import BigButton
from ui.widgets.fitting import is_short, mark_short
from ui.widgets.labels import error_label, text_label


class QuestionScreen(Screen):
    answered = Signal(object)
    draft_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_.setSpacing(8)
        self.layout_.setContentsMargins(32, 12, 32, 12)  # room for the keyboard on 800 px
        self.progress = text_label(role="muted")
        self.progress.setWordWrap(False)
        self.question = text_label(role="question")
        self.help = text_label(role="muted")
        self.error = error_label()  # its warning sign drawn: the shipped font has no "⚠"
        self.error.setAccessibleName("erreur")
        self.input: AnswerInput | None = None
        self._shown: tuple[str | None, str] | None = None
        self.skip_button = BigButton("")
        self.skip_button.clicked.connect(lambda: self.answered.emit(""))
        heading = QHBoxLayout()  # progress beside the question: room for the keyboard
        heading.addWidget(self.question, stretch=1)
        side = QVBoxLayout()
        side.addWidget(self.progress, alignment=Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.skip_button)
        heading.addLayout(side)
        self.layout_.addLayout(heading)
        for widget in (self.help, self.error):
            self.layout_.addWidget(widget)

    def present(self, view: QuestionView) -> None:
        self.view = view
        if self._shown != (view.question_id, view.language):  # a new question: a fresh
            self._replace_input(build_input(view.form_step, view.language))  # input, placed
            self.input.set_draft(view.draft)  # before the texts: two keyboards never stack
            self._shown = (view.question_id, view.language)
        self.progress.setText(view.progress)
        self.question.setText(view.question)
        self.help.setText(view.help)
        self.skip_button.set_text(view.skip_label)
        self.skip_button.setVisible(bool(view.skip_label))
        self.error.setText(view.error)
        # Help first, then the error: hiding before showing, so the window never grows.
        self.help.setVisible(bool(view.help) and not view.error)  # the error says what to do
        self.error.setVisible(bool(view.error))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()  # another text size chosen from "Confort" mid-form

    def _fit(self) -> None:
        """On a screen short for its text size, the question at the body size, the progress
        and the input's own notes (the commune search's hint) smaller: the keys, the error
        and the commune list keep their room, in the languages whose script is taller too."""
        notes = [] if self.input is None else [
            label for label in self.input.findChildren(QLabel) if label.property("role") == "muted"]
        mark_short((self.question, self.progress, *notes), is_short(self))

    def wipe(self) -> None:
        """The typed text goes with its widget (and its undo history)."""
        self._replace_input(None)
        self._shown = None
        self.view = None

    def _replace_input(self, new_input: AnswerInput | None) -> None:
        if self.input is not None:
            self.layout_.removeWidget(self.input)
            self.input.hide()  # deleteLater waits for the event loop; never show two inputs
            self.input.deleteLater()
        self.input = new_input
        if new_input is None:
            return
        self.input.submitted.connect(self.answered)
        new_input.edited.connect(lambda: self.draft_changed.emit(new_input.raw()))
        self.layout_.addWidget(self.input, stretch=1)
        self._fit()  # its notes sized for this screen before it is first laid out
        self.input.show()  # a layout shows new children only at the next event loop turn
