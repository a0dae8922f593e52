"""Turn a reference like "K7M-4QF" into words read one character at a time, in any language.

A citizen copies the receipt reference from the voice, so each character must be heard alone:
characters are separated by pauses (commas). Letters are given in capitals and digits as
digits, which the language's own espeak-ng voice reads as the letter's name and the digit's
number ("K, 7" is "ka, sept" in French, "kɛ, yedi" in Turkish; the Arabic, Persian and
Ukrainian voices name Latin letters as English does, as people there do): measured with
`espeak-ng -v <voice> -x` for every language of the registry. Symbols are named by
translatable messages ("tiret"), because espeak-ng skips most punctuation or reads it as a
pause.
"""

from __future__ import annotations

from kiosk.i18n import tr

SYMBOL_KEYS = {"-": "spell.dash", "/": "spell.slash", ".": "spell.dot", "_": "spell.underscore",
               " ": "spell.space", "@": "spell.at", "+": "spell.plus", "#": "spell.hash",
               ":": "spell.colon"}


def spell_out(text: str, lang: str) -> str:
    """The text as a comma-separated list of characters and symbol names, in `lang`.

    A lone lower-case letter may be read as a word ("a" -> "à"), hence the capitals;
    characters that are neither alphanumeric nor a named symbol are left out.
    """
    parts = []
    for character in text.strip():
        if character.isalnum():
            parts.append(character.upper())
        elif character in SYMBOL_KEYS:
            parts.append(tr(SYMBOL_KEYS[character], lang))
    return ", ".join(parts)
