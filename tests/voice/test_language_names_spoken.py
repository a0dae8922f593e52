"""The language screen names each language in its own voice, one after the other (issue 13):
a person who reads none of the screen hears their language. Real espeak-ng through the real
worker; the stand-in player logs what it played."""

import dataclasses
import shutil
import subprocess
import wave
from pathlib import Path

from kiosk.voice import VoiceHealth
from kiosk.voice.options import RateStep
from offline_cache import languages
from offline_cache.languages import language

TITLE = "Choisissez votre langue."
NAMES = [("English.", "en"), ("العربية.", "ar"), ("Español.", "es")]


def _frames(path: Path | str) -> bytes:
    with wave.open(str(path)) as wav:
        return wav.readframes(wav.getnframes())


def _by_hand(text: str, lang: str, out: Path) -> bytes:
    subprocess.run([shutil.which("espeak-ng"), "-v", language(lang).voice, "-s",
                    str(RateStep.NORMAL.words_per_minute), "-a", "100", "-w", str(out), "--",
                    text], check=True, capture_output=True)
    return _frames(out)


def test_each_name_is_said_after_the_title_in_its_own_voice(make_service, fake_player,
                                                            recorder, wait_for, tmp_path):
    service = make_service(player=fake_player.command)
    service.speak(TITLE, lang="fr", then=NAMES)
    wait_for(lambda: len(fake_player.ended()) == 4, what="the title and the three names")
    played = fake_player.started()
    assert fake_player.ended() == played  # one after the other, none cut
    heard = [_frames(path) for path in played]
    expected = [_by_hand(text, lang, tmp_path / f"{lang}.wav")
                for text, lang in [(TITLE, "fr"), *NAMES]]
    assert heard == expected  # the Arabic name by the Arabic voice, not by the French one
    assert service.health is VoiceHealth.OK


def test_a_language_without_a_voice_is_left_out_without_a_warning(make_service, fake_player,
                                                                  recorder, wait_for):
    service = make_service(player=fake_player.command)
    service.speak(TITLE, lang="fr", then=[("Klingon.", "tlh"), ("English.", "en")])
    wait_for(lambda: len(fake_player.ended()) == 2, what="the title and the English name")
    assert VoiceHealth.NO_VOICE.value not in recorder.healths()  # the screen's voice is fine


def test_a_tap_during_the_names_silences_the_ones_not_said_yet(make_service, make_player,
                                                               wait_for):
    player = make_player(speed=1.0)  # real time
    service = make_service(player=player.command)
    service.speak(TITLE, lang="fr", then=NAMES)
    wait_for(lambda: len(player.started()) == 2, what="the first name to start")
    service.speak("Réglez la taille du texte.", lang="fr")  # the next screen
    wait_for(lambda: len(player.ended()) == 2, what="the next screen's sentence")
    title, _english, next_screen = player.started()
    assert player.ended() == [title, next_screen]  # English cut; Arabic and Spanish never said


def test_a_title_without_a_voice_is_not_said_but_the_names_still_are(
        make_service, fake_player, recorder, wait_for, tmp_path, monkeypatch):
    # Mock for a missing voice package (see test_voice_languages_synthesis): the registry
    # names a Turkish voice espeak-ng does not have here.
    turkish = dataclasses.replace(languages.BY_CODE["tr"], voice="tr-no-such-voice")
    monkeypatch.setitem(languages.BY_CODE, "tr", turkish)
    service = make_service(player=fake_player.command)
    service.speak("Dilinizi seçin.", lang="tr", then=[("Français.", "fr")])
    wait_for(lambda: len(fake_player.ended()) == 1, what="the French name")
    [played] = fake_player.started()
    assert _frames(played) == _by_hand("Français.", "fr", tmp_path / "fr.wav")
    assert recorder.healths()[-1] == VoiceHealth.NO_VOICE.value  # the screen's language
