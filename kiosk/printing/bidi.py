"""Which way each piece of a printed line runs: the Unicode bidi levels of one paragraph.

Why here and not left to libraqm: raqm orders and shapes a whole line, but only in one font,
and no shipped font has both Arabic and Latin letters (Noto Sans Arabic UI has no Latin,
Atkinson Hyperlegible no Arabic). The receipt line is cut into runs of one direction here,
each run is then drawn by raqm in the font that has its letters. This is UAX #9 for one
paragraph of plain text (rules P2-P3, W1-W7, N1-N2, I1-I2, L2) with isolates (BD13, X5a-X5c:
messages in a right-to-left language put each filled-in field in one, offline_cache.bidi);
the older embeddings and overrides (LRE, RLO...), which no message uses, count as neutrals.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from offline_cache.bidi import reads_right_to_left

_NUMBER = {"EN", "AN"}
PDI = "\u2069"
_OPENS = {"\u2066": False, "\u2067": True, "\u2068": None}  # LRI, RLI, FSI (by content)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    rtl: bool


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character: even runs left to right, odd right to left."""
    return _levels(text, 1 if rtl else 0)


def _levels(text: str, base: int) -> list[int]:
    """Levels at embedding level `base`: each isolate's inside is resolved on its own, one
    level up (X5a-X5c); outside, the isolate counts as one neutral (BD13)."""
    outside, isolates = _isolates(text)
    parity = base % 2
    result = [base] * len(text)
    resolved = _resolve([text[i] for i in outside], bool(parity))
    for index, level in zip(outside, resolved, strict=True):
        result[index] = level + base - parity
    for start, end, rtl in isolates:
        inside = text[start:end]
        if rtl is None:
            rtl = reads_right_to_left(inside)
        inner = base + 1 if (base % 2 == 0) == rtl else base + 2  # next odd, or next even
        result[start:end] = _levels(inside, inner)
    return result


def _isolates(text: str) -> tuple[list[int], list[tuple[int, int, bool | None]]]:
    """The indices outside any isolate (its marks included), and each top-level isolate's
    inside as (start, end, right to left: True, False, or None to take its first letter's)."""
    outside: list[int] = []
    isolates: list[tuple[int, int, bool | None]] = []
    i = 0
    while i < len(text):
        outside.append(i)
        if text[i] not in _OPENS:
            i += 1
            continue
        depth, j = 1, i + 1
        while j < len(text) and depth:
            depth += 1 if text[j] in _OPENS else -1 if text[j] == PDI else 0
            j += 1
        end = j - 1 if depth == 0 else len(text)  # an isolate left open runs to the end
        isolates.append((i + 1, end, _OPENS[text[i]]))
        if depth == 0:
            outside.append(end)  # its PDI
        i = j
    return outside, isolates


def _resolve(chars: list[str], rtl: bool) -> list[int]:
    """W1-W7, N1-N2, I1-I2 over one isolating run sequence: levels 0-2 (1-2 if rtl)."""
    base = "R" if rtl else "L"
    kinds = [unicodedata.bidirectional(char) or "ON" for char in chars]
    previous = base  # W1: a combining mark takes the type of what it sits on
    for i, kind in enumerate(kinds):
        kinds[i] = previous if kind == "NSM" else kind
        previous = kinds[i]
    strong = base  # W2, W3, W7: numbers take their colour from the last strong letter
    for i, kind in enumerate(kinds):
        if kind in ("L", "R", "AL"):
            strong = kind
            kinds[i] = "R" if kind == "AL" else kind
        elif kind == "EN" and strong == "AL":
            kinds[i] = "AN"
    for i in range(1, len(kinds) - 1):  # W4: one separator between two numbers of a kind
        left, right = kinds[i - 1], kinds[i + 1]
        if left == right and ((kinds[i] == "ES" and left == "EN")
                              or (kinds[i] == "CS" and left in _NUMBER)):
            kinds[i] = left
    _terminators_join_numbers(kinds)  # W5
    kinds = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in kinds]  # W6
    strong = base
    for i, kind in enumerate(kinds):  # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[i] = "L"
    _resolve_neutrals(kinds, base)
    if rtl:  # I2: in a right-to-left paragraph, letters and numbers left to right go up one
        return [1 if kind == "R" else 2 for kind in kinds]
    return [{"L": 0, "R": 1}.get(kind, 2) for kind in kinds]  # I1


def _terminators_join_numbers(kinds: list[str]) -> None:
    """W5: a currency or percent sign next to a European number counts as part of it."""
    i = 0
    while i < len(kinds):
        if kinds[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] == "ET":
            end += 1
        if (i > 0 and kinds[i - 1] == "EN") or (end < len(kinds) and kinds[end] == "EN"):
            kinds[i:end] = ["EN"] * (end - i)
        i = end


def _resolve_neutrals(kinds: list[str], base: str) -> None:
    """N1-N2: spaces and punctuation between two runs of one direction take it (numbers
    count as right to left), else the paragraph's direction."""
    def side(kind: str) -> str:
        return "R" if kind in ("R", "EN", "AN") else "L"

    i = 0
    while i < len(kinds):
        if kinds[i] in ("L", "R", "EN", "AN"):
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] not in ("L", "R", "EN", "AN"):
            end += 1
        before = side(kinds[i - 1]) if i > 0 else base
        after = side(kinds[end]) if end < len(kinds) else base
        kinds[i:end] = [before if before == after else base] * (end - i)
        i = end


def visual_runs(text: str, rtl: bool) -> list[Run]:
    """The line cut into runs of one level, left to right as they appear on paper (L2)."""
    if not text:
        return []
    per_char = levels(text, rtl)
    runs: list[tuple[int, str]] = []
    for char, level in zip(text, per_char, strict=True):
        if runs and runs[-1][0] == level:
            runs[-1] = (level, runs[-1][1] + char)
        else:
            runs.append((level, char))
    lowest_odd = min(level for level, _ in runs if level % 2) if any(
        level % 2 for level, _ in runs) else None
    if lowest_odd is not None:
        for depth in range(max(level for level, _ in runs), lowest_odd - 1, -1):
            i = 0
            while i < len(runs):
                if runs[i][0] < depth:
                    i += 1
                    continue
                end = i
                while end < len(runs) and runs[end][0] >= depth:
                    end += 1
                runs[i:end] = reversed(runs[i:end])
                i = end
    return [Run(chunk, bool(level % 2)) for level, chunk in runs]
