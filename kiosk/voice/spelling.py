"""Turn a reference like "AB-12/7" into words read one character at a time.

A citizen copies the receipt reference from the voice, so each character must be heard alone:
letters and digits are separated by pauses (commas), and symbols are named in the citizen's
language, because espeak-ng skips most punctuation or reads it as a pause.
"""

from __future__ import annotations

SYMBOL_NAMES: dict[str, dict[str, str]] = {
    "fr": {"-": "tiret", "/": "barre oblique", ".": "point", "_": "tiret bas", " ": "espace",
           "@": "arobase", "+": "plus", "#": "dièse", ":": "deux points"},
    "en": {"-": "dash", "/": "slash", ".": "dot", "_": "underscore", " ": "space",
           "@": "at", "+": "plus", "#": "hash", ":": "colon"},
}


def spelled(text: str, lang: str) -> str:
    """The text as a comma-separated list of characters and symbol names.

    Letters are given in capitals: espeak-ng reads a lone capital as the letter's name
    ("B" -> "bé") but may read a lone lower-case letter as a word ("a" -> "à").
    """
    names = SYMBOL_NAMES.get(lang, SYMBOL_NAMES["fr"])
    parts = []
    for character in text.strip():
        if character.isalnum():
            parts.append(character.upper())
        elif character in names:
            parts.append(names[character])
    return ", ".join(parts) + "."
