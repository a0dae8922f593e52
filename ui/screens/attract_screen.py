"""The attract screen: a welcome that any touch, anywhere, turns into a start.

It also shows the ticket a mediator just called ("Ticket A-012, Guichet 2"), the site's
message of the day, and outside the desk's hours when it opens; a site that takes no
requests then has no start at all. A 2-second press in its top-right corner asks for staff
mode (the mediator's discreet way in), open or closed.
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
        self.notice = text_label(role="strong", centered=True)  # the message of the day
        self.closed = text_label(role="strong", centered=True)  # when the desk opens
        self.closed_next = text_label(centered=True)  # what the kiosk offers meanwhile
        self.help = text_label(role="muted", centered=True)
        self.call = text_label(role="reference", centered=True)  # "Ticket A-012, Guichet 2"
        self.call.hide()
        self.start_button = BigButton("", role="primary")
        self.start_button.clicked.connect(self.started)
        self.layout_.addWidget(self.call)
        self.layout_.addStretch(2)
        self.layout_.addWidget(self.welcome)
        self.layout_.addWidget(self.site)
        for label in (self.notice, self.closed, self.closed_next):
            self.layout_.addWidget(label)
        # The start button low on the screen: the next screen's language buttons sit high, so a
        # double tap on "Touchez l'écran" finds no button where the finger lands again.
        self.layout_.addStretch(3)
        self.layout_.addWidget(self.start_button)
        self.layout_.addWidget(self.help)
        self.corner_press = LongPress(self, corner_only=True)
        self.corner_press.held.connect(self.staff_requested)
        self.corner_press.tapped.connect(self._touched)
        self.started.connect(self.clear_call)

    def show_call(self, text: str) -> None:
        """The ticket just called, shown until the next citizen starts; it takes the
        welcome's place (with the hours and a message of the day, both would not fit an
        800 px screen at the largest text)."""
        self.call.setText(text)
        self.call.setAccessibleName(text)
        self.call.show()
        self.welcome.hide()

    def clear_call(self) -> None:
        self.call.clear()
        self.call.hide()
        self.welcome.show()

    def present(self, view: AttractView) -> None:
        self.view = view
        self.welcome.setText(view.welcome)
        self.start_button.set_text(view.touch)
        self.start_button.setVisible(view.can_start)
        for label, text in ((self.help, view.help), (self.notice, view.notice),
                            (self.closed, view.closed), (self.closed_next, view.closed_next)):
            label.setText(text)
            label.setVisible(bool(text))

    def _touched(self) -> None:
        if self.view is None or self.view.can_start:
            self.started.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere starts: an older person may not aim at the button."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._touched()
        super().mousePressEvent(event)
