"""How to get a person's help; "go back" returns exactly where the citizen was.

"Prendre un ticket" gives a number, shown big and spoken, with no personal data; the window
takes it from the mediator desk, which also tells the mediators which screen the citizen
called from.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class HelpScreen(Screen):
    resume_requested = Signal()
    ticket_requested = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="hero", centered=True)
        self.body = text_label(centered=True)
        self.ticket_code = text_label(role="reference", centered=True)
        self.ticket_text = text_label(role="strong", centered=True)
        self.ticket_button = BigButton("")
        self.ticket_button.clicked.connect(self.ticket_requested)
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
        self.wipe()

    def present(self, state: JourneyState) -> None:
        self.title.setText(tr("help.title", state.language))
        self.body.setText(tr("help.body", state.language))
        self.ticket_button.set_text(tr("help.take_ticket", state.language))
        self.back_button.set_text(tr("help.back", state.language))

    def show_ticket(self, code: str, sentence: str) -> None:
        """The number replaces the button: one ticket per visit to this screen."""
        self.ticket_code.setText(code)
        self.ticket_text.setText(sentence)
        self.ticket_code.show()
        self.ticket_text.show()
        self.ticket_button.hide()

    def wipe(self) -> None:
        self.ticket_code.clear()
        self.ticket_text.clear()
        self.ticket_code.hide()
        self.ticket_text.hide()
        self.ticket_button.show()

    def spoken_text(self) -> str:
        if self.ticket_text.isVisible():
            return self.ticket_text.text()
        return f"{self.title.text()} {self.body.text()} {self.ticket_button.text()} ?"
