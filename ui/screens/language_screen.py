"""Language choice: each language named in itself, so anyone finds their own."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.screen_records import LanguageView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class LanguageScreen(Screen):
    language_chosen = Signal(str)

    def __init__(self, languages: tuple[tuple[str, str], ...], parent=None):
        """`languages`: (code, name in itself), known at start so the buttons are built once."""
        super().__init__(parent)
        self.title = text_label(role="title", centered=True)
        self.layout_.addWidget(self.title)
        self.buttons: dict[str, BigButton] = {}
        for code, name in languages:
            button = BigButton(name, role="primary")
            button.clicked.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.buttons[code] = button
            self.layout_.addWidget(button)
        # The languages high up: "Touchez l'écran" sat in the middle, a double tap there
        # must not choose a language.
        self.layout_.addStretch(3)

    def present(self, view: LanguageView) -> None:
        self.view = view
        self.title.setText(view.title)
        for option in view.options:
            self.buttons[option.value].set_text(option.label)
