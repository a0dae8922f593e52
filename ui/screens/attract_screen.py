"""The attract screen: a welcome that any touch, anywhere, turns into a start.

It also shows the ticket a mediator just called ("Ticket A-012, Guichet 2"), the site's
message of the day, and outside the desk's hours when it opens; a site that takes no
requests then has no start at all. A 2-second press in its top-right corner asks for staff
mode (the mediator's discreet way in), open or closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout

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
        # 16 px above and below, not 32: the hours, a message of the day and the start fit
        # 800 px at the largest text in the scripts whose lines are taller (Cyrillic, Arabic).
        self.layout_.setContentsMargins(48, 16, 48, 16)
        self.setAccessibleName(site_name)
        self.welcome = text_label(role="hero", centered=True)
        self.site = text_label(site_name, role="title", centered=True)
        self.help = text_label(role="muted", centered=True)
        # Lines most sites rarely show, built the first time they have words: a label costs
        # the first paint its polish even while hidden (about 20 M instructions each).
        self.call: QLabel | None = None  # "Ticket A-012, Guichet 2"
        self.notice: QLabel | None = None  # the message of the day
        self.closed: QLabel | None = None  # when the desk opens
        self.closed_next: QLabel | None = None  # what the kiosk offers meanwhile
        self._top, self._notes = QVBoxLayout(), QVBoxLayout()
        self.start_button = BigButton("", role="primary")
        self.start_button.clicked.connect(self.started)
        self.layout_.addLayout(self._top)
        self.layout_.addStretch(2)
        self.layout_.addWidget(self.welcome)
        self.layout_.addWidget(self.site)
        self.layout_.addLayout(self._notes)
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
        call = self._line("call", text)
        call.setAccessibleName(text)
        self.welcome.hide()

    def clear_call(self) -> None:
        self._line("call", "")
        self.welcome.show()

    def present(self, view: AttractView) -> None:
        self.view = view
        self.welcome.setText(view.welcome)
        self.start_button.set_text(view.touch)
        self.start_button.setVisible(view.can_start)
        self.help.setText(view.help)
        self.help.setVisible(bool(view.help))
        for name in _NOTES:
            self._line(name, getattr(view, name))

    def _line(self, name: str, text: str) -> QLabel | None:
        """The optional line `name` showing `text`, hidden when there is none; built (in its
        place among the others) the first time it has words."""
        label = getattr(self, name)
        if label is None and text:
            label = text_label(role=_ROLES[name], centered=True)
            order = ("call",) if name == "call" else _NOTES
            earlier = sum(getattr(self, other) is not None for other in order[:order.index(name)])
            (self._top if name == "call" else self._notes).insertWidget(earlier, label)
            setattr(self, name, label)
        if label is not None:
            label.setText(text)
            label.setVisible(bool(text))
        return label

    def _touched(self) -> None:
        if self.view is None or self.view.can_start:
            self.started.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch anywhere starts: an older person may not aim at the button."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._touched()
        super().mousePressEvent(event)


_NOTES = ("notice", "closed", "closed_next")  # under the site's name, in this order
_ROLES = {"call": "reference", "notice": "strong", "closed": "strong", "closed_next": ""}
