"""The form's messages: French fallback, sentences short enough to say, keys of their own.

Every language keeping the French {fields} is tests/test_i18n.py's, for every catalogue.
"""

from __future__ import annotations

from kiosk.forms.messages import MESSAGES, message


def test_a_missing_language_falls_back_to_french():
    assert message("form.yes", "de") == "Oui"


def test_messages_are_short_enough_to_read_aloud():
    for key, text in MESSAGES.templates("fr"):
        for sentence in text.split(". "):
            assert len(sentence.split()) <= 20, key


def test_message_keys_do_not_clash_with_the_interface_catalogue():
    from kiosk import i18n

    assert not set(MESSAGES) & set(i18n.MESSAGES)
