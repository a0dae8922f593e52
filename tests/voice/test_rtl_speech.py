"""The bidi isolates that keep a French name in order inside an Arabic line (offline_cache.bidi)
reach the voice too: the real espeak-ng says nothing for them. Its command line is the kiosk's
engine on Linux; pyttsx3 (the fallback) gives the same length in a manual check, but writes no
file now and then when several tests share its engine, so it is not tested here."""

import wave

import pytest

from kiosk.views import ViewFacts, build_view
from kiosk.voice.options import pick_voice
from kiosk.voice.worker import EspeakCliEngine
from offline_cache.bidi import FSI, PDI, RLM
from tests.test_rtl_bidi import birth_certificate_at_review


def frames(path) -> bytes:
    with wave.open(str(path)) as audio:
        return audio.readframes(audio.getnframes())


def isolated_line(lang: str) -> str:
    """The review's line for the commune, as a headset would say it."""
    speech = build_view(birth_certificate_at_review(lang),
                        ViewFacts(read_answers_aloud=True)).speech.text  # a headset: said
    start = speech.index(f"{FSI}97110")
    line = speech[speech.rindex(" ", 0, start - 1) + 1:speech.index(PDI, start) + 2]
    assert FSI in line and "Pointe-à-Pitre" in line
    return line


def say_both(engine, lang: str, folder) -> tuple:
    line = isolated_line(lang)
    bare = "".join(char for char in line if char not in (FSI, PDI, RLM))
    voice = pick_voice(lang, engine.voices())
    engine.synthesize(line, voice, 150, 100, str(folder / "isolated.wav"))
    engine.synthesize(bare, voice, 150, 100, str(folder / "bare.wav"))
    return folder / "isolated.wav", folder / "bare.wav"


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_the_command_line_voice_says_an_isolated_commune_exactly_as_a_bare_one(lang, tmp_path):
    """espeak-ng's command line, the kiosk's engine on Linux: the very same samples."""
    isolated, bare = say_both(EspeakCliEngine(), lang, tmp_path)
    assert frames(isolated) == frames(bare)
