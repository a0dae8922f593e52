"""The idle warning: asks before wiping, with a big way to keep going (WCAG 2.2.1)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class IdleScreen(Screen):
    more_time_requested = Signal()
    finish_requested = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self._language = "fr"
        self.title = text_label(role="hero", centered=True)
        self.body = text_label(centered=True)
        self.more_time_button = BigButton("", role="primary")
        self.finish_button = BigButton("")
        self.more_time_button.clicked.connect(self.more_time_requested)
        self.finish_button.clicked.connect(self.finish_requested)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.more_time_button)
        self.layout_.addWidget(self.finish_button)
        self.layout_.addStretch(1)

    def present(self, state: JourneyState) -> None:
        self._language = state.language
        self.title.setText(tr("idle.title", state.language))
        self.more_time_button.set_text(tr("idle.more_time", state.language))
        self.finish_button.set_text(tr("idle.finish", state.language))
        self.show_countdown(self.context.idle_reset_seconds)

    def show_countdown(self, seconds: int) -> None:
        self.body.setText(tr("idle.body", self._language, seconds=seconds))

    def spoken_text(self) -> str:
        return f"{self.title.text()} {self.body.text()} {self.more_time_button.text()} ?"
