"""The procedures of one life theme, one large button each."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.screen_records import ThemeView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class ThemeScreen(Screen):
    service_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.hint = text_label(role="muted")
        self.scroll = TouchScrollArea()
        self.list_layout = self.scroll.content_layout
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.scroll, stretch=1)
        self.buttons: dict[str, BigButton] = {}

    def present(self, view: ThemeView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.hint.setText(view.hint)
        self.clear_layout(self.list_layout)
        self.buttons = {}
        for option in view.services:
            button = BigButton(option.label, role="primary", description=option.description)
            button.clicked.connect(
                lambda _checked=False, sid=option.value: self.service_chosen.emit(sid))
            self.buttons[option.value] = button
            self.list_layout.addWidget(button)
        self.list_layout.addStretch(1)
