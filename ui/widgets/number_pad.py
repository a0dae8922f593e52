"""A pad of large digits for numbers people copy from a card: a phone number ("+" for abroad),
the social security number (A and B for Corsica's 2A/2B). No letters, no "@".

What is typed is shown grouped as it is written ("06 12 34 56 78"), regrouped at every key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.forms.grouping import compact
from ui.widgets.key_pad import KeyPad

DIGIT_ROWS = ("123", "456", "789")


class NumberPad(KeyPad):
    """Digits, then `extra` keys ("+", or "AB") beside the 0; erase and confirm on the right."""

    def __init__(self, extra: str = "", group: Callable[[str], str] = compact,
                 max_length: int = 20, parent: QWidget | None = None):
        super().__init__(show=group, read=compact, max_length=max_length, parent=parent)
        for row, chars in enumerate(DIGIT_ROWS):
            for column, char in enumerate(chars):
                self.add_key(char, row, column)
        for column, char in enumerate(extra):
            self.add_key(char, 3, column)
        self.add_key("0", 3, len(extra), columns=3 - len(extra))  # a wide 0, as on a phone
        self.grid.addWidget(self.erase_key, 0, 3)
        self.grid.addWidget(self.done_key, 1, 3, 3, 1)
        for column in range(4):
            self.grid.setColumnStretch(column, 1)
