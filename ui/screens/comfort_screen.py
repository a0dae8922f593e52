"""Comfort: text size, contrast, voice on/off and speech rate, each applied at once.

Shown after the language and from the top bar's "Confort" at any time. The settings scroll
(with a visible bar) when a language's words or its script's taller lines need more than
the screen has at the largest text: "Continuer" always shows, and no choice is ever cut.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout

from kiosk.views.screen_records import ComfortView
from kiosk.views.screen_views import COMFORT_ROWS
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign
from ui.widgets.labels import text_label
from ui.widgets.scroll_area import TouchScrollArea


class ComfortScreen(Screen):
    changed = Signal(str, object)  # setting name, new value
    done = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_.setContentsMargins(32, 12, 32, 12)  # as a question: room for the words
        self.layout_.setSpacing(12)
        self.title = text_label(role="title")
        self.scroll = TouchScrollArea()
        options = self.scroll.content
        options.setProperty("role", "compact")  # 72 px rows: four settings fit at any size
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)  # two rows of choices never touch
        self.row_labels: dict[str, object] = {}
        self.options: dict[tuple[str, object], BigButton] = {}
        columns = max(len(choices) for _setting, _label_key, choices in COMFORT_ROWS)
        row = 0
        for setting, _label_key, choices in COMFORT_ROWS:
            label = text_label(role="strong")
            self.row_labels[setting] = label
            # A setting with fewer choices than the widest one has its name in the free
            # column before them, the others above theirs: four settings and "Continuer"
            # fit an 800 px screen at the largest text, and no name is squeezed.
            first = columns - len(choices)
            if first:
                grid.addWidget(label, row, 0, 1, first)
            else:
                grid.addWidget(label, row, 0, 1, columns)
                row += 1
            for column, (value, _option_key) in enumerate(choices, start=first):
                button = BigButton("")
                button.setCheckable(True)
                button.clicked.connect(
                    lambda _checked=False, s=setting, v=value: self.changed.emit(s, v))
                self.options[(setting, value)] = button
                grid.addWidget(button, row, column)
            row += 1
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.continue_button = BigButton("", role="primary")
        self.continue_button.clicked.connect(self.done)
        self.layout_.addWidget(self.title)  # the hint is spoken only: room for large text
        self.scroll.content_layout.addLayout(grid)
        self.scroll.content_layout.addStretch(1)
        self.layout_.addWidget(self.scroll, stretch=1)
        self.layout_.addWidget(self.continue_button)

    def present(self, view: ComfortView) -> None:
        self.view = view
        self.title.setText(view.title)
        self.continue_button.set_text(view.continue_label)
        for row in view.rows:
            self.row_labels[row.setting].setText(row.label)
            for option in row.options:
                button = self.options[(row.setting, option.value)]
                button.setChecked(option.chosen)
                # The choice is shown by a drawn tick (the shipped font has no "✓"), not
                # by colour alone.
                button.set_sign(Sign.TICK if option.chosen else None)
                button.set_text(option.label)
