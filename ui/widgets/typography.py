"""No line starts with "?", "!", ":", ";" or "»", nor ends with "«".

French puts a space before those signs and inside its quotation marks, and Qt breaks a line
at any space: at the largest text size "qui passent ?" left its "?" alone on the next line.
The space there becomes a no-break space on screen (what French typography prescribes); the
text a widget was given, the one its `text()` returns, keeps its plain spaces.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
_SPACE_BEFORE_SIGN = re.compile(r" +(?=[?!:;»])")
_SPACE_AFTER_QUOTE = re.compile(r"(?<=«) +")


def glued(text: str) -> str:
    """`text` with no-break spaces where French sets its signs apart from their words."""
    return _SPACE_AFTER_QUOTE.sub(NO_BREAK_SPACE, _SPACE_BEFORE_SIGN.sub(NO_BREAK_SPACE, text))


def words(line: str) -> list[str]:
    """The words a line may break between: at plain spaces only, not at no-break ones."""
    return [word for word in re.split(r"[ \t\n]+", line) if word]
