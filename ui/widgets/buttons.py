"""Large touch buttons: one class so every screen gets the same size, role and a11y names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class BigButton(QPushButton):
    """A touch target of at least 72 px whose accessible name is its visible text.

    `role` picks the look in the theme's stylesheet: primary, tile, nav or plain.
    """

    def __init__(self, text: str, role: str = "", description: str = "",
                 parent: QWidget | None = None):
        super().__init__(text, parent)
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.set_text(text, description)

    def set_text(self, text: str, description: str = "") -> None:
        self.setText(text)
        self.setAccessibleName(text.replace("\n", " "))
        self.setAccessibleDescription(description or text.replace("\n", " "))
