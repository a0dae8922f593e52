"""Every answer before sending, each with "Modifier"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.views.form_records import ReviewView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class ReviewScreen(Screen):
    edit_requested = Signal(str)
    confirmed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
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
        for widget in (self.title, self.hint):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.scroll, stretch=1)
        self.layout_.addWidget(self.confirm_button)

    def present(self, view: ReviewView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.hint.setText(view.hint)
        self.confirm_button.set_text(view.confirm_label)
        self.clear_layout(self.rows)
        self.edit_buttons = {}
        for row, line in enumerate(view.rows):
            question = text_label(line.label, role="muted")
            answer = text_label(line.answer)
            answer.setProperty("role", "strong")
            edit = BigButton(line.modify_label, description=line.modify_description)
            edit.clicked.connect(lambda _checked=False, sid=line.step_id:
                                 self.edit_requested.emit(sid))
            self.edit_buttons[line.step_id] = edit
            self.rows.addWidget(question, row * 2, 0)
            self.rows.addWidget(answer, row * 2 + 1, 0)
            self.rows.addWidget(edit, row * 2, 1, 2, 1)
        self.rows.setColumnStretch(0, 1)

    def wipe(self) -> None:
        self.clear_layout(self.rows)
        self.edit_buttons = {}
        self.view = None
