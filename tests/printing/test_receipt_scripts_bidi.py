"""The order of runs on paper for lines that mix directions (Unicode's bidi algorithm, UAX #9,
for one paragraph); expected orders are how browsers display the same strings."""

import pytest

from kiosk.printing.bidi import starts_right_to_left, visual_runs


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
    rtl = starts_right_to_left(line)
    assert [(run.text, run.rtl) for run in visual_runs(line, rtl)] == runs


def test_a_line_runs_the_way_of_its_first_letter():
    assert starts_right_to_left("« رقمك »")
    assert not starts_right_to_left("K7M-4QF رقمك")
    assert not starts_right_to_left("2025")  # no letter: left to right
