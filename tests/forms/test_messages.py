"""Every message exists in French and English and the translation keeps the French {fields}."""

from __future__ import annotations

import string

import pytest

from kiosk.forms.messages import MESSAGES, message


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_translation_keeps_the_french_fields(key):
    texts = MESSAGES[key]
    assert texts["fr"].strip() and texts["en"].strip()
    for lang, text in texts.items():
        assert fields(text) == fields(texts["fr"]), f"{key} [{lang}]"


def test_a_missing_language_falls_back_to_french():
    assert message("form.yes", "de") == "Oui"


def test_messages_are_short_enough_to_read_aloud():
    for key, texts in MESSAGES.items():
        for sentence in texts["fr"].split(". "):
            assert len(sentence.split()) <= 20, key


def test_message_keys_do_not_clash_with_the_interface_catalogue():
    from kiosk import i18n

    assert not set(MESSAGES) & set(i18n.MESSAGES)
