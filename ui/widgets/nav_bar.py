"""The top bar on every screen but the attract one: back, home, repeat, and a person's help."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.i18n import tr
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class NavBar(QWidget):
    back_requested = Signal()
    home_requested = Signal()
    repeat_requested = Signal()
    help_requested = Signal()
    comfort_requested = Signal()

    def __init__(self, site_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "header")
        self.setAutoFillBackground(True)
        self.back_button = BigButton("", role="nav")
        self.home_button = BigButton("", role="nav")
        self.repeat_button = BigButton("", role="nav")
        self.help_button = BigButton("", role="nav")
        self.comfort_button = BigButton("", role="nav")
        self.site_label = text_label(site_name, centered=True)
        self.voice_status = text_label(centered=True)
        self.voice_status.setProperty("role", "status")
        self.voice_status.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.back_button)
        layout.addWidget(self.home_button)
        layout.addWidget(self.site_label, stretch=2)
        layout.addWidget(self.voice_status)
        layout.addWidget(self.comfort_button)
        layout.addWidget(self.repeat_button)
        layout.addWidget(self.help_button)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.help_button.clicked.connect(self.help_requested)
        self.comfort_button.clicked.connect(self.comfort_requested)
        self.set_language("fr")

    def set_language(self, lang: str) -> None:
        self.back_button.set_text(tr("nav.back", lang))
        self.home_button.set_text(tr("nav.home", lang))
        self.repeat_button.set_text(tr("nav.repeat", lang))
        self.help_button.set_text(tr("nav.help", lang))
        self.comfort_button.set_text(tr("nav.comfort", lang))
        self.voice_status.setText(tr("voice.unavailable", lang))
        self.voice_status.setAccessibleName(self.voice_status.text())

    def set_repeat_available(self, available: bool) -> None:
        """No voice, no "Répéter": a button that does nothing teaches that buttons fail."""
        self.repeat_button.setVisible(available)

    def show_voice_unavailable(self, unavailable: bool) -> None:
        """A discreet line, not an alarm: everything else keeps working without the voice."""
        self.voice_status.setVisible(unavailable)
