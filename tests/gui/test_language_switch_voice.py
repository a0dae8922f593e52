"""Switching language switches the voice; a language without one says so on screen, in that
language, instead of being read by another language's voice (issue 13).

Real espeak-ng through the speech worker; a player command that copies each WAV to a folder
stands in for the speakers (no sound card here).
"""

import dataclasses
import shutil
import subprocess
import wave

from kiosk.i18n import tr
from kiosk.views import build_view
from kiosk.voice.options import RateStep
from offline_cache import languages
from tests.gui.conftest import tap
from ui.app import attach_voice, build_window


def test_a_language_whose_voice_is_missing_says_so_and_is_not_read_by_the_french_voice(
        qtbot, make_config, tmp_path, monkeypatch):
    # Mock for a missing voice package: the registry names a Turkish voice espeak-ng does
    # not have here (uninstalling espeak-ng-data for a test is not an option).
    turkish = dataclasses.replace(languages.BY_CODE["tr"], voice="tr-no-such-voice")
    monkeypatch.setitem(languages.BY_CODE, "tr", turkish)
    heard = tmp_path / "heard"
    heard.mkdir()
    config = make_config(voice__player=f"cp {{file}} {heard}/",
                         interface__languages=["fr", "tr"])
    window = build_window(config)
    qtbot.addWidget(window)
    window.show()
    attach_voice(window, config)
    bar = window.nav_bar
    tap(qtbot, window.attract.start_button)
    # The French title; the Turkish name after it has no voice, so it is left out.
    qtbot.waitUntil(lambda: len(list(heard.glob("*.wav"))) == 1, timeout=15000)

    tap(qtbot, window.language.buttons["tr"])
    qtbot.waitUntil(bar.voice_status.isVisible, timeout=15000)
    assert bar.voice_status.text() == tr("voice.no_voice", "tr")
    assert not bar.repeat_button.isVisible()  # nothing to repeat
    qtbot.wait(300)
    assert len(list(heard.glob("*.wav"))) == 1  # no Turkish sentence in another voice
    tap(qtbot, bar.language_button)  # the language screen, still in Turkish
    # Its title is not said; "Français." is, by the French voice, for a French speaker.
    french_name = _by_hand("Français.", "fr", tmp_path / "francais.wav")
    qtbot.waitUntil(lambda: french_name in {_frames(path) for path in heard.glob("*.wav")},
                    timeout=15000)
    qtbot.wait(300)
    assert len(list(heard.glob("*.wav"))) == 2
    assert bar.voice_status.isVisible()

    tap(qtbot, window.language.buttons["fr"])  # back to a language with a voice
    qtbot.waitUntil(lambda: not bar.voice_status.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: len(list(heard.glob("*.wav"))) == 3, timeout=15000)
    assert bar.repeat_button.isVisible()


def test_switching_language_mid_way_speaks_the_screen_with_the_new_language_voice(
        qtbot, make_config, tmp_path):
    heard = tmp_path / "heard"
    heard.mkdir()
    config = make_config(voice__player=f"cp {{file}} {heard}/")
    window = build_window(config)
    qtbot.addWidget(window)
    window.show()
    attach_voice(window, config)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.nav_bar.language_button)
    tap(qtbot, window.language.buttons["uk"])
    assert window.current_screen is window.home  # the same screen, in Ukrainian
    # The home screen's speech, read by the Ukrainian voice the registry names: the same
    # audio as espeak-ng run by hand with that voice reaches the player.
    said = build_view(window.journey, window.kiosk.facts()).speech.text
    expected = _by_hand(said, "uk", tmp_path / "by-hand.wav")
    qtbot.waitUntil(lambda: expected in {_frames(path) for path in heard.glob("*.wav")},
                    timeout=15000)


def _by_hand(text: str, lang: str, out) -> bytes:
    """The samples espeak-ng gives for `text` run by hand with `lang`'s registry voice."""
    subprocess.run([shutil.which("espeak-ng"), "-v", languages.BY_CODE[lang].voice, "-s",
                    str(RateStep.NORMAL.words_per_minute), "-a", "100", "-w", str(out),
                    "--", text], check=True, capture_output=True)
    return _frames(out)


def _frames(path) -> bytes:
    """The samples of a WAV; nothing for one the player copy is still writing."""
    try:
        with wave.open(str(path)) as wav:
            return wav.readframes(wav.getnframes())
    except (EOFError, wave.Error):
        return b""
