"""Find a commune by its name as the citizen types it, or by the digits of its postal code.

An 80-year-old knows "Thenon", not "24210". Accents, case, hyphens and apostrophes are
optional ("st etienne" finds "Saint-Étienne"), "St"/"Ste" stand for "Saint"/"Sainte", and the
results are ranked so that what was typed in full comes first: the exact name, then names that
begin with it, then names with a word that begins with it ("etienne" finds "Saint-Étienne").

The name index is built once from the offline table (kiosk.forms.communes), on the first
search: about 35,000 rows, a fraction of a second (measured by tests/forms/test_commune_search.py).
"""

from __future__ import annotations

import enum
import heapq
import threading
import unicodedata
from dataclasses import dataclass

from kiosk.forms.communes import Commune, all_communes, communes_for_postal_code
from offline_cache.digits import western_digits

DEFAULT_LIMIT = 40  # more buttons than that is a list nobody scrolls: type a few more letters
MIN_POSTAL_DIGITS = 2  # "2" alone matches a tenth of France
# Abbreviations people write for the words official names spell out.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


class Rank(enum.IntEnum):
    """How well a name matches what was typed; lower is better."""

    EXACT = 0  # the whole name, e.g. "thenon" for Thenon
    PREFIX = 1  # the name begins with it, e.g. "saint et" for Saint-Étienne
    WORD = 2  # a later word begins with it, e.g. "etienne" for Saint-Étienne


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best communes for what was typed, and how many matched in all."""

    communes: tuple[Commune, ...]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.communes)


def words(text: str) -> list[str]:
    """Lower-case words without accents: "Saint-Étienne-du-Rouvray" -> saint etienne du rouvray."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "".join(char if char.isalnum() else " " for char in plain).split()


def _query_keys(text: str) -> set[str]:
    """What was typed, squeezed (no spaces), with and without "St" spelt out: a citizen
    typing "ste" may be on the way to "Stenay" or mean "Sainte".
    """
    typed = words(text)
    spelt = [ABBREVIATIONS.get(word, word) for word in typed]
    return {key for key in ("".join(typed), "".join(spelt)) if key}


@dataclass(frozen=True, slots=True)
class _Entry:
    commune: Commune
    squeezed: str  # the whole name without spaces: "saintetiennedurouvray"


class NameIndex:
    """Every commune's name, searchable by prefix of the name or of any of its words.

    Each name is filed under the first two letters of the name and of each later word, so a
    key looks at a few hundred names, not 35,000.
    """

    def __init__(self, communes: list[Commune]):
        self._entries: list[_Entry] = []
        self._by_start: dict[str, list[tuple[str, int, int]]] = {}  # (text, rank, entry)
        for number, commune in enumerate(communes):
            parts = words(commune.name)
            self._entries.append(_Entry(commune, "".join(parts)))
            for index in range(len(parts)):
                text = "".join(parts[index:])
                rank = Rank.PREFIX if index == 0 else Rank.WORD
                self._by_start.setdefault(text[:2], []).append((text, rank, number))

    def _candidates(self, key: str) -> list[tuple[str, int, int]]:
        if len(key) >= 2:
            return self._by_start.get(key[:2], [])
        return [item for start, items in self._by_start.items() if start.startswith(key)
                for item in items]

    def ranked(self, text: str, limit: int | None = None) -> tuple[list[tuple[int, Commune]], int]:
        """(rank, commune) for the best `limit` matches, best first (homonyms ordered by postal
        code), and how many matched in all."""
        best: dict[int, int] = {}
        for key in _query_keys(text):
            for candidate, rank, number in self._candidates(key):
                if candidate.startswith(key):
                    if rank == Rank.PREFIX and candidate == key:
                        rank = Rank.EXACT
                    if rank < best.get(number, len(Rank)):
                        best[number] = rank

        def order(number: int) -> tuple[int, int, str, str]:
            entry = self._entries[number]
            return best[number], len(entry.squeezed), entry.squeezed, entry.commune.postal_code

        chosen = (sorted(best, key=order) if limit is None
                  else heapq.nsmallest(limit, best, key=order))
        return [(best[number], self._entries[number].commune) for number in chosen], len(best)


_lock = threading.Lock()
_index: NameIndex | None = None


def name_index() -> NameIndex:
    """The index of the shipped table, built on first use."""
    global _index
    with _lock:
        if _index is None:
            _index = NameIndex(all_communes())
        return _index


def prepare_in_background() -> None:
    """Build the index on a worker thread, so the first key typed does not wait for it."""
    if _index is None:
        threading.Thread(target=name_index, name="commune-index", daemon=True).start()


def search_communes(text: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """The communes for what is typed so far: digits search postal codes (in whatever digits
    they are written: "٧٥٠" finds 750..), letters names."""
    if not isinstance(text, str) or len(text) > 100:
        return SearchResult((), 0)
    digits = western_digits("".join(text.split()))
    if digits.isascii() and digits.isdigit():
        if len(digits) < MIN_POSTAL_DIGITS:
            return SearchResult((), 0)
        found = (communes_for_postal_code(digits) if len(digits) == 5 else
                 [c for c in all_communes() if c.postal_code.startswith(digits)])
        return SearchResult(tuple(found[:limit]), len(found))
    found, total = name_index().ranked(text, limit)
    return SearchResult(tuple(commune for _rank, commune in found), total)


def communes_named(text: str) -> list[Commune]:
    """The communes whose whole name is `text` (accents, case, hyphens and "St" optional)."""
    if not isinstance(text, str) or len(text) > 100:
        return []
    found, _total = name_index().ranked(text)
    return [commune for rank, commune in found if rank == Rank.EXACT]
