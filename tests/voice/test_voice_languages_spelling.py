"""A receipt reference is spelled for the voice in every language of the registry: one clause
per character, which that language's espeak-ng voice names itself (issue 13).

`espeak-ng -x` prints the phonemes it would say, one line per clause: what the citizen hears,
without a sound card.
"""

import shutil
import subprocess

import pytest

from kiosk.i18n import tr
from kiosk.receipt import spell_reference
from kiosk.spelling import SYMBOL_KEYS, spell_out
from offline_cache.languages import LANGUAGES

REFERENCE = "K7M-4QF"


def phonemes(text: str, voice: str) -> list[str]:
    run = subprocess.run([shutil.which("espeak-ng"), "-v", voice, "-q", "-x", "--", text],
                         capture_output=True, text=True, check=True)
    return [line.strip() for line in run.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_each_character_of_a_reference_is_a_clause_the_language_voice_says(language):
    spelled = spell_reference(REFERENCE, language.code)
    parts = spelled.split(", ")
    assert parts == ["K", "7", "M", tr("spell.dash", language.code), "4", "Q", "F"]
    said = phonemes(spelled, language.voice)
    assert len(said) == len(REFERENCE), said  # a pause after every character


def test_digits_are_named_by_each_language_voice_not_by_a_french_word():
    """"7" alone is "sept" in French, "seven" in English: the digit is left to the voice."""
    seven = {language.code: phonemes("7", language.voice)[0] for language in LANGUAGES}
    assert seven["fr"] == phonemes("sept", "fr-fr")[0]
    assert seven["en"] == phonemes("seven", "en-gb")[0]
    assert len(set(seven.values())) == len(LANGUAGES), seven  # each says it its own way


def test_every_symbol_a_reference_may_hold_is_named_and_unknown_ones_are_left_out():
    assert spell_out("a/b.c_d e@f+g#h:i", "fr") == (
        "A, barre oblique, B, point, C, tiret bas, D, espace, E, arobase, F, plus, G, dièse, "
        "H, deux points, I")
    assert spell_out("A!B", "fr") == "A, B"
    for key in SYMBOL_KEYS.values():
        for language in LANGUAGES:
            assert tr(key, language.code).strip(), (key, language.code)
