"""The banner shown over the citizen's screens while a mediator is at the controls:
"Mode accompagné — Claire", with "Rendre la main" and a way back to the dashboard."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.mediator import messages
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class AssistBanner(QWidget):
    hand_back_requested = Signal()
    dashboard_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "header")  # the top bar's colours: AAA in both palettes
        self.setAutoFillBackground(True)
        self.text = text_label()
        self.text.setIndent(16)  # the words clear the screen's edge
        self.hand_back_button = BigButton("", role="nav")
        self.dashboard_button = BigButton("", role="nav")
        self.hand_back_button.clicked.connect(self.hand_back_requested)
        self.dashboard_button.clicked.connect(self.dashboard_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 6)
        layout.addWidget(self.text, stretch=1)
        layout.addWidget(self.dashboard_button)
        layout.addWidget(self.hand_back_button)
        self.hide()

    def show_text(self, text: str | None, lang: str) -> None:
        """None hides the banner: the citizen is on their own."""
        if text is None:
            self.hide()
            return
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.hand_back_button.set_text(messages.text("staff.hand_back", lang))
        self.dashboard_button.set_text(messages.text("staff.dashboard", lang))
        self.show()
