"""The language can change at any moment: the nav bar's language button opens the choice over
the current screen, and choosing one redraws that screen in the new language with nothing
lost (a half-typed answer, the answers given, the place in the form). Issue 13."""

from kiosk.catalog import localized
from kiosk.i18n import LANGUAGE_NAMES, tr
from kiosk.journey_state import Step
from tests.gui.conftest import shown_window
from ui.screenshots import _scenes


def _label(window, step_id: str, lang: str) -> str:
    step = next(s for s in window.journey.form.service.steps if s.id == step_id)
    return localized(step.label, lang)


def _switch_to(citizen, window, lang: str) -> None:
    citizen.tap(window.nav_bar.language_button)
    assert window.current_screen is window.language
    citizen.tap(window.language.buttons[lang])


def test_mid_form_a_half_typed_name_and_the_answers_survive_a_switch_to_english_and_back(
        citizen, window):
    citizen.open_service("famille", "acte-naissance")
    citizen.tap(window.service.request_button)  # "Faire la demande ici"
    citizen.choose(next(iter(window.question.input.buttons)))
    citizen.answer("DUPONT")
    assert citizen.question() == _label(window, "prenoms", "fr")
    citizen.type("JEA")  # half of "JEAN"

    _switch_to(citizen, window, "en")
    assert window.current_screen is window.question
    assert citizen.question() == _label(window, "prenoms", "en") == "What are your first names?"
    assert window.question.input.field.text() == "JEA"
    assert window.nav_bar.back_button.text() == tr("nav.back", "en") == "Back"
    assert window.nav_bar.language_button.accessibleName() == LANGUAGE_NAMES["en"]
    assert "What are your first names?" in window.kiosk.speaker.spoken[-1]  # said in English

    _switch_to(citizen, window, "fr")
    assert citizen.question() == _label(window, "prenoms", "fr")
    assert window.question.input.field.text() == "JEA"
    citizen.type("N")  # typing goes on where it stopped
    assert window.question.input.field.text() == "JEAN"

    citizen.tap(window.nav_bar.back_button)  # the answer given before is still there
    assert citizen.question() == _label(window, "nom", "fr")
    assert window.question.input.field.text() == "DUPONT"


def test_the_language_chosen_mid_way_goes_on_to_the_next_screens_and_into_the_request(
        citizen, window):
    citizen.open_service("famille", "acte-naissance")
    citizen.tap(window.service.request_button)
    _switch_to(citizen, window, "en")
    citizen.choose(next(iter(window.question.input.buttons)))
    assert citizen.question() == "What is your birth surname?"  # the next question too
    assert window.journey.form.lang == "en"  # the request says the citizen used English


def test_the_language_screen_over_a_page_marks_the_language_of_the_moment_and_retour_closes_it(
        citizen, window):
    citizen.open_service("famille", "acte-naissance")
    _switch_to(citizen, window, "es")
    assert window.journey.state.language == "es"
    assert window.current_screen is window.service  # the same page, not the start
    citizen.tap(window.nav_bar.language_button)
    assert not window.language.buttons["es"].icon().isNull()  # a drawn tick, not colour
    assert window.language.buttons["fr"].icon().isNull()
    citizen.tap(window.nav_bar.back_button)
    assert window.current_screen is window.service
    assert window.journey.state.language == "es"


def _citizen_scenes(journey):
    """The screenshot tour's scenes up to mediator mode (staff screens have no nav bar)."""
    for name, reach in _scenes(journey):
        if name.startswith("staff-"):
            return
        yield name, reach


def test_every_citizen_screen_with_a_nav_bar_has_the_language_button(qtbot, window):
    seen = set()
    for name, reach in _citizen_scenes(window.journey):
        reach()
        qtbot.wait(1)
        step = window.journey.state.step
        if not window.nav_bar.isVisible():
            assert step in (Step.ATTRACT, Step.IDLE_WARNING, Step.CONFIRM), name
            continue
        seen.add(step)
        button = window.nav_bar.language_button
        assert button.isVisible(), name
        assert button.isEnabled() is (step is not Step.LANGUAGE), name
        assert button.accessibleName() == LANGUAGE_NAMES[window.journey.state.language], name
    assert {Step.LANGUAGE, Step.COMFORT, Step.HOME, Step.THEME, Step.SERVICE, Step.QUESTION,
            Step.REVIEW, Step.CONSENT, Step.RECEIPT, Step.HELP, Step.TRACK} <= seen


def test_with_one_language_there_is_no_language_button(qtbot, make_config):
    config = make_config(hub__url="http://127.0.0.1:9", interface__languages=["fr"])
    with shown_window(qtbot, config) as window:
        window.journey.start()
        assert window.journey.state.step is Step.COMFORT
        assert not window.nav_bar.language_button.isVisible()
