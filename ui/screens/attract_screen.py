"""The attract screen: a welcome that any touch, anywhere, turns into a start.

It also shows the ticket a mediator just called ("Ticket A-012, Guichet 2"), and a 2-second
press in its top-right corner asks for staff mode (the mediator's discreet way in).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent

from kiosk.views.records import AttractView
from ui.screens.base import Screen
from ui.staff.long_press import LongPress
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label


class AttractScreen(Screen):
    started = Signal()
    staff_requested = Signal()  # the long press in the corner

    def __init__(self, site_name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(site_name)
        self.welcome = text_label(role="hero", centered=True)
        self.site = text_label(site_name, role="title", centered=True)
        self.help = text_label(role="muted", centered=True)
        self.call = text_label(role="reference", centered=True)  # "Ticket A-012, Guichet 2"
        self.call.hide()
        self.start_button = BigButton("", role="primary")
        self.start_button.clicked.connect(self.started)
        self.layout_.addWidget(self.call)
        self.layout_.addStretch(2)
        self.layout_.addWidget(self.welcome)
        self.layout_.addWidget(self.site)
        # The start button low on the screen: the next screen's language buttons sit high, so a
        # double tap on "Touchez l'écran" finds no button where the finger lands again.
        self.layout_.addStretch(3)
        self.layout_.addWidget(self.start_button)
        self.layout_.addWidget(self.help)
        self.corner_press = LongPress(self, corner_only=True)
        self.corner_press.held.connect(self.staff_requested)
        self.corner_press.tapped.connect(self.started)
        self.started.connect(self.clear_call)

    def show_call(self, text: str) -> None:
        """The ticket just called, shown until the next citizen starts."""
        self.call.setText(text)
        self.call.setAccessibleName(text)
        self.call.show()

    def clear_call(self) -> None:
        self.call.clear()
        self.call.hide()

    def present(self, view: AttractView) -> None:
        self.view = view
        self.welcome.setText(view.welcome)
        self.start_button.set_text(view.touch)
        self.help.setText(view.help)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere starts: an older person may not aim at the button."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.started.emit()
        super().mousePressEvent(event)
