"""The birth commune is found by the name a person knows, typed on our keyboard; a postal code
shared by many communes gives a list that scrolls, whose buttons never touch, with the keyboard
still there to correct what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint

from kiosk.catalog import Step
from ui.widgets.commune_picker import CommuneInput


def reach_the_birth_commune(citizen, window) -> CommuneInput:
    citizen.open_service("famille", "acte-naissance")
    citizen.tap(window.service.request_button)
    citizen.choose("copie-integrale")
    citizen.answer("Martin")
    citizen.answer("Élise")
    citizen.answer("14071950")
    assert window.journey.form.current_step.id == "commune_naissance"
    picker = window.question.input
    assert isinstance(picker, CommuneInput)
    return picker


def test_thenon_is_chosen_by_its_name_with_one_tap_after_typing_it(citizen, window):
    picker = reach_the_birth_commune(citizen, window)
    citizen.type("Then")
    first = picker.result_buttons[0]
    assert first.text() != "Thenon (24210)"  # Thénac, Thenay come first: shorter or earlier
    citizen.type("on")
    assert [button.text() for button in picker.result_buttons] == ["Thenon (24210)"]
    assert picker.status.text() == "Touchez votre commune."
    citizen.tap(picker.button_for("Thenon (24210)"))
    assert window.journey.form.answer_value("commune_naissance") == {
        "postal_code": "24210", "commune": "Thenon", "insee": "24550"}
    assert window.journey.form.current_step.id == "parent_1"


def test_four_letters_and_one_tap_choose_thenon_at_the_normal_text_size(citizen, window, qtbot):
    picker = reach_the_birth_commune(citizen, window)
    citizen.type("then")
    thenon = picker.button_for("Thenon (24210)")
    qtbot.waitUntil(lambda: thenon.visibleRegion().boundingRect() == thenon.rect())  # all of it
    citizen.tap(thenon)  # five taps in all, no scrolling
    assert window.journey.form.answer_value("commune_naissance")["insee"] == "24550"


def test_a_name_typed_without_accent_and_confirmed_is_accepted_when_it_is_unique(citizen,
                                                                                window):
    reach_the_birth_commune(citizen, window)
    citizen.answer("pointe a pitre")
    assert window.journey.form.answer_value("commune_naissance")["commune"] == "Pointe-à-Pitre"


def test_saint_is_typed_st_and_the_exact_name_comes_first(citizen, window):
    picker = reach_the_birth_commune(citizen, window)
    citizen.type("st etienne")
    assert picker.result_buttons[0].text() == "Saint-Étienne (42000)"


def test_a_postal_code_of_13_communes_gives_a_list_that_scrolls_and_stays_correctable(
        citizen, window, qtbot):
    picker = reach_the_birth_commune(citizen, window)
    citizen.type("24210")
    buttons = picker.result_buttons
    assert len(buttons) == 13 and picker.status.text() == "13 communes. Touchez la vôtre."
    qtbot.waitUntil(lambda: picker.results.verticalScrollBar().isVisible())
    assert picker.results.verticalScrollBar().maximum() > 0
    assert picker.keyboard.isVisible() and picker.keyboard.erase_key.isVisible()
    for button in buttons:
        assert button.height() >= 72
        assert button.property("role") in (None, "")  # a plain choice, not the error's look
    origins = [button.mapTo(picker.results.content, QPoint(0, 0)) for button in buttons]
    rectangles = [button.rect().translated(origin) for button, origin in zip(buttons, origins,
                                                                              strict=True)]
    for index, one in enumerate(rectangles):
        for other in rectangles[index + 1:]:
            gap_x = max(other.left() - one.right(), one.left() - other.right()) - 1
            gap_y = max(other.top() - one.bottom(), one.top() - other.bottom()) - 1
            assert max(gap_x, gap_y) >= 16, "two communes touch"
    assert not window.question.error.isVisible()  # a list to choose from is not an error
    keyboard_top = picker.keyboard.mapTo(window, QPoint(0, 0)).y()
    last = buttons[-1]
    picker.results.ensureWidgetVisible(last)  # scrolled down as a finger would
    qtbot.waitUntil(lambda: not last.visibleRegion().isEmpty())
    assert picker.keyboard.mapTo(window, QPoint(0, 0)).y() == keyboard_top  # keys stay put
    citizen.erase(5)  # a mistake: the citizen corrects it on the same keyboard
    citizen.type("Thenon")
    citizen.tap(picker.button_for("Thenon (24210)"))
    assert window.journey.form.answer_value("commune_naissance")["insee"] == "24550"


def test_a_shared_postal_code_confirmed_asks_to_touch_a_commune_in_the_list(citizen, window):
    picker = reach_the_birth_commune(citizen, window)
    citizen.answer("71250")
    assert "Touchez la vôtre" in window.question.error.text()
    assert picker.keyboard.isVisible() and len(picker.result_buttons) > 1
    citizen.tap(picker.button_for("Cluny (71250)"))
    assert window.journey.form.answer_value("commune_naissance")["commune"] == "Cluny"


def test_a_commune_chosen_before_comes_back_by_its_name(qtbot):
    picker = CommuneInput(Step(id="commune", kind="postal_code", label={"fr": "Commune"}), "fr")
    qtbot.addWidget(picker)
    picker.set_draft({"postal_code": "24210", "insee": "24550"})  # "Modifier" on the review
    assert picker.field.text() == "Thenon"
    assert [button.text() for button in picker.result_buttons] == ["Thenon (24210)"]
