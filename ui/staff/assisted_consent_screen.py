"""The citizen agrees that a mediator does this procedure with them (Aidants Connect's
mandate, for this visit only): who helps, which procedure, what they will see, who receives
it. Asked BEFORE the mediator takes the controls, or before a request starts while a
mediator is there. "Je refuse" says what happens then, with one way to go on.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.journey_state import AssistedConsentStage
from kiosk.views.screen_records import AssistedConsentView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class AssistedConsentScreen(Screen):
    accepted = Signal()
    refused = Signal()
    refusal_read = Signal()  # "Continuer sans aide" after a refusal

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.body = text_label()
        scroll = TouchScrollArea()
        scroll.content_layout.addWidget(self.body)
        scroll.content_layout.addStretch(1)
        self.refuse_button = BigButton("")
        self.accept_button = BigButton("", role="primary")
        self.continue_button = BigButton("", role="primary")
        self.accept_button.clicked.connect(self.accepted)
        self.refuse_button.clicked.connect(self.refused)
        self.continue_button.clicked.connect(self.refusal_read)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addWidget(self.refuse_button)
        self.layout_.addWidget(self.accept_button)
        self.layout_.addWidget(self.continue_button)

    def present(self, view: AssistedConsentView) -> None:
        self.view = view
        asked = view.stage is AssistedConsentStage.ASKED
        self.title.setText(view.title)
        self.body.setText(view.body)
        self.accept_button.set_text(view.accept_label)
        self.refuse_button.set_text(view.refuse_label)
        self.continue_button.set_text(view.continue_label)
        self.accept_button.setVisible(asked)
        self.refuse_button.setVisible(asked)
        self.continue_button.setVisible(not asked)

    def wipe(self) -> None:
        self.body.clear()
        self.view = None
