"""Asked before anything is thrown away: "Accueil" in the middle of a request, "Terminer"
on a receipt that was not printed. "No" comes first and is the big one: keeping is the
safe answer for a hesitant finger.
"""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.views.screen_records import ConfirmView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class ConfirmScreen(Screen):
    yes = Signal()
    no = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="hero", centered=True)
        self.body = text_label(centered=True)
        self.no_button = BigButton("", role="primary")
        self.yes_button = BigButton("")
        self.no_button.clicked.connect(self.no)
        self.yes_button.clicked.connect(self.yes)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.no_button)
        self.layout_.addWidget(self.yes_button)

    def present(self, view: ConfirmView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.body.setText(view.body)
        self.no_button.set_text(view.no_label)
        self.yes_button.set_text(view.yes_label)
