"""Each language of the registry is spoken with its own espeak-ng voice (issue 13), and a
language whose voice is missing is said to be missing, never read by another voice.

Real espeak-ng through the real worker and `kiosk voice say`; the WAV is measured.
"""

import dataclasses
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.voice import VoiceHealth
from kiosk.voice.options import SPELL_WPM, RateStep
from kiosk.voice.wavinfo import measure
from offline_cache import languages
from offline_cache.languages import LANGUAGES

# A sentence of each language, as a citizen would hear it on the language screen.
SENTENCES = {
    "fr": "Bonjour, choisissez votre langue.",
    "en": "Hello, choose your language.",
    "ar": "مرحبا، اختر لغتك.",
    "es": "Hola, elija su idioma.",
    "pt": "Olá, escolha a sua língua.",
    "tr": "Merhaba, dilinizi seçin.",
    "ro": "Bună ziua, alegeți limba.",
    "uk": "Добрий день, оберіть мову.",
    "fa": "سلام، زبان خود را انتخاب کنید.",
}
MIN_SECONDS, MIN_RMS, MIN_PEAK = 0.5, 0.01, 0.1  # a sentence, not a click or silence


def test_every_language_of_the_registry_has_a_sentence_here():
    assert set(SENTENCES) == {language.code for language in LANGUAGES}


def _frames(path: Path) -> bytes:
    with wave.open(str(path)) as wav:
        return wav.readframes(wav.getnframes())


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_kiosk_voice_say_speaks_each_language_with_the_registry_voice(
        language, tmp_path, fake_player, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
                      f'[voice]\nplayer = "{fake_player.command}"\n', encoding="utf-8")
    out = tmp_path / f"{language.code}.wav"
    assert main(["voice", "say", "--config", str(config), "--lang", language.code,
                 "--to", str(out), SENTENCES[language.code]]) == 0, capsys.readouterr().err
    figures = measure(out)
    assert figures.duration_s > MIN_SECONDS, figures
    assert figures.rms > MIN_RMS and figures.peak > MIN_PEAK, figures
    # The very voice the registry names: espeak-ng run by hand with it gives the same audio.
    reference = tmp_path / "by-hand.wav"
    subprocess.run([shutil.which("espeak-ng"), "-v", language.voice, "-s",
                    str(RateStep.NORMAL.words_per_minute), "-a", "100", "-w", str(reference),
                    "--", SENTENCES[language.code]], check=True, capture_output=True)
    assert _frames(out) == _frames(reference)


def _missing(code: str, voice: str | None) -> None:
    """Mock for a missing voice package: the registry names a voice espeak-ng does not have
    here (or none), which cannot be caused for real without uninstalling espeak-ng-data."""
    languages.BY_CODE[code] = dataclasses.replace(languages.BY_CODE[code], voice=voice)


@pytest.mark.parametrize("voice", ["tr-no-such-voice", None], ids=["not-installed", "none"])
def test_a_language_whose_voice_is_missing_is_never_read_by_another_voice(
        voice, make_service, fake_player, wait_for, monkeypatch):
    monkeypatch.setitem(languages.BY_CODE, "tr", languages.BY_CODE["tr"])  # restored after
    _missing("tr", voice)
    service = make_service(player=fake_player.command)
    with pytest.raises(RuntimeError, match="no voice for language 'tr'"):
        service.synthesize(SENTENCES["tr"], "tr").result(10)
    service.speak(SENTENCES["tr"], lang="tr")
    wait_for(lambda: service.health is VoiceHealth.NO_VOICE, what="NO_VOICE")
    service.speak(SENTENCES["fr"], lang="fr")  # French still has its voice
    wait_for(lambda: len(fake_player.ended()) == 1, what="the French sentence played")
    assert service.health is VoiceHealth.OK
    assert len(fake_player.started()) == 1  # the Turkish one was never played


def test_a_spelled_reference_is_slow_in_every_language(make_service):
    """speak(spell=True) reads a character at a time at SPELL_WPM, in the language's voice."""
    service = make_service()
    for language in LANGUAGES:
        plain = measure(service.synthesize("K7M-4QF", language.code).result(10))
        spelled = measure(service.synthesize("K7M-4QF", language.code, spell=True).result(10))
        assert spelled.duration_s > 2 * plain.duration_s, (language.code, SPELL_WPM)


def test_kiosk_doctor_names_the_language_whose_voice_is_missing(make_config, fake_player,
                                                                monkeypatch):
    from kiosk.voice import voice_checks

    monkeypatch.setitem(languages.BY_CODE, "tr", languages.BY_CODE["tr"])  # restored after
    _missing("tr", "tr-no-such-voice")
    checks = {name: (ok, message) for name, ok, message in
              voice_checks(make_config(voice__player=fake_player.command))}
    ok, message = checks["voice for 'tr'"]
    assert not ok and "'tr-no-such-voice'" in message and "interface.languages" in message
    assert checks["voice for 'fr'"][0] and checks["voice for 'fa'"][0]
