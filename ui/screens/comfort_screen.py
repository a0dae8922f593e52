"""Comfort: text size, contrast, voice on/off and speech rate, each applied at once.

Shown after the language and from the top bar's "Confort" at any time.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.views.build import COMFORT_ROWS
from kiosk.views.records import ComfortView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class ComfortScreen(Screen):
    changed = Signal(str, object)  # setting name, new value
    done = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_.setContentsMargins(48, 12, 48, 12)
        self.layout_.setSpacing(12)
        self.title = text_label(role="title")
        options = QWidget()
        options.setProperty("role", "compact")  # 72 px rows: four settings fit at any size
        grid = QGridLayout(options)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.row_labels: dict[str, object] = {}
        self.options: dict[tuple[str, object], BigButton] = {}
        for row, (setting, _label_key, choices) in enumerate(COMFORT_ROWS):
            label = text_label(role="strong")
            self.row_labels[setting] = label
            grid.addWidget(label, row * 2, 0, 1, 3)  # the name above its choices: no wrapping
            for column, (value, _option_key) in enumerate(choices):
                button = BigButton("")
                button.setCheckable(True)
                button.clicked.connect(
                    lambda _checked=False, s=setting, v=value: self.changed.emit(s, v))
                self.options[(setting, value)] = button
                grid.addWidget(button, row * 2 + 1, column)
        for column in (0, 1, 2):
            grid.setColumnStretch(column, 1)
        self.continue_button = BigButton("", role="primary")
        self.continue_button.clicked.connect(self.done)
        self.layout_.addWidget(self.title)  # the hint is spoken only: room for large text
        self.layout_.addWidget(options)
        self.layout_.addStretch(1)
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
                # The choice is shown by a tick in the text, not by colour alone.
                button.set_text(("✓ " if option.chosen else "") + option.label)
