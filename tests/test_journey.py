"""The journey state machine, without a screen."""

import pytest

from kiosk.catalog import load_catalog
from kiosk.journey import Comfort, Journey, SpeechRate, Step, TextSize


@pytest.fixture
def journey():
    return Journey(load_catalog(), ("fr", "en"), "fr")


def test_a_single_language_kiosk_skips_the_language_screen():
    journey = Journey(load_catalog(), ("fr",), "fr")
    journey.start()
    assert journey.state.step is Step.COMFORT


def test_choosing_a_service_remembers_its_theme(journey):
    journey.start()
    journey.choose_language("en")
    journey.choose_service("acte-naissance")
    assert (journey.state.step, journey.state.theme_id) == (Step.SERVICE, "famille")


def test_an_unoffered_language_is_refused(journey):
    journey.start()
    with pytest.raises(ValueError):
        journey.choose_language("de")


def test_reset_forgets_language_choices_and_history(journey):
    journey.start()
    journey.choose_language("en")
    journey.choose_theme("sante")
    journey.reset()
    assert journey.state.step is Step.ATTRACT and journey.state.language == "fr"
    journey.back()
    assert journey.state.step is Step.ATTRACT


def test_the_idle_warning_never_shows_on_the_attract_screen(journey):
    journey.idle_warning()
    assert journey.state.step is Step.ATTRACT


def test_an_idle_warning_over_the_help_screen_resumes_to_the_page_under_it(journey):
    journey.start()
    journey.choose_language("fr")
    journey.choose_theme("impots")
    journey.ask_for_help()
    journey.idle_warning()
    journey.resume()
    assert journey.state.step is Step.THEME and journey.state.theme_id == "impots"


def test_listeners_see_every_step(journey):
    seen = []
    journey.subscribe(lambda state: seen.append(state.step))
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    journey.home()
    assert seen == [Step.LANGUAGE, Step.COMFORT, Step.HOME]


def test_comfort_choices_apply_at_once_and_survive_the_help_screen(journey):
    journey.start()
    journey.choose_language("fr")
    journey.set_comfort(text_size=TextSize.LARGER, voice_on=False)
    journey.comfort_done()
    journey.choose_theme("sante")
    journey.ask_for_help()
    journey.resume()
    assert journey.state.comfort == Comfort(text_size=TextSize.LARGER, voice_on=False)


def test_comfort_opened_from_a_page_returns_to_that_page_with_the_new_choice(journey):
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    journey.choose_service("carte-identite")
    journey.open_comfort()
    journey.set_comfort(high_contrast=True)
    journey.comfort_done()
    assert journey.state.step is Step.SERVICE and journey.state.comfort.high_contrast


def test_the_next_citizen_gets_the_default_comfort_back(journey):
    journey.start()
    journey.choose_language("fr")
    journey.set_comfort(speech_rate=SpeechRate.SLOW)
    journey.reset()
    assert journey.state.comfort == Comfort()
