"""What every output shares: which line is the reference, and wrapping to a width."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from kiosk.receipt import ALPHABET

_REFERENCE = re.compile(rf"\b[{ALPHABET}]{{3}}-[{ALPHABET}]{{3}}\b")


def reference_in(qr_payload: str, lines: list[str]) -> str:
    """The receipt's reference: the QR link's `ref=`, else the first look-alike in the lines.

    The printer gets plain lines; knowing the reference lets it print that line big and bold
    and lets a failure message repeat it to the citizen.
    """
    found = parse_qs(urlsplit(qr_payload).query).get("ref", [""])[0]
    if _REFERENCE.fullmatch(found):
        return found
    for line in lines:
        match = _REFERENCE.search(line)
        if match:
            return match.group(0)
    return ""


def is_reference_line(line: str, reference: str) -> bool:
    return bool(reference) and reference in line


def wrap(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Greedy word wrap where `fits` says whether a piece fits the line (chars or pixels).

    A word longer than a whole line (a URL) is cut, never left to overflow the paper.
    """
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            out.append(current)
        while not fits(word) and len(word) > 1:
            cut = max(1, next(i for i in range(len(word), 0, -1) if fits(word[:i]) or i == 1))
            out.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not out:
        out.append(current)
    return out


def wrap_chars(text: str, width: int) -> list[str]:
    """Wrap to a number of characters (thermal printers use a fixed-width font)."""
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
