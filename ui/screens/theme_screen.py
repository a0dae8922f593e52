"""The procedures of one life theme, one large button each."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.catalog import localized
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class ThemeScreen(Screen):
    service_chosen = Signal(str)

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title")
        self.hint = text_label(role="muted")
        self.scroll = TouchScrollArea()
        self.list_layout = self.scroll.content_layout
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.scroll, stretch=1)
        self.buttons: dict[str, BigButton] = {}

    def present(self, state: JourneyState) -> None:
        lang = state.language
        catalog = self.context.catalog
        self.title.setText(localized(catalog.theme(state.theme_id).title, lang))
        self.hint.setText(tr("theme.hint", lang))
        self.clear_layout(self.list_layout)
        self.buttons = {}
        for service in catalog.services_for(state.theme_id):
            button = BigButton(localized(service.title, lang), role="primary",
                               description=localized(service.summary, lang))
            button.clicked.connect(
                lambda _checked=False, sid=service.id: self.service_chosen.emit(sid)
            )
            self.buttons[service.id] = button
            self.list_layout.addWidget(button)
        self.list_layout.addStretch(1)

    def spoken_text(self) -> str:
        services = ", ".join(button.text() for button in self.buttons.values())
        return f"{self.title.text()}. {self.hint.text()} {services}."
