"""The citizen agrees that a mediator does this procedure for them (Aidants Connect's mandate,
for this visit only): who helps, which procedure, what they will see, who receives it.

A journey step, shown when the request is about to be queued while a mediator is at the
controls; "J'accepte" records the consent in the session's Assistance, then the same request
is queued with "assisted_by". Nothing is queued before that.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.journey import JourneyState
from kiosk.session import MediatorDesk
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class AssistedConsentScreen(Screen):
    accepted = Signal()
    refused = Signal()

    def __init__(self, context: ScreenContext, desk: MediatorDesk, parent=None):
        super().__init__(context, parent)
        self.desk = desk
        self.request = None
        self.title = text_label(role="title")
        self.body = text_label()
        scroll = TouchScrollArea()
        scroll.content_layout.addWidget(self.body)
        scroll.content_layout.addStretch(1)
        self.accept_button = BigButton("", role="primary")
        self.refuse_button = BigButton("")
        self.accept_button.clicked.connect(self._accept)
        self.refuse_button.clicked.connect(self.refused)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addWidget(self.accept_button)
        self.layout_.addWidget(self.refuse_button)

    def present(self, state: JourneyState) -> None:
        self.request = self.desk.consent_request(self.context.journey.form, state.language)
        text = self.request.text
        self.title.setText(text["title"])
        self.body.setText(text["body"])
        self.accept_button.set_text(text["accept"])
        self.refuse_button.set_text(text["refuse"])

    def _accept(self) -> None:
        """Recorded only if a mediator is still at the controls (staff mode may have locked)."""
        if self.desk.assisting and self.request is not None:
            self.desk.record_consent(self.request)
        self.accepted.emit()

    def wipe(self) -> None:
        self.request = None
        self.body.clear()

    def spoken_text(self) -> str:
        return f"{self.title.text()}. {self.body.text()} {self.accept_button.text()} ?"
