"""Every QR code the kiosk draws is decoded back, as a citizen's phone would."""

from io import BytesIO

import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from ui.widgets.qr_view import QrView


def decode(widget) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.ReadWrite)
    widget.grab().save(buffer, "PNG")
    image = Image.open(BytesIO(bytes(buffer.data())))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_official_page_qr_code_decodes_to_its_address(qtbot):
    url = "https://www.service-public.gouv.fr/particuliers/vosdroits/F1427"
    view = QrView(url)
    qtbot.addWidget(view)
    assert decode(view) == [url]


def test_the_service_screen_shows_a_qr_code_that_decodes_to_the_service_page(qtbot, window):
    window.journey.start()
    window.journey.choose_language("fr")
    for service in window.journey.catalog.services:
        window.journey.choose_service(service.id)
        assert decode(window.service.qr) == [service.official_url], service.id
