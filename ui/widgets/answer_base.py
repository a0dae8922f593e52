"""What every answer input shares, so the question screen never cares which kind it shows:

- `submitted(raw)` when the citizen confirms (the raw value the form engine expects);
- `raw()` the current value, kept as a draft when the citizen leaves the screen;
- `set_draft(value)` puts back what they typed before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

MAX_TYPED = 500  # the engine refuses longer text politely; the field just stops there


class AnswerInput(QWidget):
    submitted = Signal(object)
    edited = Signal()  # typed text changed: the screen keeps it as a draft

    def raw(self) -> object:
        return None

    def set_draft(self, value: object) -> None:
        """Show a previous answer or draft; unknown shapes are ignored, never fatal."""


def answer_field(accessible_name: str, description: str) -> QLineEdit:
    field = QLineEdit()
    field.setProperty("role", "field")
    field.setMaxLength(MAX_TYPED)
    field.setAccessibleName(accessible_name)
    field.setAccessibleDescription(description)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no copy to a clipboard
    return field
