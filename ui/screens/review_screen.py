"""Every answer before sending, each with "Modifier"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.forms.messages import message
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class ReviewScreen(Screen):
    speech_is_private = True  # it reads the answers back
    edit_requested = Signal(str)
    confirmed = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title")
        self.hint = text_label(role="muted")
        self.scroll = TouchScrollArea()
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(24)
        self.rows.setVerticalSpacing(16)
        self.scroll.content_layout.addLayout(self.rows)
        self.scroll.content_layout.addStretch(1)
        self.confirm_button = BigButton("", role="primary")
        self.confirm_button.clicked.connect(self.confirmed)
        self.edit_buttons: dict[str, BigButton] = {}
        self._lines: list[tuple[str, str]] = []
        for widget in (self.title, self.hint):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.scroll, stretch=1)
        self.layout_.addWidget(self.confirm_button)

    def present(self, state: JourneyState) -> None:
        lang = state.language
        self.title.setText(message("form.review_title", lang))
        self.hint.setText(message("form.review_hint", lang))
        self.confirm_button.set_text(tr("review.confirm", lang))
        self.clear_layout(self.rows)
        self.edit_buttons = {}
        self._lines = []
        for row, line in enumerate(self.context.journey.form.review(lang)):
            question = text_label(line.label, role="muted")
            answer = text_label(line.answer or message("form.no_answer", lang))
            answer.setProperty("role", "strong")
            edit = BigButton(message("form.modify", lang),
                             description=f"{message('form.modify', lang)} : {line.label}")
            edit.clicked.connect(lambda _checked=False, sid=line.step_id:
                                 self.edit_requested.emit(sid))
            self.edit_buttons[line.step_id] = edit
            self._lines.append((line.label, answer.text()))
            self.rows.addWidget(question, row * 2, 0)
            self.rows.addWidget(answer, row * 2 + 1, 0)
            self.rows.addWidget(edit, row * 2, 1, 2, 1)
        self.rows.setColumnStretch(0, 1)

    def wipe(self) -> None:
        self.clear_layout(self.rows)
        self.edit_buttons = {}
        self._lines = []

    def spoken_text(self) -> str:
        answers = " ".join(f"{label} : {answer}." for label, answer in self._lines)
        return f"{self.title.text()}. {self.hint.text()} {answers} {self.confirm_button.text()}."
