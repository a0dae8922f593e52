"""One procedure in plain words: what it is, who handles it, what to bring, where to read more."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk.catalog import Action, localized
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.qr_view import QrView
from ui.widgets.scroll_area import TouchScrollArea


class ServiceScreen(Screen):
    request_started = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.request_button = BigButton("", role="primary")
        self.request_button.clicked.connect(self.request_started)
        self.title = text_label(role="title")
        self.summary = text_label()
        self.who_heading = text_label(role="title")
        self.who = text_label()
        self.documents_heading = text_label(role="title")
        self.documents = text_label()
        self.qr = QrView()
        self.qr_caption = text_label(role="muted")
        self.qr.setAccessibleName("QR code")

        scroll = TouchScrollArea()
        for widget in (self.summary, self.who_heading, self.who,
                       self.documents_heading, self.documents):
            scroll.content_layout.addWidget(widget)
        qr_row = QHBoxLayout()
        qr_row.setSpacing(32)
        qr_row.addWidget(self.qr)
        qr_row.addWidget(self.qr_caption, stretch=1)
        scroll.content_layout.addLayout(qr_row)
        scroll.content_layout.addStretch(1)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addWidget(self.request_button)

    def present(self, state: JourneyState) -> None:
        lang = state.language
        service = self.context.catalog.service(state.service_id)
        self.title.setText(localized(service.title, lang))
        self.summary.setText(localized(service.summary, lang))
        self.who_heading.setText(tr("service.who", lang))
        self.who.setText(localized(service.authority, lang))
        self.documents_heading.setText(tr("service.documents", lang))
        items = service.documents.get(lang) or service.documents["fr"]
        self.documents.setText("\n".join(f"•  {item}" for item in items))
        self.qr.set_data(service.official_url)
        self.qr.setAccessibleDescription(service.official_url)
        self.qr.setVisible(bool(service.official_url))
        self.qr_caption.setText(tr("service.qr", lang))
        self.qr_caption.setVisible(bool(service.official_url))
        self.request_button.set_text(tr("service.start_request", lang))
        self.request_button.setVisible(Action.GUIDED_REQUEST in service.actions)

    def spoken_text(self) -> str:
        documents = self.documents.text().replace("•  ", "").replace("\n", ". ")
        request = f" {self.request_button.text()} ?" if self.request_button.isVisible() else ""
        return (f"{self.title.text()}. {self.summary.text()} {self.who_heading.text()} "
                f"{self.who.text()}. {self.documents_heading.text()} : {documents}.{request}")
