"""The receipt: a reference easy to read aloud, a QR code to follow the request (no personal
data in it), what happens next, and an honest line when the kiosk is offline.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk.forms.messages import message
from kiosk.i18n import tr
from kiosk.journey import JourneyState
from kiosk.receipt import qr_payload, receipt_lines, spell_reference, spoken_receipt
from ui.screens.base import Screen, ScreenContext
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label
from ui.widgets.qr_view import QrView
from ui.widgets.scroll_area import TouchScrollArea


class ReceiptScreen(Screen):
    finished = Signal()
    spell_requested = Signal(str)  # the reference, spelled out for the voice
    print_requested = Signal(list, str)  # receipt lines, QR payload

    def __init__(self, context: ScreenContext, parent=None):
        super().__init__(context, parent)
        self.title = text_label(role="title")
        self.reference = text_label(role="hero")
        self.reference.setProperty("role", "reference")
        self.details = text_label()
        self.qr = QrView(side_px=240)
        self.qr.setAccessibleName("QR code")
        scroll = TouchScrollArea()
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(self.qr)
        row.addWidget(self.details, stretch=1)
        scroll.content_layout.addLayout(row)
        scroll.content_layout.addStretch(1)
        self.print_status = text_label(role="muted")
        self.print_button = BigButton("")
        self.print_button.clicked.connect(self._request_print)
        self.listen_button = BigButton("")
        self.finish_button = BigButton("", role="primary")
        self.listen_button.clicked.connect(self._spell_reference)
        self.finish_button.clicked.connect(self.finished)
        scroll.content_layout.insertWidget(1, self.print_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.listen_button)
        buttons.addWidget(self.finish_button)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.reference)
        self.layout_.addWidget(scroll, stretch=1)
        self.layout_.addLayout(buttons)
        self._reference = ""
        self._spoken = ""
        self._lines: list[str] = []
        self._payload = ""

    def present(self, state: JourneyState) -> None:
        lang = state.language
        journey = self.context.journey
        submission = journey.submission
        service = self.context.catalog.service(submission.service_id)
        online = self.context.link_up()
        lines = receipt_lines(reference=submission.reference, created_at=submission.created_at,
                              service=service, lang=lang, online=online)
        self._reference = submission.reference
        self._lines = lines
        self._payload = qr_payload(self.context.hub_url, submission.client_id)
        self.print_button.set_text(tr("receipt.print", lang))
        self.print_button.setVisible(self.context.can_print())
        self.print_button.setEnabled(True)
        self.print_status.clear()
        self.title.setText(lines[0])
        self.reference.setText(submission.reference)
        self.reference.setAccessibleName(lines[1])
        self.details.setText("\n".join(lines[2:]))
        self.qr.set_data(self._payload)
        self.listen_button.set_text(tr("receipt.listen_again", lang))
        self.finish_button.set_text(tr("receipt.finish", lang))
        self._spoken = spoken_receipt(submission.reference, lang, online=online)

    def _spell_reference(self) -> None:
        """The same spelling as on arrival (receipt.spell_reference): "K, sept, M, tiret…"."""
        lang = self.context.journey.state.language
        self.spell_requested.emit(message("receipt.reference_spoken", lang,
                                          spelled=spell_reference(self._reference, lang)))

    def _request_print(self) -> None:
        self.print_button.setEnabled(False)  # one ticket per tap, however impatient
        self.print_status.setText(tr("receipt.printing", self.context.journey.state.language))
        self.print_requested.emit(self._lines, self._payload)

    def show_print_result(self, message: str) -> None:
        self.print_status.setText(message)
        self.print_button.setEnabled(True)

    def wipe(self) -> None:
        for label in (self.reference, self.details, self.print_status):
            label.clear()
        self.qr.set_data("")
        self._reference = self._spoken = self._payload = ""
        self._lines = []

    def spoken_text(self) -> str:
        return self._spoken
