"""Every interface sentence exists in French and keeps its {fields} in each translation."""

import string

from kiosk.i18n import MESSAGES, tr


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_french_and_english_with_the_same_fields():
    for key, texts in MESSAGES.items():
        assert texts.get("fr"), key
        assert texts.get("en"), key
        for lang, text in texts.items():
            assert fields(text) == fields(texts["fr"]), (key, lang)


def test_a_missing_translation_falls_back_to_french():
    assert tr("nav.home", "de") == "Accueil"
    assert tr("idle.body", "en", seconds=12).endswith("in 12 seconds.")
