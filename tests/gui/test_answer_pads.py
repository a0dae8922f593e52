"""The pads under a question type where the finger was: the field tapped, with the keys the
answer needs (digits grouped as they are written, "+" for a phone, 2A/2B for Corsica).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.catalog import Step
from ui.widgets.answer_inputs import DateInput


def tap(qtbot, widget) -> None:
    assert widget.isVisible(), f"{widget!r} is not on screen"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_keys(qtbot, pad, text: str) -> None:
    for key in pad.taps_for(text):
        tap(qtbot, key)


@pytest.fixture
def shown(qtbot):
    def show(widget):
        qtbot.addWidget(widget)
        widget.resize(1200, 600)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return show


def test_tapping_month_then_effacer_erases_the_month_not_the_year(qtbot, shown):
    date_input = shown(DateInput(Step(id="naissance", kind="date_of_birth",
                                      label={"fr": "Quelle est votre date de naissance ?"}), "fr"))
    tap_keys(qtbot, date_input.keyboard, "14071950")  # day, month, year: the pad moves along
    day, month, year = date_input.fields
    assert (day.text(), month.text(), year.text()) == ("14", "07", "1950")
    tap(qtbot, month)
    tap(qtbot, date_input.keyboard.erase_key)
    assert (day.text(), month.text(), year.text()) == ("14", "0", "1950")
    tap_keys(qtbot, date_input.keyboard, "8")
    assert month.text() == "08" and year.text() == "1950"
    tap(qtbot, day)
    tap(qtbot, date_input.keyboard.erase_key)
    assert (day.text(), month.text(), year.text()) == ("1", "08", "1950")
