"""The language registry: every language the kiosk offers, declared once as data.

Why here, in the layer both ends share: the kiosk's screens, voice and keyboards and the back
office's tracking page and settings form read the same entries. Adding a language is its
catalogues (`.po` files) plus one entry below.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Direction(enum.Enum):
    """Which way a language's lines run; Qt mirrors the whole layout for RIGHT_TO_LEFT."""

    LEFT_TO_RIGHT = "ltr"
    RIGHT_TO_LEFT = "rtl"


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # the kiosk's code: config files, payloads, catalogues, .po folders
    name: str  # its own name, written in itself: what the language button shows
    french_name: str  # what staff and the back office read
    voice: str | None  # the espeak-ng voice; None: no voice, the screen says so instead
    direction: Direction
    keyboard: str  # the on-screen keyboard layout (kiosk/keyboard_layouts.py)
    locale: str  # Babel's locale for dates, times and numbers
    font: str | None = None  # a shipped fallback family for glyphs Atkinson Hyperlegible lacks

    @property
    def right_to_left(self) -> bool:
        return self.direction is Direction.RIGHT_TO_LEFT


SOURCE_LANGUAGE = "fr"  # every message is written in French first; others translate it

_LTR, _RTL = Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT
_ARABIC_FONT = "Noto Sans Arabic UI"
_CYRILLIC_FONT = "Noto Sans"  # Atkinson Hyperlegible has no Cyrillic (nor Turkish İ)

LANGUAGES: tuple[Language, ...] = (
    Language("fr", "Français", "français", "fr-fr", _LTR, "fr", "fr_FR"),
    Language("en", "English", "anglais", "en-gb", _LTR, "en", "en_GB"),
    Language("ar", "العربية", "arabe", "ar", _RTL, "ar", "ar", _ARABIC_FONT),
    Language("es", "Español", "espagnol", "es", _LTR, "es", "es_ES"),
    Language("pt", "Português", "portugais", "pt", _LTR, "pt", "pt_PT"),
    Language("tr", "Türkçe", "turc", "tr", _LTR, "tr", "tr_TR"),
    Language("ro", "Română", "roumain", "ro", _LTR, "ro", "ro_RO"),
    Language("uk", "Українська", "ukrainien", "uk", _LTR, "uk", "uk_UA", _CYRILLIC_FONT),
    Language("fa", "فارسی", "persan", "fa", _RTL, "fa", "fa", _ARABIC_FONT),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)


def language(code: str) -> Language:
    """The registry entry for `code`; French for a code the registry does not know."""
    return BY_CODE.get(code) or BY_CODE[SOURCE_LANGUAGE]
