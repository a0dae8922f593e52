"""Digits typed or pasted from an Arabic or Persian keyboard read as the Western digits they
are: one normaliser (offline_cache.digits) for every field, checked on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from offline_cache.digits import western_digits

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")  # U+0660-0669
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")  # U+06F0-06F9


def test_each_arabic_indic_and_persian_digit_is_its_western_digit():
    assert western_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert western_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert western_digits("٧٥٠٠١") == "75001"


@given(st.integers(min_value=0, max_value=10**20))
def test_a_number_written_in_arabic_or_persian_digits_is_the_same_number(number):
    western = str(number)
    assert western_digits(western.translate(ARABIC_INDIC)) == western
    assert western_digits(western.translate(PERSIAN)) == western


@given(st.text())
def test_only_digits_change_and_each_becomes_its_own_value(text):
    converted = western_digits(text)
    assert len(converted) == len(text)
    for before, after in zip(text, converted, strict=True):
        if unicodedata.category(before) == "Nd":
            assert after == str(unicodedata.decimal(before))
        else:
            assert after == before


@given(st.text())
def test_no_digit_but_a_western_one_is_left_and_a_second_pass_changes_nothing(text):
    converted = western_digits(text)
    assert all(char.isascii() for char in converted if unicodedata.category(char) == "Nd")
    assert western_digits(converted) == converted


def test_letters_around_the_digits_stay_as_typed():
    assert western_digits("Rue ٣ مارس, 12 bis") == "Rue 3 مارس, 12 bis"
    assert western_digits("Київ ٢") == "Київ 2"
