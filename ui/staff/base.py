"""What staff screens share: a dense style (role "staff"), a title and a status line, and the
staff member's own language and its direction (not the citizen's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from offline_cache.languages import language
from ui.widgets.labels import text_label


class StaffScreen(QWidget):
    """Not a journey step: it covers the citizen's screen and speaks nothing aloud."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "staff")
        self.title = text_label(role="title")
        self.status = text_label(role="strong")
        self.status.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 16, 24, 16)
        self.layout_.setSpacing(12)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.status)

    def set_direction(self, lang: str) -> None:
        """Right to left for a staff member reading Arabic or Persian, whatever the citizen's
        screen underneath does."""
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language(lang).right_to_left
                                else Qt.LayoutDirection.LeftToRight)

    def say(self, text: str) -> None:
        """A line for the mediator (wrong PIN, items exported...); empty hides it."""
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
