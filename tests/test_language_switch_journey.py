"""The language changes at any moment, in the journey itself (issue 13): the choice covers the
current place as an overlay, and choosing closes it on the same place in the new language,
with the form's answers and drafts untouched. No screen needed."""

import pytest

from kiosk.catalog import load_catalog
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.journey import Journey, Step
from kiosk.views import build_view
from offline_cache.languages import CODES


@pytest.fixture
def journey():
    journey = Journey(load_catalog(), CODES, "fr", outbox=MemoryOutbox)
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    return journey


def _to_first_names(journey):
    journey.choose_service("acte-naissance")
    journey.start_request()
    journey.answer(journey.form.current_step.choices[0].value)
    journey.answer("DUPONT")
    journey.keep_draft("JEA")


def test_choosing_a_language_over_a_question_keeps_the_place_the_answers_and_the_draft(journey):
    _to_first_names(journey)
    journey.open_language()
    assert journey.state.step is Step.LANGUAGE and journey.state.place is Step.QUESTION
    journey.choose_language("en")
    assert journey.state.step is Step.QUESTION and journey.state.overlays == ()
    view = build_view(journey)
    assert (view.question, view.draft) == ("What are your first names?", "JEA")
    given = {line.step_id: line.answer for line in journey.form.review("en")}
    assert given["nom"] == "DUPONT"
    assert journey.form.lang == "en"


def test_the_choice_made_over_help_uncovers_the_help_in_the_new_language(journey):
    journey.choose_theme("sante")
    journey.ask_for_help()
    journey.open_language()
    journey.choose_language("en")
    assert journey.state.overlays == (Step.HELP,) and journey.state.place is Step.THEME
    assert build_view(journey).title == "Need help?"


def test_retour_on_the_language_overlay_changes_nothing(journey):
    journey.choose_theme("sante")
    journey.open_language()
    journey.back()
    assert journey.state.step is Step.THEME and journey.state.language == "fr"


def test_one_state_change_per_switch_so_the_screen_is_said_once(journey):
    journey.choose_theme("sante")
    journey.open_language()
    seen = []
    journey.subscribe(seen.append)
    journey.choose_language("es")
    assert [(state.step, state.language) for state in seen] == [(Step.THEME, "es")]


def test_no_language_choice_over_the_start_the_idle_warning_or_itself(journey):
    journey.idle_warning()
    journey.open_language()
    assert journey.state.step is Step.IDLE_WARNING
    journey.resume()
    journey.open_language()
    journey.open_language()
    assert journey.state.overlays == (Step.LANGUAGE,)
    journey.reset()
    journey.open_language()
    assert journey.state.step is Step.ATTRACT


def test_the_start_of_the_journey_still_goes_from_the_language_to_comfort():
    journey = Journey(load_catalog(), CODES, "fr")
    journey.start()
    journey.choose_language("ar")
    assert journey.state.place is Step.COMFORT and journey.state.language == "ar"
