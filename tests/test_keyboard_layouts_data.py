"""The layouts as data (kiosk/keyboard_layouts.py): one per registry language, each within
the rows the screen holds, with every letter its language writes."""

from __future__ import annotations

import pytest

from kiosk.keyboard_layouts import KEYS_PER_ROW, LAYOUTS, layout_for
from offline_cache.languages import LANGUAGES

# What each language writes beyond a-z (or instead of it), and must find on its keyboard.
NEEDED = {
    "fr": "abcdefghijklmnopqrstuvwxyzéèêàâçùûîïôë'",
    "en": "abcdefghijklmnopqrstuvwxyz'",
    "es": "abcdefghijklmnopqrstuvwxyzñáéíóúü",
    "pt": "abcdefghijklmnopqrstuvwxyzãõçáéíóúâêôà",
    "ro": "abcdefghijklmnopqrstuvwxyzșțăâî",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz'",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةى",
    "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئء",
}


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_language_has_its_keyboard_and_every_letter_it_writes(language):
    layout = layout_for(language.code)
    assert layout is LAYOUTS[language.keyboard]
    keys = "".join(layout.letter_rows)
    assert set(NEEDED[language.code]) <= set(keys)


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=lambda layout: layout.code)
def test_each_layout_fits_four_rows_of_thirteen_keys_without_a_key_twice(layout):
    for rows in (layout.letter_rows, layout.email_rows):
        assert len(rows) == 4
        assert all(len(row) <= KEYS_PER_ROW for row in rows)
        keys = "".join(rows)
        assert len(set(keys)) == len(keys)
    assert all(char.isascii() for char in "".join(layout.email_rows))


def test_turkish_capitals_are_turkish_and_others_follow_unicode():
    turkish = LAYOUTS["tr"]
    assert [turkish.capital(c) for c in "iıöşçğü"] == list("İIÖŞÇĞÜ")
    assert LAYOUTS["en"].capital("i") == "I"
    assert LAYOUTS["uk"].capital("ї") == "Ї" and LAYOUTS["uk"].capital("ґ") == "Ґ"
    assert LAYOUTS["ro"].capital("ș") == "Ș"  # comma below stays comma below


def test_scripts_without_case_have_no_capitals_key():
    assert not LAYOUTS["ar"].has_capitals and not LAYOUTS["fa"].has_capitals
    assert all(LAYOUTS[code].has_capitals for code in ("fr", "en", "es", "pt", "ro", "tr", "uk"))


def test_persian_has_its_own_yeh_and_kaf_and_arabic_its_own():
    assert {"ی", "ک"} <= set("".join(LAYOUTS["fa"].letter_rows))
    assert not {"ي", "ك"} & set("".join(LAYOUTS["fa"].letter_rows))
    assert {"ي", "ك"} <= set("".join(LAYOUTS["ar"].letter_rows))


def test_an_unknown_language_gets_the_french_keyboard():
    assert layout_for("xx") is LAYOUTS["fr"]
