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


def test_an_idle_warning_over_the_help_screen_uncovers_the_help_then_the_page(journey):
    journey.start()
    journey.choose_language("fr")
    journey.choose_theme("impots")
    journey.ask_for_help()
    journey.idle_warning()
    journey.resume()
    assert journey.state.step is Step.HELP
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


# The overlays are a stack; a reset wipes first -----------------------------------------------

@pytest.fixture
def in_a_form(journey):
    """A birth certificate request at its second question, through the real form engine."""
    from kiosk.forms.local_outbox import MemoryOutbox

    journey._outbox_factory = MemoryOutbox
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    journey.choose_service("acte-naissance")
    journey.start_request()
    journey.answer("copie_integrale")
    assert journey.state.step is Step.QUESTION
    return journey


def test_back_on_the_comfort_screen_opened_mid_form_returns_to_the_question(in_a_form):
    question = in_a_form.state.question_id
    in_a_form.open_comfort()
    assert (in_a_form.state.step, in_a_form.state.place) == (Step.COMFORT, Step.QUESTION)
    in_a_form.back()
    assert (in_a_form.state.step, in_a_form.state.question_id) == (Step.QUESTION, question)
    assert in_a_form.form is not None


def test_an_idle_warning_over_the_comfort_screen_keeps_the_question_underneath(in_a_form):
    question = in_a_form.state.question_id
    in_a_form.open_comfort()
    in_a_form.idle_warning()
    in_a_form.resume()  # "J'ai besoin de plus de temps"
    assert in_a_form.state.step is Step.COMFORT
    in_a_form.comfort_done()
    assert (in_a_form.state.step, in_a_form.state.question_id) == (Step.QUESTION, question)


def test_a_failing_end_listener_stops_neither_the_wipe_nor_the_next_listeners(in_a_form):
    in_a_form.keep_draft("DUPONT")
    form = in_a_form.form
    heard = []

    def disk_full(_end):
        heard.append(("stats", in_a_form.form))  # the wipe is already done when it runs
        raise OSError(28, "No space left on device")

    in_a_form.subscribe_end(disk_full)
    in_a_form.subscribe_end(lambda end: heard.append(("next", end.last_step)))
    in_a_form.reset()
    assert heard == [("stats", None), ("next", "question")]
    assert in_a_form.form is None and form.draft() is None
    assert in_a_form.state.step is Step.ATTRACT
