"""One question of a guided request: progress, the question, an input by kind, and errors that
say what is wrong and how to fix it (shown and spoken) without clearing what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.catalog import localized
from kiosk.forms.messages import message
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.answer_inputs import AnswerInput, build_input
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class QuestionScreen(Screen):
    answered = Signal(object)
    draft_changed = Signal(object)

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.layout_.setSpacing(8)
        self.layout_.setContentsMargins(32, 12, 32, 12)  # room for the keyboard on 800 px
        self.progress = text_label(role="muted")
        self.progress.setWordWrap(False)
        self.question = text_label(role="question")
        self.help = text_label(role="muted")
        self.error = text_label(role="error")
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

    def present(self, state: JourneyState) -> None:
        form = self.context.journey.form
        step, lang = form.current_step, state.language
        if self._shown != (state.question_id, lang):  # a new question: a fresh input, placed
            self._replace_input(build_input(step, lang))  # before the texts, so the old
            self.input.set_draft(form.draft())  # keyboard and the new question never stack
            self._shown = (state.question_id, lang)
        self.progress.setText(form.progress().text(lang))
        self.question.setText(localized(step.label, lang))
        help_text = localized(step.help, lang) if step.help else ""
        if step.optional:
            help_text = f"{help_text} {message('form.optional', lang)}".strip()
        self.help.setText(help_text)
        self.skip_button.set_text(tr("form.skip", lang))
        self.skip_button.setVisible(step.optional)
        error = form.error
        self.error.setText(f"⚠  {error.text(lang)}" if error else "")
        # Help first, then the error: hiding before showing, so the window never grows.
        self.help.setVisible(bool(help_text) and error is None)  # the error says what to do
        self.error.setVisible(error is not None)

    def wipe(self) -> None:
        """The typed text goes with its widget (and its undo history)."""
        self._replace_input(None)
        self._shown = None

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
        self.input.show()  # a layout shows new children only at the next event loop turn

    def spoken_text(self) -> str:
        parts = [self.error.text().lstrip("⚠ ")] if self.error.isVisible() else []
        parts += [self.progress.text() + ".", self.question.text()]
        if self.help.text() and not self.error.isVisible():
            parts.append(self.help.text())
        buttons = getattr(self.input, "buttons", {})
        parts += [button.text().lstrip("☐☑ ") + "." for button in buttons.values()]
        return " ".join(parts)
