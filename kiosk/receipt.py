"""The receipt: a short reference easy to read aloud, its spoken form, the QR code, its lines.

The reference is derived from the request's client UUID, so the kiosk can print it while
offline and the hub can compute the same one on arrival. Its alphabet never holds both
characters of a look-alike pair (0/O, 1/I/L, 5/S, 8/B, 2/Z). Six characters give about
480 million codes: enough for a person to quote it, but the hub still keys requests by UUID,
and the tracking link carries the UUID so a mistyped reference never opens someone else's file.
The QR code holds that link and nothing personal.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.catalog.model import Service, localized
from kiosk.formats import clock, short_date
from kiosk.forms.messages import message
from kiosk.spelling import spell_out
from offline_cache.protocol import (  # noqa: F401  (re-exported for the kiosk)
    ALPHABET,
    REFERENCE_LENGTH,
    TRACKING_PATH,
    normalize_reference,
    reference_for,
    tracking_url,
)

if TYPE_CHECKING:
    from PIL import Image

def spell_reference(reference: str, lang: str = "fr") -> str:
    """The reference for the voice, character by character: "K, 7, M, tiret, 4, Q, F".

    Commas make the synthesiser pause between characters, so it never reads "4Q" as a
    number; the language's voice names each letter and digit (kiosk.spelling).
    """
    return spell_out(reference, lang)


def qr_payload(base_url: str, client_id: str) -> str:
    """What the receipt's QR code encodes: the tracking link with the reference in it."""
    return tracking_url(base_url, client_id, reference_for(client_id))


def _qr(payload: str, border: int) -> Any:
    # Imported here: the form engine needs reference_for at every submit, Pillow only here.
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(payload)
    code.make(fit=True)
    return code


def qr_matrix(payload: str, *, border: int = 4) -> list[list[bool]]:
    """The modules of the QR code (True is dark), quiet zone included, to draw with QPainter."""
    return [list(row) for row in _qr(payload, border).get_matrix()]


def qr_image(payload: str, *, box_size: int = 10, border: int = 4) -> Image.Image:
    """The QR code as a black-on-white PIL image (for the printer, the PDF, or the screen)."""
    code = _qr(payload, border)
    code.box_size = box_size
    image = code.make_image(fill_color="black", back_color="white")
    return image.get_image().convert("L")


def receipt_lines(
    *,
    reference: str,
    created_at: datetime,
    service: Service,
    lang: str,
    online: bool,
) -> list[str]:
    """The receipt's text, in reading order, for the screen, the printer and the voice alike."""
    local = created_at.astimezone()
    lines = [
        message("receipt.title", lang),
        message("receipt.reference", lang, reference=reference),
        message("receipt.date", lang, date=short_date(local.date(), lang),
                time=clock(local, lang)),
        localized(service.title, lang),
        message("receipt.sent_to", lang, authority=localized(service.authority, lang)),
    ]
    if service.next_steps:
        lines.append(localized(service.next_steps, lang))
    lines.append(message("receipt.online" if online else "receipt.offline", lang))
    lines.append(message("receipt.qr", lang))
    lines.append(message("receipt.keep", lang))
    return lines


def spoken_receipt(reference: str, lang: str, *, online: bool) -> str:
    """What the voice says on the receipt screen."""
    return " ".join((
        message("receipt.title", lang) + ".",
        message("receipt.reference_spoken", lang, spelled=spell_reference(reference, lang)),
        message("receipt.online" if online else "receipt.offline", lang),
        message("receipt.keep", lang),
    ))

