""""Your data": what is sent, why, who receives it, how long it is kept, the citizen's rights,
then an explicit yes. Nothing is queued before that yes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.catalog import localized
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea

SECTIONS = ("consent.what", "consent.why", "consent.who", "consent.how_long", "consent.rights")


class ConsentScreen(Screen):
    accepted = Signal()
    refused = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title")
        self.error = text_label(role="error")
        self.sections = {key: text_label() for key in SECTIONS}
        scroll = TouchScrollArea()
        for label in self.sections.values():
            scroll.content_layout.addWidget(label)
        scroll.content_layout.addStretch(1)
        self.accept_button = BigButton("", role="primary")
        self.refuse_button = BigButton("")
        self.accept_button.clicked.connect(self.accepted)
        self.refuse_button.clicked.connect(self.refused)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addWidget(self.accept_button)
        self.layout_.addWidget(self.refuse_button)

    def present(self, state: JourneyState) -> None:
        lang = state.language
        service = self.context.journey.form.service
        fields = {"service": localized(service.title, lang),
                  "authority": localized(service.authority, lang)}
        self.title.setText(tr("consent.title", lang))
        for key, label in self.sections.items():
            label.setText(tr(key, lang, **fields))
        self.error.setText(f"⚠  {tr('consent.failed', lang)}")
        self.error.setVisible(self.context.journey.submit_failed)
        self.accept_button.set_text(tr("consent.accept", lang))
        self.refuse_button.set_text(tr("consent.refuse", lang))

    def spoken_text(self) -> str:
        parts = [self.error.text().lstrip("⚠ ")] if self.error.isVisible() else []
        parts += [self.title.text() + "."] + [label.text() for label in self.sections.values()]
        return " ".join([*parts, self.accept_button.text() + " ?"])
