"""A QR code drawn from qrcode's matrix with QPainter: crisp at any size, no image files."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white margin the QR standard asks for


def qr_matrix(data: str) -> list[list[bool]]:
    import qrcode  # with Pillow, 20 ms: paid on the first QR shown, not at kiosk start

    code = qrcode.QRCode(border=QUIET_ZONE, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


class QrView(QWidget):
    """Always dark modules on white, whatever the theme: phones read only that reliably."""

    def __init__(self, data: str = "", side_px: int = 260, parent: QWidget | None = None):
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.data = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_side(side_px)
        self.set_data(data)

    def set_side(self, side_px: int) -> None:
        """A smaller square where the screen has less room (modules stay sharp: drawn)."""
        if side_px == getattr(self, "_side_px", None):
            return  # no re-layout while a scroll area is resizing
        self._side_px = side_px
        self.setFixedSize(QSize(side_px, side_px))
        self.update()

    def set_data(self, data: str) -> None:
        if data == self.data:
            return  # the same code again (back from Help, idle or Comfort)
        self.data = data
        self._matrix = qr_matrix(data) if data else []
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._matrix:
            return
        module = self._side_px / len(self._matrix)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row, cells in enumerate(self._matrix):
            for column, dark in enumerate(cells):
                if dark:
                    painter.drawRect(QRectF(column * module, row * module, module, module))
