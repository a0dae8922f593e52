"""The journey's "Suivre ma demande" step, without a screen."""

from kiosk.catalog import load_catalog
from kiosk.journey import Journey, Step


def at_home() -> Journey:
    journey = Journey(load_catalog(), ("fr", "en"), "fr")
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    return journey


def test_tracking_opens_from_home_and_back_returns_home():
    journey = at_home()
    journey.open_tracking()
    assert journey.state.step is Step.TRACK
    journey.back()
    assert journey.state.step is Step.HOME


def test_help_and_the_idle_warning_come_back_to_the_tracking_screen():
    journey = at_home()
    journey.open_tracking()
    journey.ask_for_help()
    journey.resume()
    assert journey.state.step is Step.TRACK
    journey.idle_warning()
    journey.resume()
    assert journey.state.step is Step.TRACK
    journey.reset()
    assert journey.state.step is Step.ATTRACT


def test_tracking_opens_only_from_home():
    journey = at_home()
    journey.choose_theme("papiers")
    journey.open_tracking()
    assert journey.state.step is Step.THEME
