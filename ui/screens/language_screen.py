"""Language choice: each language named in itself, so anyone finds their own."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.i18n import LANGUAGE_NAMES, tr
from kiosk.journey import JourneyState
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class LanguageScreen(Screen):
    language_chosen = Signal(str)

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title", centered=True)
        self.layout_.addWidget(self.title)
        self.layout_.addStretch(1)
        self.buttons: dict[str, BigButton] = {}
        for lang in context.languages:
            button = BigButton(LANGUAGE_NAMES[lang], role="primary")
            button.clicked.connect(
                lambda _checked=False, code=lang: self.language_chosen.emit(code)
            )
            self.buttons[lang] = button
            self.layout_.addWidget(button)
        self.layout_.addStretch(2)

    def present(self, state: JourneyState) -> None:
        # The title shows every offered language: the citizen has not chosen yet.
        self.title.setText("\n".join(tr("language.title", lang) for lang in self.context.languages))

    def spoken_text(self) -> str:
        return tr("language.title", "fr") + ". " + ", ".join(
            button.text() for button in self.buttons.values()
        ) + "."
