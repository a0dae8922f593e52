"""Comfort: text size, contrast, voice on/off and speech rate, each applied at once.

Shown after the language and from the top bar's "Confort" at any time.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n import tr
from kiosk.journey import JourneyState, SpeechRate, TextSize
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label

# (setting, label key, [(value, option label key)])
ROWS = (
    ("text_size", "comfort.text_size", [(TextSize.NORMAL, "comfort.size.normal"),
                                        (TextSize.LARGE, "comfort.size.large"),
                                        (TextSize.LARGER, "comfort.size.larger")]),
    ("high_contrast", "comfort.colors", [(False, "comfort.standard"),
                                         (True, "comfort.high_contrast")]),
    ("voice_on", "comfort.voice", [(True, "comfort.voice_on"), (False, "comfort.voice_off")]),
    ("speech_rate", "comfort.rate", [(SpeechRate.SLOW, "comfort.rate.slow"),
                                     (SpeechRate.NORMAL, "comfort.rate.normal"),
                                     (SpeechRate.FAST, "comfort.rate.fast")]),
)


class ComfortScreen(Screen):
    changed = Signal(str, object)  # setting name, new value
    done = Signal()

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.layout_.setContentsMargins(48, 12, 48, 12)
        self.layout_.setSpacing(12)
        self.title = text_label(role="title")
        self.hint = ""
        options = QWidget()
        options.setProperty("role", "compact")  # 72 px rows: four settings fit at any size
        grid = QGridLayout(options)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.row_labels: dict[str, object] = {}
        self.options: dict[tuple[str, object], BigButton] = {}
        for row, (setting, _label_key, choices) in enumerate(ROWS):
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

    def present(self, state: JourneyState) -> None:
        lang = state.language
        self.title.setText(tr("comfort.title", lang))
        self.hint = tr("comfort.hint", lang)
        self.continue_button.set_text(tr("comfort.continue", lang))
        for setting, label_key, choices in ROWS:
            self.row_labels[setting].setText(tr(label_key, lang))
            current = getattr(state.comfort, setting)
            for value, option_key in choices:
                button = self.options[(setting, value)]
                chosen = value == current
                button.setChecked(chosen)
                # The choice is shown by a tick in the text, not by colour alone.
                button.set_text(("✓ " if chosen else "") + tr(option_key, lang))

    def spoken_text(self) -> str:
        rows = []
        for setting, _label_key, _choices in ROWS:
            chosen = next(b.text().lstrip("✓ ") for (s, _v), b in self.options.items()
                          if s == setting and b.isChecked())
            rows.append(f"{self.row_labels[setting].text()} : {chosen}.")
        return f"{self.title.text()}. {self.hint} {' '.join(rows)} {self.continue_button.text()} ?"
