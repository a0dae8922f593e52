"""How to get a person's help; "go back" returns exactly where the citizen was.

"Prendre un ticket" gives a number, shown big and spoken, with no personal data; the
mediators also learn which screen the citizen called from.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.screen_records import HelpView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class HelpScreen(Screen):
    resume_requested = Signal()
    ticket_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="hero", centered=True)
        self.body = text_label(centered=True)
        self.ticket_code = text_label(role="reference", centered=True)
        self.ticket_text = text_label(role="strong", centered=True)
        self.ticket_button = BigButton("")
        self.ticket_button.clicked.connect(self._ask_ticket)
        self.back_button = BigButton("", role="primary")
        self.back_button.clicked.connect(self.resume_requested)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.body)
        self.layout_.addWidget(self.ticket_code)
        self.layout_.addWidget(self.ticket_text)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.ticket_button)
        self.layout_.addWidget(self.back_button)
        self.layout_.addStretch(1)

    def present(self, view: HelpView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.body.setText(view.body)
        self.ticket_button.set_text(view.ticket_label)
        self.back_button.set_text(view.back_label)
        self.ticket_code.setText(view.ticket_code)
        self.ticket_text.setText(view.ticket_sentence)
        taken = bool(view.ticket_code)  # the number replaces the button: one per visit
        self.ticket_code.setVisible(taken)
        self.ticket_text.setVisible(taken)
        self.ticket_button.setVisible(not taken)
        self.ticket_button.setEnabled(True)

    def _ask_ticket(self) -> None:
        self.ticket_button.setEnabled(False)  # the number comes back from the disk
        self.ticket_requested.emit()
