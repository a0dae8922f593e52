"""The receipt: a reference easy to read aloud, a QR code to follow the request (no personal
data in it), what happens next, and an honest line when the kiosk is offline.

The QR code stands beside the scrolling details, outside them, as large as their height
allows: a longer translation of the details scrolls, it never squeezes nor cuts the code.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk.views.form_records import ReceiptView
from ui.screens.base import Screen
from ui.widgets.buttons import BigButton
from ui.widgets.fitting import qr_side
from ui.widgets.labels import text_label
from ui.widgets.qr_view import QrView
from ui.widgets.scroll_area import TouchScrollArea

QR_SIDE_PX = 240


class ReceiptScreen(Screen):
    finished = Signal()
    spell_requested = Signal()  # "Réécouter le numéro"
    print_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = text_label(role="title")
        self.reference = text_label(role="hero")
        self.reference.setProperty("role", "reference")
        self.details = text_label()
        self.qr = QrView(side_px=QR_SIDE_PX)
        self.qr.setAccessibleName("QR code")
        self.scroll = TouchScrollArea()
        self.scroll.content_layout.addWidget(self.details)
        self.scroll.content_layout.addStretch(1)
        self.scroll.installEventFilter(self)
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(self.qr, alignment=Qt.AlignmentFlag.AlignTop)  # under the reference
        row.addWidget(self.scroll, stretch=1)
        self.print_status = text_label(role="muted")
        self.print_button = BigButton("")
        self.print_button.clicked.connect(self._request_print)
        self.listen_button = BigButton("")
        self.finish_button = BigButton("", role="primary")
        self.listen_button.clicked.connect(self.spell_requested)
        self.finish_button.clicked.connect(self.finished)
        self.scroll.content_layout.insertWidget(1, self.print_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.listen_button)
        buttons.addWidget(self.finish_button)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.reference)
        self.layout_.addLayout(row, stretch=1)
        self.layout_.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll and event.type() == QEvent.Type.Resize:
            self.qr.set_side(qr_side(event.size().height(), QR_SIDE_PX))
        return False

    def present(self, view: ReceiptView) -> None:
        fresh = self.view is None or self.view.reference != view.reference
        self.view = view
        self.print_button.set_text(view.print_label)
        self.print_button.setVisible(view.can_print)
        if fresh:
            self.print_button.setEnabled(True)
            self.print_status.clear()
        self.title.setText(view.title)
        self.reference.setText(view.reference)
        self.reference.setAccessibleName(view.reference_name)
        self.details.setText(view.details)
        self.qr.set_data(view.qr_payload)
        self.listen_button.set_text(view.listen_label)
        self.finish_button.set_text(view.finish_label)

    def _request_print(self) -> None:
        self.print_button.setEnabled(False)  # one ticket per tap, however impatient
        self.print_status.setText(self.view.printing_label)
        self.print_requested.emit()

    def show_print_result(self, message: str) -> None:
        self.print_status.setText(message)
        self.print_button.setEnabled(True)

    def wipe(self) -> None:
        for label in (self.reference, self.details, self.print_status):
            label.clear()
        self.qr.set_data("")
        self.view = None
