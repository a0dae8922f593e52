"""The keys of each language's on-screen keyboard, as data: one layout per `keyboard` id of the
language registry (offline_cache/languages.py); ui/widgets/keyboard.py draws them.

Why each layout looks like the keyboard its speakers know: the letters sit in the order of
their national layout (AZERTY, QWERTY, Turkish Q, ЙЦУКЕН, the standard Arabic and Persian
ones), with the accented letters their language needs on keys of their own, at the ends of the
rows. Four rows of at most KEYS_PER_ROW keys, and a fifth for capitals, space, erase and
validate: five rows of 72 px keys leave room for the question on an 800 px screen, even at the
largest text size.

A keyboard of another script (Arabic, Persian, Cyrillic) has a key that brings the French
letters, and back: a name on French papers is written in Latin letters, and the citizen
may need to type it so. E-mail addresses and references stay in Latin letters whatever the
language: an address is typed in the Latin arrangement the citizen is most likely to know
(AZERTY in France and the Maghreb, QWERTY elsewhere).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from offline_cache.languages import language

KEYS_PER_ROW = 13
NON_JOINER = "\u200c"  # ZERO WIDTH NON-JOINER: letters apart, no space between

_LATIN_TOP = "1234567890-,."  # digits first: an address, a flat number, a date in a text
# Western digits, as the back office reads; on a keyboard of another script the last two
# keys of this row switch to the Latin letters (their signs move into the letter rows).
_SWITCHING_TOP = "1234567890-"
LATIN_LAYOUT = "fr"  # the letters a name on French papers is written in, with its accents
_AZERTY_EMAIL = ("1234567890-_.", "azertyuiop@", "qsdfghjklm", "wxcvbn")
_QWERTY_EMAIL = ("1234567890-_.", "qwertyuiop@", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True, slots=True)
class KeyboardLayout:
    """One keyboard: each row a string of keys, one character per key, small letters."""

    code: str  # the registry's `keyboard` id
    letter_rows: tuple[str, ...]  # for names and free text
    email_rows: tuple[str, ...] = _QWERTY_EMAIL
    # Where Unicode's casing is not this language's: Turkish i/İ and ı/I.
    special_capitals: Mapping[str, str] = field(default_factory=dict)
    # A script other than Latin: what the key that brings its letters back shows.
    script_sample: str = ""
    # Persian writes a prefix or a suffix apart from its word without a space ("می‌خواهم",
    # "خیابان‌ها"): the zero-width non-joiner, on Shift+Space in the national layout
    # (ISIRI 9147). The keyboard gives it a key of its own, where capitals would be.
    non_joiner: bool = False

    @property
    def switches_to_latin(self) -> bool:
        return bool(self.script_sample)

    def capital(self, small: str) -> str:
        """The capital a key shows after "Majuscule"; the small letter when it has none (the
        Arabic and Persian letters, signs, or "ß" whose upper case is two letters)."""
        if small in self.special_capitals:
            return self.special_capitals[small]
        upper = small.upper()
        return upper if len(upper) == 1 else small

    @property
    def has_capitals(self) -> bool:
        """False for a script without case: the keyboard then has no "Majuscule" key."""
        return any(self.capital(char) != char for row in self.letter_rows for char in row)


LAYOUTS: Mapping[str, KeyboardLayout] = {layout.code: layout for layout in (
    KeyboardLayout("fr", (_LATIN_TOP, "azertyuiopéèê", "qsdfghjklmàâç", "wxcvbnùûîïôë'"),
                   _AZERTY_EMAIL),
    KeyboardLayout("en", (_LATIN_TOP, "qwertyuiop", "asdfghjkl'", "zxcvbnm")),
    KeyboardLayout("es", (_LATIN_TOP, "qwertyuiopáé", "asdfghjklñíó", "zxcvbnmúü'")),
    KeyboardLayout("pt", (_LATIN_TOP, "qwertyuiopáéí", "asdfghjklçóúà", "zxcvbnmãõâêô'")),
    # ș and ț with the comma below (U+0219, U+021B), not the cedilla of ş and ţ.
    KeyboardLayout("ro", (_LATIN_TOP, "qwertyuiopăî", "asdfghjklșțâ", "zxcvbnm'")),
    # Turkish Q: the dotless ı where QWERTY has i, the dotted i beside ş; their capitals are
    # I and İ, which str.upper() gets wrong for i ("I").
    KeyboardLayout("tr", (_LATIN_TOP, "qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç'"),
                   special_capitals={"i": "İ", "ı": "I"}),
    # ЙЦУКЕН with і ї є ґ, and the apostrophe of "м'ята", typed as the name check expects.
    KeyboardLayout("uk", (_SWITCHING_TOP, "йцукенгшщзхїґ", "фівапролджє'", "ячсмитьбю,."),
                   script_sample="АБВ"),
    # The standard Arabic layout (ذ is left of 1 there), the hamza forms at the row ends.
    KeyboardLayout("ar", (_SWITCHING_TOP, "ضصثقفغعهخحجدذ", "شسيبلاتنمكطأإ", "ئءؤرىةوزظآ،."),
                   _AZERTY_EMAIL, script_sample="أبت"),
    # The standard Persian layout: its own ی and ک (not the Arabic ي and ك), پ چ ژ گ.
    KeyboardLayout("fa", (_SWITCHING_TOP, "ضصثقفغعهخحجچ", "شسیبلاتنمکگ،.", "ظطزرذدپوژآئء"),
                   script_sample="ابپ", non_joiner=True),
)}


def latin_rows() -> tuple[str, ...]:
    """The Latin letters a keyboard of another script switches to, in the same rows: the
    top row ends where the switching key sits."""
    top, *letters = LAYOUTS[LATIN_LAYOUT].letter_rows
    return (top[:len(_SWITCHING_TOP)], *letters)


def layout_for(lang: str) -> KeyboardLayout:
    """The keyboard of a language of the registry; French for a code it does not know."""
    return LAYOUTS[language(lang).keyboard]
