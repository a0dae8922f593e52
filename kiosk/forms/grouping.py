"""Digits grouped as people write them, while they type: "1 85 05 78 006 084 36", "06 12 34 56 78".

A long run of digits is hard to check against a card; grouped as on the card, a wrong digit
shows. The validators accept the spaces, so the grouped text is what the form receives.
"""

from __future__ import annotations

import phonenumbers

from offline_cache.digits import western_digits

NIR_GROUPS = (1, 2, 2, 2, 3, 3, 2)  # sex, year, month, department, commune, order, key
NIR_LENGTH = sum(NIR_GROUPS)
PHONE_MAX_DIGITS = 17  # "+" and 15 digits (E.164), and a little slack for a leading 00


def compact(text: str) -> str:
    """Without spaces, in Western digits: a pasted "٠٦ ١٢" is regrouped as "06 12"."""
    return western_digits("".join(text.split()))


def group_nir(text: str) -> str:
    """The social security number in the groups of the carte Vitale."""
    rest, groups = compact(text).upper()[:NIR_LENGTH], []
    for size in NIR_GROUPS:
        if not rest:
            break
        groups.append(rest[:size])
        rest = rest[size:]
    return " ".join(groups)


def group_phone(text: str) -> str:
    """A French number in pairs ("06 12 34 56 78"), an international one as its country
    writes it ("+590 690 12 34 56"), formatted as each digit arrives."""
    formatter = phonenumbers.AsYouTypeFormatter("FR")
    shown = ""
    for char in compact(text)[:PHONE_MAX_DIGITS]:
        shown = formatter.input_digit(char)
    return shown
