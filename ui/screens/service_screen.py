"""One procedure in plain words: what it is, who handles it, what to bring, and always
something to do next (the guided request, a ticket for a mediator, the printed checklist,
another procedure), with the official page to take away on the phone by QR code.

A phone reads only a whole code, so it never depends on where the text ends: on a landscape
screen the QR code stands beside the text, at the top, so it shows whole when the page opens;
on a portrait one, under the scrolling text, outside it, with its caption beside it (at the
end of the text it showed half at the bottom in the languages whose words are longer).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.views.records import ServiceAction
from kiosk.views.screen_records import ServiceView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.fitting import qr_side
from ui.widgets.labels import text_label
from ui.widgets.qr_view import QrView
from ui.widgets.scroll_area import TouchScrollArea

QR_GAP_PX = 32  # between the QR code and the text around it
ANY_WIDTH = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export
QR_SIDE_PX = 260


class ServiceScreen(Screen):
    action_chosen = Signal(str)  # a kiosk.views.records.ServiceAction value

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.in_french = text_label(role="muted")  # the page's text is not yet translated
        self.in_french.hide()
        self.summary = text_label()
        self.who_heading = text_label(role="title")
        self.who = text_label()
        self.documents_heading = text_label(role="title")
        self.documents = text_label()
        self.qr = QrView(side_px=QR_SIDE_PX)
        self.qr_caption = text_label(role="muted")
        self.qr.setAccessibleName("QR code")
        self.what_now = text_label(role="strong")
        self.print_status = text_label(role="muted")
        self.print_status.hide()
        self.scroll = TouchScrollArea()
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(self.scroll.content_layout.spacing())
        for widget in (self.in_french, self.summary, self.who_heading, self.who,
                       self.documents_heading, self.documents):
            text.addWidget(widget)
        text.addStretch(1)
        self.qr_block = QWidget()
        self.qr_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.qr_block)
        self.qr_layout.setContentsMargins(0, 0, 0, 0)
        self.qr_layout.setSpacing(QR_GAP_PX)
        self.qr_layout.addWidget(self.qr)
        self.qr_layout.addWidget(self.qr_caption, stretch=1)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body = QHBoxLayout()  # the text, and the QR block beside it on landscape
        self.body.setSpacing(QR_GAP_PX)
        self.body.addLayout(text, stretch=1)
        self.scroll.content_layout.addLayout(self.body)
        self.scroll.content_layout.addStretch(1)
        self.scroll.viewport().installEventFilter(self)
        self.actions = QGridLayout()
        self.actions.setSpacing(12)
        self.action_buttons: dict[str, BigButton] = {}
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.scroll, stretch=1)
        self._qr_beside: bool | None = None  # where the QR block is now; None: not yet placed
        self._place_qr_block(beside=True)
        self.layout_.addWidget(self.what_now)
        self.layout_.addWidget(self.print_status)
        self.layout_.addLayout(self.actions)

    @property
    def request_button(self) -> BigButton | None:
        return self.action_buttons.get(ServiceAction.START_REQUEST)

    def present(self, view: ServiceView) -> None:
        changed = self.view is None or self.view.service_id != view.service_id
        self.view = view
        self.title.setText(view.title)
        self.in_french.setText(view.in_french)
        self.in_french.setVisible(bool(view.in_french))
        self.summary.setText(view.summary)
        self.who_heading.setText(view.who_heading)
        self.who.setText(view.who)
        self.documents_heading.setText(view.documents_heading)
        self.documents.setText("\n".join(f"•  {item}" for item in view.documents))
        self.qr.set_data(view.official_url)
        self.qr.setAccessibleDescription(view.official_url)
        self.qr_caption.setText(view.qr_caption)
        has_code = bool(view.official_url)
        # Only a change: showing the shown column again re-laid the page half-way (its text
        # squeezed at 42 px on portrait, seen by the layout test).
        if self.qr_block.isVisibleTo(self) != has_code:
            self.qr_block.setVisible(has_code)
        self.what_now.setText(view.what_now)
        if changed:
            self.print_status.hide()
        self.clear_layout(self.actions)
        self.action_buttons = {}
        for index, option in enumerate(view.actions):
            button = BigButton(option.label, role="primary" if index == 0 else "")
            button.clicked.connect(
                lambda _checked=False, action=option.value: self.action_chosen.emit(action))
            self.action_buttons[option.value] = button
            self.actions.addWidget(button, index // 2, index % 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_qr_block(beside=event.size().width() > event.size().height())

    def _place_qr_block(self, beside: bool) -> None:
        """In the scrolling page beside the text (landscape), or under the page, outside it
        (portrait). Only on a change: moving it re-lays the screen."""
        if beside == self._qr_beside:
            return
        self._qr_beside = beside
        self.body.removeWidget(self.qr_block)
        self.layout_.removeWidget(self.qr_block)
        if beside:
            self.body.addWidget(self.qr_block)
        else:
            self.layout_.insertWidget(self.layout_.indexOf(self.scroll) + 1, self.qr_block)
        self.qr_layout.setDirection(QBoxLayout.Direction.TopToBottom if beside
                                    else QBoxLayout.Direction.LeftToRight)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._place_qr(event.size().height())
        return False

    def _place_qr(self, room_px: int) -> None:
        """Beside the text on landscape, as tall as the visible part allows; else under the
        page. Only what changes is set: this runs while the scroll area resizes."""
        beside = bool(self._qr_beside)
        self.qr.set_side(qr_side(room_px, QR_SIDE_PX) if beside else QR_SIDE_PX)
        column = max(QR_SIDE_PX, self.width() // 4)  # the caption's width beside the text
        narrowest, widest = (column, column) if beside else (0, ANY_WIDTH)
        if (self.qr_block.minimumWidth(), self.qr_block.maximumWidth()) != (narrowest, widest):
            self.qr_block.setMinimumWidth(narrowest)
            self.qr_block.setMaximumWidth(widest)

    def show_print_status(self, text: str, busy: bool) -> None:
        """"Impression en cours…" (one list per tap), then what came of it."""
        self.print_status.setText(text)
        self.print_status.show()
        button = self.action_buttons.get(ServiceAction.PRINT_CHECKLIST)
        if button is not None:
            button.setEnabled(not busy)
