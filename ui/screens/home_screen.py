"""Home: life themes as large tiles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.views.screen_records import HomeView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea

COLUMNS = 2


class HomeScreen(Screen):
    theme_chosen = Signal(str)
    tracking_requested = Signal()  # "Suivre ma demande"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.hint = text_label(role="muted")
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setSpacing(24)
        self.tiles: dict[str, BigButton] = {}
        scroll = TouchScrollArea()
        scroll.content_layout.addLayout(self.grid)
        scroll.content_layout.addStretch(1)
        self.layout_.addWidget(scroll, stretch=1)
        self.track_button = BigButton("")
        self.track_button.clicked.connect(self.tracking_requested)
        self.layout_.addWidget(self.track_button)

    def present(self, view: HomeView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.hint.setText(view.hint)
        for index, tile in enumerate(view.tiles):
            if tile.value not in self.tiles:  # the catalogue's themes: built once
                button = BigButton("", role="tile")
                button.clicked.connect(
                    lambda _checked=False, tid=tile.value: self.theme_chosen.emit(tid))
                self.tiles[tile.value] = button
                self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.tiles[tile.value].set_text(tile.label)
        self.track_button.set_text(view.track_label)
