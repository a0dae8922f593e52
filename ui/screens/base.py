"""What every screen shares: it is presented a frozen view record and emits intents.

A screen never reads the journey, the form engine or the catalogue: everything it shows
comes in its view (kiosk.views), and what it says is the view's `speech`, spoken by the
composition object (ui.composition), not scraped back out of the widgets.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class Screen(QWidget):
    """One journey step. Subclasses fill `present` and emit intent signals; no business logic."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = None  # the record last presented
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(48, 32, 48, 32)
        self.layout_.setSpacing(24)

    def present(self, view) -> None:
        raise NotImplementedError

    def wipe(self) -> None:
        """Forget anything personal this screen shows (the session ended). Most hold none."""

    def clear_layout(self, layout) -> None:
        """Remove and delete every widget of a layout (screens rebuilt per service or theme)."""
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
            elif item.layout() is not None:
                self.clear_layout(item.layout())
