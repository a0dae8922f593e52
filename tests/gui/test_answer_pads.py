"""The pads under a question type where the finger was: the field tapped, with the keys the
answer needs (digits grouped as they are written, "+" for a phone, 2A/2B for Corsica).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from kiosk.catalog import Step
from kiosk.forms.validators import Invalid, Valid, display_answer, validate
from tests.gui.conftest import Citizen
from ui.app import apply_theme
from ui.theme import Theme
from ui.widgets.answer_inputs import DateInput, build_input
from ui.widgets.buttons import BigButton


def tap(qtbot, widget) -> None:
    assert widget.isVisible(), f"{widget!r} is not on screen"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_keys(qtbot, pad, text: str) -> None:
    for key in pad.taps_for(text):
        tap(qtbot, key)


@pytest.fixture
def shown(qtbot, qapp):
    """The kiosk's look, applied here: alone, this file ran on Qt's default style, where a
    key is 25 px high (it passed only after another test had set the theme)."""
    apply_theme(qapp, Theme())

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


def nir_step(**extra) -> Step:
    return Step(id="nir", kind="nir", label={"fr": "Quel est votre numéro de sécurité sociale ?"},
                **extra)


def test_the_social_security_number_has_a_digit_pad_with_a_and_b_and_is_grouped(qtbot, shown):
    typed = shown(build_input(nir_step(), "fr"))
    pad = typed.keyboard
    labels = {button.text() for button in pad.findChildren(BigButton) if button.isVisible()}
    assert "@" not in labels and not {"a", "z", "e", "q"} & {label.lower() for label in labels
                                                            if len(label) == 1} - {"a", "b"}
    assert {"A", "B", *"0123456789"} <= labels
    tap_keys(qtbot, pad, "158037512345606")  # a well-formed NIR
    assert typed.field.text() == "1 58 03 75 123 456 06"
    tap(qtbot, pad.erase_key)
    tap(qtbot, pad.erase_key)
    assert typed.field.text() == "1 58 03 75 123 456"
    field = typed.field
    for key in (pad.erase_key, pad.done_key, pad.key_for("A"), pad.key_for("0")):
        assert key.height() >= 72
    tap_keys(qtbot, pad, "06")
    with qtbot.waitSignal(typed.submitted) as sent:
        tap(qtbot, pad.done_key)
    assert sent.args == [field.text()]
    assert validate(nir_step(), sent.args[0]) == Valid("158037512345606")


def test_a_corsican_number_is_typed_with_the_a_key(qtbot, shown):
    typed = shown(build_input(nir_step(), "fr"))
    tap_keys(qtbot, typed.keyboard, "185052A")
    assert typed.field.text() == "1 85 05 2A"


def test_je_ne_l_ai_pas_is_offered_only_where_the_procedure_allows_and_is_recorded(qtbot, shown):
    assert shown(build_input(nir_step(), "fr")).unknown_button is None
    step = nir_step(unknown_allowed=True)
    typed = shown(build_input(step, "fr"))
    assert typed.unknown_button.text() == "Je ne l'ai pas"
    with qtbot.waitSignal(typed.submitted) as sent:
        tap(qtbot, typed.unknown_button)
    assert validate(step, sent.args[0]) == Valid({"unknown": True})
    assert display_answer(step, {"unknown": True}, "fr") == "Vous ne l'avez pas"
    assert isinstance(validate(nir_step(), sent.args[0]), Invalid)  # not where it is not allowed


def test_the_phone_pad_has_plus_and_groups_digits_as_they_are_written(qtbot, shown):
    step = Step(id="telephone", kind="phone", label={"fr": "Votre numéro de téléphone ?"})
    typed = shown(build_input(step, "fr"))
    pad = typed.keyboard
    tap_keys(qtbot, pad, "0612345678")
    assert typed.field.text() == "06 12 34 56 78"
    for _ in range(10):
        tap(qtbot, pad.erase_key)
    assert typed.field.text() == ""
    tap_keys(qtbot, pad, "+590690123456")  # a mobile in Guadeloupe, typed from abroad
    assert typed.field.text() == "+590 690 12 34 56"
    assert pad.key_for("+").height() >= 72
    assert validate(step, typed.field.text()) == Valid("+590690123456")
    assert "@" not in {button.text() for button in pad.findChildren(BigButton)}


def test_a_pension_request_goes_on_without_the_social_security_number(citizen, window):
    citizen.open_service("retraite", "demande-retraite")
    citizen.tap(window.service.request_button)
    citizen.answer("Durand")
    citizen.answer("Jean")
    citizen.answer("02031958")
    assert citizen.question() == "Quel est votre numéro de sécurité sociale ?"
    assert "@" not in {key.text() for key in citizen.keyboard().findChildren(BigButton)}
    citizen.tap(window.question.input.unknown_button)
    assert citizen.question() == "Comment avez-vous travaillé ?"
    assert window.journey.form.answer_value("nir") == {"unknown": True}
    lines = {line.step_id: line.answer for line in window.journey.form.review("fr")}
    assert lines["nir"] == "Vous ne l'avez pas"


# The keyboard never moves under the finger ------------------------------------------------

def key_places(qtbot, window) -> dict[str, object]:
    """Where each key of the question's keyboard is, in the window, once laid out."""
    qtbot.wait(20)
    keyboard = window.question.input.keyboard
    return {key.text(): QRect(key.mapTo(window, QPoint(0, 0)), key.size())
            for key in keyboard.findChildren(BigButton) if key.isVisible()}


@pytest.mark.parametrize("size", ["NORMAL", "LARGE"])
def test_an_error_or_a_skip_button_never_moves_nor_shrinks_a_key(qtbot, kiosk_config, size):
    from kiosk.services import KioskServices
    from ui.app import build_window
    from ui.theme import MIN_TOUCH_PX, TextSize, Theme

    window = build_window(kiosk_config, theme=Theme(text_size=TextSize[size]),
                          services=KioskServices(kiosk_config, sync=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    citizen = Citizen(qtbot, window)
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("eclairage")
    before = key_places(qtbot, window)  # "Où est le problème ?", no error yet
    assert all(place.height() >= MIN_TOUCH_PX for place in before.values())
    citizen.confirm()  # nothing typed: an error appears above the field
    assert window.question.error.isVisible()
    assert key_places(qtbot, window) == before
    citizen.answer("Rue de la Mairie")
    assert window.question.skip_button.isVisible()  # the next one may be skipped
    assert key_places(qtbot, window) == before
    window.services.close()
