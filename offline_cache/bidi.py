"""Mixed scripts in a right-to-left sentence: Unicode bidi isolates around what is filled in.

A French commune name, a phone number or a reference filled into an Arabic or Persian
sentence must keep its own direction without turning the sentence around. Unicode's
"first strong isolate" (FSI U+2068 ... PDI U+2069) does that: what is inside takes the
direction of its own first letter (digits alone read left to right), and the sentence around
it keeps the direction of its own words, whatever comes first. It is what Fluent and ICU
do with every placeable. Screens (Qt), browsers and espeak-ng (which says nothing for them)
all understand the two characters.

Why here, in the layer both ends share: `Messages.text` (offline_cache.translations) fills
every message's fields, and the kiosk's views use the same helpers for values shown alone.
"""

from __future__ import annotations

import unicodedata
from string import Formatter

from offline_cache.languages import language

FSI = "\u2068"  # first strong isolate: opens an isolate that takes its content's direction
PDI = "\u2069"  # pop directional isolate: closes it
RLM = "\u200f"  # right-to-left mark: a line that holds only an isolate reads right to left
LRM = "\u200e"  # left-to-right mark: ... or left to right
_OPENS_ISOLATE = frozenset(("\u2066", "\u2067", FSI))  # LRI, RLI, FSI


def isolate(text: str) -> str:
    """`text` in an isolate of its own direction; empty stays empty."""
    return f"{FSI}{text}{PDI}" if text else text


def isolated_in(lang: str, text: str) -> str:
    """`text` as an isolate in a right-to-left `lang`, as it is in other languages."""
    return isolate(text) if language(lang).right_to_left else text


def isolating_fields(template: str) -> str:
    """A `str.format` template whose every {field} (format spec kept) is an isolate."""
    parts = []
    for literal, field, spec, conversion in Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            conversion = f"!{conversion}" if conversion else ""
            spec = f":{spec}" if spec else ""
            parts.append(f"{FSI}{{{field}{conversion}{spec}}}{PDI}")
    return "".join(parts)


def template_for(lang: str, template: str) -> str:
    """The template as `lang` fills it: fields isolated in a right-to-left language."""
    return isolating_fields(template) if language(lang).right_to_left else template


def list_in(lang: str, listed: str) -> str:
    """A list of isolated items (each filled in by `Messages.text`) as it reads in `lang`.
    Filled into a sentence, the list is an isolate too, and an isolate takes the direction
    of its first strong letter outside the isolates it holds: it has none, so the Arabic
    list would run left to right, its first item at the left. A mark of the language's
    direction before it gives it that direction."""
    if not listed or not language(lang).right_to_left:
        return listed
    return f"{RLM}{listed}"


def aligned_with(lang: str, heading: str, value: str) -> str:
    """A value on a line of its own under `heading` (a review answer under its question, a
    reference under the receipt's title), in a right-to-left `lang`: an isolate, so
    "Saint-Étienne" or "06 12 34 56 78" keeps its order, after the mark of the heading's
    direction, so it starts on the heading's side (the right under Arabic, the left under a
    question the catalogue has only in French) instead of at the far end."""
    if not value or not language(lang).right_to_left:
        return value
    return f"{RLM if reads_right_to_left(heading) else LRM}{isolate(value)}"


def reads_right_to_left(text: str) -> bool:
    """Whether `text` is a right-to-left paragraph, as Qt and the Unicode bidi algorithm
    decide it (rules P2, P3): by its first strong letter outside isolates; left to right
    without one."""
    depth = 0
    for char in text:
        if char in _OPENS_ISOLATE:
            depth += 1
        elif char == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return False
            if kind in ("R", "AL"):
                return True
    return False
