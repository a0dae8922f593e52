"""Home: life themes as large tiles, read from the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.catalog import localized
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from kiosk.tracking.messages import message
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea

COLUMNS = 2


class HomeScreen(Screen):
    theme_chosen = Signal(str)
    tracking_requested = Signal()  # "Suivre ma demande"

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title")
        self.hint = text_label(role="muted")
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        grid = QGridLayout()
        grid.setSpacing(24)
        self.tiles: dict[str, BigButton] = {}
        for index, theme in enumerate(context.catalog.themes):
            tile = BigButton("", role="tile")
            tile.clicked.connect(lambda _checked=False, tid=theme.id: self.theme_chosen.emit(tid))
            self.tiles[theme.id] = tile
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        scroll = TouchScrollArea()
        scroll.content_layout.addLayout(grid)
        scroll.content_layout.addStretch(1)
        self.layout_.addWidget(scroll, stretch=1)
        self.track_button = BigButton("")
        self.track_button.clicked.connect(self.tracking_requested)
        self.layout_.addWidget(self.track_button)

    def present(self, state: JourneyState) -> None:
        lang = state.language
        self.title.setText(tr("home.title", lang))
        self.hint.setText(tr("home.hint", lang))
        for theme in self.context.catalog.themes:
            self.tiles[theme.id].set_text(localized(theme.title, lang))
        self.track_button.set_text(message("track.open", lang))

    def spoken_text(self) -> str:
        tiles = ", ".join(tile.text() for tile in self.tiles.values())
        return f"{self.title.text()} {self.hint.text()} {tiles}. {self.track_button.text()}."
