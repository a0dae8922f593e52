"""The language screen says its title, then each other language's name for that language's
own voice: a person who reads none of the screen hears their language (issue 13)."""

import pytest

from kiosk.i18n import LANGUAGE_NAMES
from offline_cache.languages import CODES
from tests.gui.conftest import tap


@pytest.fixture
def kiosk_config(make_config):
    return make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                       interface__languages=list(CODES))


def test_the_language_screen_names_every_other_language_in_itself(qtbot, window):
    speaker = window.kiosk.speaker
    tap(qtbot, window.attract.start_button)
    assert window.current_screen is window.language
    assert speaker.spoken[-1] == "Choisissez votre langue."
    assert speaker.then == [(f"{LANGUAGE_NAMES[code]}.", code) for code in CODES
                            if code != "fr"]
    assert ("العربية.", "ar") in speaker.then  # for the Arabic voice, not the French one


def test_from_another_language_french_is_named_for_the_french_voice(qtbot, window):
    speaker = window.kiosk.speaker
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["en"])
    tap(qtbot, window.nav_bar.language_button)  # the globe, on the next screen
    assert window.current_screen is window.language
    assert speaker.spoken[-1] == "Choose your language."
    assert ("Français.", "fr") in speaker.then and ("English.", "en") not in speaker.then
    tap(qtbot, window.language.buttons["en"])  # English again: back where the globe was
    assert window.current_screen is window.comfort
    assert speaker.then == []  # that screen says one sentence, in one voice
