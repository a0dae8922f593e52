"""The order of runs on paper for lines that mix directions (Unicode's bidi algorithm, UAX #9,
for one paragraph); expected orders are how browsers display the same strings."""

import pytest

from kiosk.printing.bidi import visual_runs
from offline_cache.bidi import reads_right_to_left


@pytest.mark.parametrize(("line", "runs"), [
    ("رقمك: K7M-4QF", [("K7M-4QF", False), ("رقمك: ", True)]),
    ("في 14/03/2025 الساعة 09:30", [("09:30", False), (" الساعة ", True),
                                    ("14/03/2025", False), ("في ", True)]),
    ("أرسلت إلى Préfecture de Paris.", [(".", True), ("Préfecture de Paris", False),
                                          ("أرسلت إلى ", True)]),
    ("Ваш номер: K7M-4QF", [("Ваш номер: K7M-4QF", False)]),
    ("Envoyé à مكتب البريد, merci", [("Envoyé à ", False), ("مكتب البريد", True),
                                     (", merci", False)]),
    ("(مرحبا)", [("(مرحبا)", True)]),  # brackets mirrored by raqm inside the run
    # after Arabic letters "25" is an Arabic number (W2): the sign beside it is a neutral
    ("السعر 25 € اليوم", [(" € اليوم", True), ("25", False), ("السعر ", True)]),
    ("Prix 25 € net", [("Prix 25 € net", False)]),
])
def test_runs_appear_on_paper_in_the_order_a_reader_expects(line, runs):
    rtl = reads_right_to_left(line)
    assert [(run.text, run.rtl) for run in visual_runs(line, rtl)] == runs


FSI, PDI, RLM = "\u2068", "\u2069", "\u200f"


def drawn(line: str) -> list[tuple[str, bool]]:
    """The runs with the invisible marks taken out, as the printer draws them."""
    marks = str.maketrans("", "", FSI + PDI + RLM)
    runs = visual_runs(line, reads_right_to_left(line))
    return [(run.text.translate(marks), run.rtl) for run in runs if run.text.translate(marks)]


def test_a_field_in_an_isolate_keeps_its_own_punctuation():
    """Messages put each field of a right-to-left sentence in an isolate (offline_cache.bidi):
    the full stop of a French name stays at its end instead of jumping to the far left."""
    assert drawn(f"أرسلت إلى {FSI}Préfecture de Paris.{PDI}") == [
        ("Préfecture de Paris.", False), ("أرسلت إلى ", True)]
    assert drawn(f"رقمك: {FSI}K7M-4QF{PDI}") == [("K7M-4QF", False), ("رقمك: ", True)]


def test_an_isolate_does_not_decide_the_direction_of_the_line_around_it():
    assert reads_right_to_left(f"{FSI}Paris{PDI} مرحبا")
    assert drawn(f"{FSI}Paris{PDI} مرحبا") == [(" مرحبا", True), ("Paris", False)]


def test_an_arabic_date_from_babel_reads_day_month_year_from_the_right():
    assert drawn(f"في {FSI}14{RLM}/3{RLM}/2025{PDI}") == [
        ("2025", False), ("/", True), ("3", False), ("/", True), ("14", False), ("في ", True)]


def test_a_line_runs_the_way_of_its_first_letter():
    assert reads_right_to_left("« رقمك »")
    assert not reads_right_to_left("K7M-4QF رقمك")
    assert not reads_right_to_left("2025")  # no letter: left to right
