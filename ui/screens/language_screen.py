"""Language choice: each language named in itself, so anyone finds their own.

Shown at the start and, over any screen, from the nav bar's language button: choosing one
changes that screen's language and everything after (the journey keeps what was typed).
Nine languages in a grid of three columns fit at the largest text size on a landscape and a
portrait screen; the language of the moment carries a drawn tick, not colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.views.screen_records import LanguageView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign
from ui.widgets.labels import text_label

COLUMNS = 3  # nine languages in three rows: room for 42 px text on 800 px height


class LanguageScreen(Screen):
    language_chosen = Signal(str)

    def __init__(self, languages: tuple[tuple[str, str], ...], parent=None):
        """`languages`: (code, name in itself), known at start so the buttons are built once."""
        super().__init__(parent)
        self.title = text_label(role="title", centered=True)
        self.layout_.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.buttons: dict[str, BigButton] = {}
        for index, (code, name) in enumerate(languages):
            button = BigButton(name, role="tile")
            button.clicked.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.buttons[code] = button
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        for column in range(min(COLUMNS, len(languages))):
            self.grid.setColumnStretch(column, 1)
        self.layout_.addLayout(self.grid)
        # The languages high up: "Touchez l'écran" sat in the middle, a double tap there
        # must not choose a language.
        self.layout_.addStretch(3)

    def present(self, view: LanguageView) -> None:
        self.view = view
        self.title.setText(view.title)
        for option in view.options:
            button = self.buttons[option.value]
            button.set_text(option.label)
            button.set_sign(Sign.TICK if option.chosen else None)
