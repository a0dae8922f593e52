"""PDF receipts, read back through poppler: page size, ink, the QR decodes, accents drawn."""

import pytest
from PIL import Image, ImageChops, ImageDraw
from printing_helpers import (
    decode_qr,
    ink,
    pdf_page_size_pt,
    pdf_pages,
    random_payload,
    sample_lines,
)

from kiosk.printing import printer_from_config
from kiosk.printing.layout import reference_in
from kiosk.printing.pdf import write_pdf
from kiosk.printing.typeset import ATKINSON, font

MM_PT = 72 / 25.4


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_a6_receipt_is_one_page_whose_qr_decodes_to_the_payload(tmp_path, lang):
    lines, payload = sample_lines(lang)
    path = write_pdf(lines, payload, tmp_path / "recu.pdf", reference=reference_in(payload, lines))
    width, height = pdf_page_size_pt(path)
    assert width == pytest.approx(105 * MM_PT, abs=0.5)
    assert height == pytest.approx(148 * MM_PT, abs=0.5)
    [page] = pdf_pages(path, tmp_path)
    assert decode_qr(page) == payload
    assert 0.02 < ink(page) < 0.4  # text and a QR code: neither blank nor a black slab


def test_an_80_mm_roll_receipt_is_80_mm_wide_and_as_long_as_its_text(tmp_path):
    lines, payload = sample_lines()
    path = write_pdf(lines, payload, tmp_path / "roll.pdf", paper="roll80")
    width, height = pdf_page_size_pt(path)
    assert width == pytest.approx(80 * MM_PT, abs=0.5)
    assert height > width
    [page] = pdf_pages(path, tmp_path)
    assert decode_qr(page) == payload
    assert ink(page.crop((0, 0, page.width, page.height // 8))) > 0.01  # text starts at the top


def test_accents_are_drawn_as_accents_by_the_shipped_font(tmp_path):
    payload = random_payload()
    accented = write_pdf(["Reçu", "é è ê à ç ù É À Ç œ €"], payload, tmp_path / "a.pdf")
    plain = write_pdf(["Reçu", "e e e a c u E A C oe E"], payload, tmp_path / "b.pdf")
    [page_a], [page_b] = pdf_pages(accented, tmp_path), pdf_pages(plain, tmp_path)
    assert ImageChops.difference(page_a, page_b).getbbox() is not None
    # And the font has real glyphs for them, not the "missing" box every unknown char gets.
    missing = glyph("\ue000")
    for char in "éèêàçùÉÀÇœ€«»":
        assert glyph(char) != missing, char


def glyph(char: str) -> bytes:
    image = Image.new("L", (120, 120), 0)
    ImageDraw.Draw(image).text((10, 10), char, font=font(ATKINSON.regular, 50), fill=255)
    return image.tobytes()


def test_the_reference_is_printed_bigger_than_the_body(tmp_path):
    lines, payload = sample_lines()
    reference = reference_in(payload, lines)
    with_ref = write_pdf(lines, payload, tmp_path / "ref.pdf", reference=reference)
    without = write_pdf(lines, payload, tmp_path / "plain.pdf", reference="")
    [big], [small] = pdf_pages(with_ref, tmp_path), pdf_pages(without, tmp_path)
    assert ink(big) > ink(small)


def test_a_long_receipt_flows_onto_a_second_a6_page_and_its_qr_still_decodes(tmp_path):
    lines, payload = sample_lines()
    long_lines = lines + [lines[-2]] * 12
    path = write_pdf(long_lines, payload, tmp_path / "long.pdf")
    pages = pdf_pages(path, tmp_path)
    assert len(pages) == 2
    assert decode_qr(pages[-1]) == payload


def test_a_very_long_word_is_cut_to_the_page_instead_of_running_off_it(tmp_path):
    payload = random_payload()
    path = write_pdf(["x" * 400], payload, tmp_path / "word.pdf")
    [page] = pdf_pages(path, tmp_path)
    margin = round(7 / 25.4 * 150) - 3
    assert ink(page.crop((page.width - margin, 0, page.width, page.height))) == 0


def test_the_demo_printer_writes_the_receipt_into_the_data_folder(make_config, tmp_path):
    cfg = make_config(printer__kind="pdf")
    printer = printer_from_config(cfg)
    lines, payload = sample_lines()
    result = printer.print_receipt(lines, payload)
    assert result.ok and result.message_key == "print.saved"
    reference = reference_in(payload, lines)
    path = cfg.data_dir / "receipts" / f"recu-{reference}.pdf"
    assert str(path) in result.detail and path.is_file()
    assert not list(path.parent.glob("*.part"))


def test_an_unwritable_pdf_folder_is_a_failed_result_naming_the_folder(make_config, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    printer = printer_from_config(make_config(printer__kind="pdf",
                                              printer__pdf_dir=str(blocker / "receipts")))
    result = printer.print_receipt(*sample_lines())
    assert not result.ok and str(blocker) in result.detail and "printer.pdf_dir" in result.detail
