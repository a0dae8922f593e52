"""ESC/POS bytes: French accents in the chosen table, the QR command, a receipt read back."""

import pytest
from printing_helpers import read_escpos, sample_lines

from kiosk.printing.escpos import (
    CODEPAGES,
    encode_receipt,
    encode_text,
    qr_code,
    select_codepage,
)
from kiosk.printing.layout import reference_in


def test_french_accents_are_the_exact_bytes_of_cp858_selected_with_esc_t_19():
    assert select_codepage("cp858") == b"\x1bt\x13"
    assert encode_text("é à ç ù ê €", "cp858") == b"\x82 \x85 \x87 \x97 \x88 \xd5"


def test_french_accents_are_the_exact_bytes_of_cp1252_selected_with_esc_t_16():
    assert select_codepage("cp1252") == b"\x1bt\x10"
    assert encode_text("é à ç ù ê €", "cp1252") == b"\xe9 \xe0 \xe7 \xf9 \xea \x80"


def test_capitals_and_ligatures_print_in_cp858_and_oe_falls_back_to_two_letters():
    assert encode_text("É È À Ç", "cp858") == b"\x90 \xd4 \xb7 \x80"
    assert encode_text("cœur", "cp858") == b"coeur"
    assert encode_text("cœur", "cp1252") == b"c\x9cur"


def test_a_table_without_the_euro_sign_prints_eur_rather_than_a_question_mark():
    assert select_codepage("cp850") == b"\x1bt\x02"
    assert encode_text("12 €", "cp850") == b"12 EUR"


def test_french_typography_becomes_look_alikes_not_question_marks():
    text = "l’état : « oui »\u202f! — fin…"
    assert encode_text(text, "cp858") == b"l'\x82tat : \xae oui \xaf ! - fin..."


def test_a_character_no_table_has_is_a_question_mark_not_a_crash():
    assert encode_text("ok 😀 ŵ", "cp858") == b"ok ? w"


def test_every_configurable_codepage_has_an_esc_t_number_and_a_python_codec():
    for name, number in CODEPAGES.items():
        assert "é".encode(name) and 0 <= number < 256


def test_the_qr_command_is_model_2_size_correction_m_store_and_print():
    assert qr_code("AB", module_size=6) == (
        b"\x1d(k\x04\x001A2\x00"  # model 2
        b"\x1d(k\x03\x001C\x06"  # module size 6 dots
        b"\x1d(k\x03\x001E1"  # error correction M
        b"\x1d(k\x05\x001P0AB"  # store: pL = len("AB") + 3
        b"\x1d(k\x03\x001Q0"  # print
    )


def test_a_long_qr_payload_carries_its_length_in_two_bytes():
    payload = "x" * 300
    command = qr_code(payload)
    store = command.index(b"1P0")
    assert command[store - 2:store] == bytes([303 % 256, 303 // 256])


@pytest.mark.parametrize(("codepage", "width"), [("cp858", 48), ("cp1252", 42), ("cp858", 32)])
def test_a_receipt_reads_back_as_the_lines_the_reference_big_the_qr_and_a_cut(codepage, width):
    lines, payload = sample_lines()
    reference = reference_in(payload, lines)
    printout = read_escpos(encode_receipt(lines, payload, codepage=codepage, width_chars=width,
                                          reference=reference))
    assert printout.initialised and printout.codepage == CODEPAGES[codepage]
    assert printout.qr_data == payload.encode() and printout.qr_printed and printout.cut
    printed = " ".join(printout.text(codepage))
    assert " ".join(" ".join(lines).split()) == " ".join(printed.split())
    big = [raw.decode(codepage) for raw, bold, size in printout.rows if size == 0x11]
    assert reference in "".join(big)
    assert all(bold for _raw, bold, size in printout.rows if size == 0x11)
    for raw, _bold, size in printout.rows:
        assert len(raw) <= (width // 2 if size == 0x11 else width)


def test_the_title_is_bold_and_the_body_is_not():
    lines, payload = sample_lines("en")
    printout = read_escpos(encode_receipt(lines, payload, codepage="cp858", width_chars=48,
                                          reference=reference_in(payload, lines)))
    assert printout.rows[0] == (lines[0].encode("cp858"), True, 0)
    assert printout.rows[-1][1] is False
