"""The idle warning: asks before wiping, with a big way to keep going (WCAG 2.2.1)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.screen_records import IdleView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class IdleScreen(Screen):
    more_time_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
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

    def present(self, view: IdleView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.body.setText(view.body)
        self.more_time_button.set_text(view.more_time_label)
        self.finish_button.set_text(view.finish_label)

    def show_countdown(self, seconds: int) -> None:
        if self.view is not None:
            self.body.setText(self.view.countdown(seconds))
