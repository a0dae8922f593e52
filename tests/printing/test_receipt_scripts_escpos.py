"""Thermal receipts in every registry language: text when the code page writes every letter,
else the PDF's own drawing as a `GS v 0` raster image; never a "?" for a letter."""

import pytest
from PIL import Image, ImageChops
from printing_helpers import read_escpos
from receipt_scripts import REFERENCE, receipt

from kiosk.printing.escpos import CODEPAGES, encode_receipt
from kiosk.printing.pdf import render_text
from offline_cache.languages import CODES

TEXT_LANGUAGES = {"fr", "en", "es", "pt"}  # cp858 holds every letter they use


def printed(lang: str, width: int = 48):
    lines, payload = receipt(lang)
    data = encode_receipt(lines, payload, codepage="cp858", width_chars=width,
                          reference=REFERENCE)
    return lines, payload, data, read_escpos(data)


def whole(bands: list[Image.Image]) -> Image.Image:
    image = Image.new("L", (bands[0].width, sum(band.height for band in bands)), 255)
    top = 0
    for band in bands:
        image.paste(band, (0, top))
        top += band.height
    return image


@pytest.mark.parametrize("lang", sorted(TEXT_LANGUAGES))
def test_languages_the_code_page_writes_stay_text(lang):
    lines, payload, _, out = printed(lang)
    assert not out.raster
    text = " ".join(out.text("cp858"))
    assert text.count("?") == "".join(lines).count("?")  # no letter became "?"
    assert REFERENCE in text and lines[0][:10] in text
    assert out.qr_data.decode() == payload and out.qr_printed and out.cut


@pytest.mark.parametrize("lang", sorted(set(CODES) - TEXT_LANGUAGES))
def test_other_scripts_print_as_a_raster_image_with_no_question_mark(lang):
    _, payload, data, out = printed(lang)
    assert b"\x1dv0" in data
    assert out.rows == []  # no text row at all: nothing for the code page to mangle
    assert out.codepage == CODEPAGES["cp858"] and out.initialised
    assert out.qr_data.decode() == payload and out.qr_printed and out.cut  # the printer's QR
    image = whole(out.raster)
    assert image.width == 48 * 12  # 576 dots: 72 mm at 8 dots per mm
    assert ImageChops.invert(image).getbbox() is not None


def test_the_raster_is_the_pdfs_drawing_dot_for_dot():
    lines, _, _, out = printed("ar")
    drawn = render_text(lines, width_px=576, dpi=203, reference=REFERENCE)
    expected = drawn.point(lambda value: 0 if value < 128 else 255)
    assert ImageChops.difference(whole(out.raster), expected).getbbox() is None


def test_a_long_receipt_goes_in_bands_a_small_print_buffer_takes():
    lines, payload = receipt("uk")
    out = read_escpos(encode_receipt(lines * 6, payload, codepage="cp858", width_chars=48,
                                     reference=REFERENCE))
    assert len(out.raster) > 1
    assert all(band.height <= 256 for band in out.raster)


def test_58_mm_paper_gets_a_384_dot_image():
    _, _, _, out = printed("fa", width=32)
    assert whole(out.raster).width == 384


def test_invisible_direction_marks_print_as_nothing_in_text_mode():
    _, payload = receipt("fr")
    lines = ["Votre numéro : \u2068K7M-4QF\u2069\u200e"]
    out = read_escpos(encode_receipt(lines, payload, codepage="cp858", width_chars=48))
    assert not out.raster and out.text("cp858") == ["Votre numéro : K7M-4QF"]
