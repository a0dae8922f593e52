"""How to get a person's help; "go back" returns exactly where the citizen was."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class HelpScreen(Screen):
    resume_requested = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="hero", centered=True)
        self.body = text_label(centered=True)
        self.back_button = BigButton("", role="primary")
        self.back_button.clicked.connect(self.resume_requested)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.back_button)
        self.layout_.addStretch(1)

    def present(self, state: JourneyState) -> None:
        self.title.setText(tr("help.title", state.language))
        self.body.setText(tr("help.body", state.language))
        self.back_button.set_text(tr("help.back", state.language))

    def spoken_text(self) -> str:
        return f"{self.title.text()} {self.body.text()}"
