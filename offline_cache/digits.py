"""Western digits for whatever digits a person typed or pasted: "٧٥٠٠١" and "۷۵۰۰۱" are 75001.

Why: a phone set to Arabic or Persian types Arabic-Indic (U+0660-0669) or Persian
(U+06F0-06F9) digits, and so does a pasted text; a postal code, a phone number or a reference
is the same number whatever digits it is written in. Every decimal digit Unicode knows is
mapped (fullwidth digits from an Asian keyboard too), as Python's `int()` reads them.

Why here, in the layer both ends share: the kiosk's validators and the back office's tracking
page read the same typed references and numbers.
"""

from __future__ import annotations

import unicodedata


def western_digits(text: str) -> str:
    """`text` with every decimal digit written 0-9; every other character left as it is."""
    if text.isascii():
        return text  # the usual case, and the cheap one
    return "".join(_western(char) for char in text)


def _western(char: str) -> str:
    if char.isascii():
        return char
    value = unicodedata.decimal(char, None)
    return char if value is None else "0123456789"[value]
