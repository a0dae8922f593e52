"""The kiosk's real voice: espeak-ng through the speech worker, heard by a stand-in player.

There is no sound card on the test machines; a player command that copies each WAV to a
folder stands in for the speakers, and the real `aplay` shows the degraded state.
"""

import subprocess
import wave

import pytest

from tests.gui.conftest import tap
from ui.app import attach_voice, build_window


def test_each_new_screen_reaches_the_player_as_real_french_speech(qtbot, make_config, tmp_path):
    heard = tmp_path / "heard"
    heard.mkdir()
    config = make_config(voice__player=f"cp {{file}} {heard}/")
    window = build_window(config)
    qtbot.addWidget(window)
    window.show()
    attach_voice(window, config)
    tap(qtbot, window.attract.start_button)
    # The title, then the eight other languages' names, each by its own voice.
    qtbot.waitUntil(lambda: len(list(heard.glob("*.wav"))) == 9, timeout=15000)
    seconds = []
    for path in heard.glob("*.wav"):
        with wave.open(str(path)) as wav:
            seconds.append(wav.getnframes() / wav.getframerate())
            assert wav.getframerate() >= 22050
    # "Choisissez votre langue." is about 1.7 s, the longest; a name about 1 s.
    assert 1 < max(seconds) < 5 and min(seconds) > 0.5
    assert not window.nav_bar.voice_status.isVisible()


def has_sound_card() -> bool:
    listing = subprocess.run(["aplay", "-l"], capture_output=True, text=True)
    return "card" in listing.stdout


@pytest.mark.skipif(has_sound_card(), reason="this machine has a sound card: aplay would work")
def test_without_a_sound_card_the_citizen_sees_voice_unavailable_and_can_go_on(
        qtbot, make_config):
    config = make_config(voice__player="aplay")
    window = build_window(config)
    qtbot.addWidget(window)
    window.show()
    attach_voice(window, config)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    qtbot.waitUntil(window.nav_bar.voice_status.isVisible, timeout=15000)
    assert window.nav_bar.voice_status.text() == "Voix indisponible"
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["sante"])
    assert window.current_screen is window.theme
