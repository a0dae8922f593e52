"""A small ESC/POS encoder: the few commands a receipt needs, as exact bytes.

Why not python-escpos: it installs cleanly (3.1), but brings six, appdirs, PyYAML,
argcomplete, python-barcode and setuptools at run time, a capabilities.json that the
PyInstaller spec would have to carry, and a "magic" encoder that picks code pages per
character from a printer profile, so the bytes sent depend on profile data rather than on
`printer.codepage`. A receipt needs eight commands; writing them here keeps every byte under
test. Numbers follow Epson's ESC/POS reference (the same table python-escpos ships).

A code page holds Latin letters only, and cp858 not even all of them (Turkish ğ ş ı, Romanian
ă ș ț). A receipt the table cannot write letter for letter is sent as a raster image
(`GS v 0`) drawn by the PDF's own typesetting; French, English, Spanish and Portuguese stay
text, which every printer prints crisply and fast.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from kiosk.printing.layout import is_reference_line, wrap_chars

if TYPE_CHECKING:
    from PIL import Image

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
SIZE_NORMAL, SIZE_DOUBLE = GS + b"!\x00", GS + b"!\x11"  # double width and double height
ALIGN_LEFT, ALIGN_CENTER = ESC + b"a\x00", ESC + b"a\x01"
CUT = GS + b"VA\x03"  # function B: feed 3 units past the cutter, then a full cut
RASTER = GS + b"v0\x00"  # `GS v 0`, normal density, then width in bytes, height in dots
DOTS_PER_CHAR, PRINTER_DPI = 12, 203  # font A is 12 dots wide; 8 dots per mm
RASTER_BAND_ROWS = 256  # one image per band: a small print buffer never overflows

# `ESC t n` numbers in Epson's character code table, with Python's codec for each.
CODEPAGES: dict[str, int] = {"cp858": 19, "cp1252": 16, "cp850": 2}

# Characters French text uses that some tables lack: a close look-alike beats a "?".
_FALLBACK = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    # invisible direction marks (LRM, RLM, LRI, RLI, FSI, PDI): nothing to print
    "\u200e": "", "\u200f": "", "\u2066": "", "\u2067": "", "\u2068": "", "\u2069": "",
})
_LIGATURES = {"œ": "oe", "Œ": "OE", "€": "EUR"}


def select_codepage(codepage: str) -> bytes:
    """`ESC t n`: the table the printer uses for bytes 128-255."""
    return ESC + b"t" + bytes([CODEPAGES[codepage]])


def encode_text(text: str, codepage: str) -> bytes:
    """Text in the printer's table; what the table lacks becomes a look-alike, else "?"."""
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for char in text:
        try:
            out += char.encode(codepage)
            continue
        except UnicodeEncodeError:
            pass
        substitute = _LIGATURES.get(char) or char.translate(_FALLBACK)
        if substitute == char:  # no look-alike: drop the accent if that helps, else "?"
            substitute = unicodedata.normalize("NFKD", char)[0]
        out += substitute.encode(codepage, errors="replace")
    return bytes(out)


def writes_every_letter(lines: list[str], codepage: str) -> bool:
    """Whether the table prints each character itself or as a typographic look-alike
    (’ as ', œ as oe, € as EUR); a letter that would lose its accent or become "?" means no."""
    for char in set(unicodedata.normalize("NFC", "".join(lines))):
        try:
            char.encode(codepage)
        except UnicodeEncodeError:
            if char not in _LIGATURES and char.translate(_FALLBACK) == char:
                return False
    return True


def raster(image: Image.Image) -> bytes:
    """`GS v 0` bands of a greyscale image: dark pixels print, one bit per dot."""
    from PIL import Image, ImageOps

    width_bytes = (image.width + 7) // 8
    bits = ImageOps.invert(image.convert("L")).point(lambda v: 255 if v >= 128 else 0)
    # mode "1" packs 8 dots a byte, the set bit (white here, once inverted) is a printed dot
    bits = bits.convert("1", dither=Image.Dither.NONE)
    out = bytearray()
    for top in range(0, image.height, RASTER_BAND_ROWS):
        band = bits.crop((0, top, width_bytes * 8, min(top + RASTER_BAND_ROWS, image.height)))
        out += RASTER + bytes([width_bytes % 256, width_bytes // 256,
                               band.height % 256, band.height // 256]) + band.tobytes()
    return bytes(out)


def feed(lines: int) -> bytes:
    """`ESC d n`: print and feed n lines."""
    return ESC + b"d" + bytes([max(0, min(lines, 255))])


def qr_code(payload: str, *, module_size: int = 6) -> bytes:
    """`GS ( k`: model 2, module size, error correction M, store the data, print it."""
    data = payload.encode("utf-8")  # the QR link is ASCII (percent-encoded); UTF-8 is safe
    if len(data) > 7089:
        raise ValueError("QR payload too long for a receipt")
    store_length = len(data) + 3

    def function(body: bytes, length: int | None = None) -> bytes:
        size = len(body) if length is None else length
        return GS + b"(k" + bytes([size % 256, size // 256]) + body

    return b"".join((
        function(b"1A2\x00"),  # fn 165: model 2
        function(b"1C" + bytes([module_size])),  # fn 167: module size in dots
        function(b"1E1"),  # fn 169: error correction M (49), as on the screen's QR
        function(b"1P0" + data, store_length),  # fn 180: store the data
        function(b"1Q0"),  # fn 181: print what was stored
    ))


def encode_receipt(lines: list[str], qr_payload: str, *, codepage: str, width_chars: int,
                   reference: str = "") -> bytes:
    """The whole receipt: title bold, reference double size and bold, QR centred, cut."""
    out = bytearray(INIT + select_codepage(codepage))
    if writes_every_letter(lines, codepage):
        out += _text(lines, codepage, width_chars, reference)
    else:
        from kiosk.printing.pdf import render_text

        out += ALIGN_CENTER + raster(render_text(
            lines, width_px=width_chars * DOTS_PER_CHAR, dpi=PRINTER_DPI,
            reference=reference)) + ALIGN_LEFT
    module = 6 if width_chars >= 42 else 4  # 58 mm paper is 384 dots wide
    out += ALIGN_CENTER + qr_code(qr_payload, module_size=module) + b"\n" + ALIGN_LEFT
    out += feed(3) + CUT
    return bytes(out)


def _text(lines: list[str], codepage: str, width_chars: int, reference: str) -> bytes:
    out = bytearray()
    for index, line in enumerate(lines):
        if is_reference_line(line, reference):
            out += ALIGN_CENTER + BOLD_ON + SIZE_DOUBLE
            for piece in wrap_chars(line, width_chars // 2):
                out += encode_text(piece, codepage) + b"\n"
            out += SIZE_NORMAL + BOLD_OFF + ALIGN_LEFT
        else:
            title = index == 0
            out += BOLD_ON if title else b""
            for piece in wrap_chars(line, width_chars):
                out += encode_text(piece, codepage) + b"\n"
            out += BOLD_OFF if title else b""
        out += b"\n"
    return bytes(out)
