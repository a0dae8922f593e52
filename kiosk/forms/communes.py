"""Offline commune lookup: postal code -> communes, from a table shipped in assets/communes/.

A kiosk on a weak rural link cannot ask an API which commune a postal code belongs to, so a
table derived from `@etalab/decoupage-administratif` (Licence Ouverte, see
assets/communes/README.md) travels with the app. It is read once, lazily, on the first
lookup: about 35,000 rows, well under a second, and nothing at start-up for a kiosk that
never asks.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk.paths import assets_dir

TABLE_NAME = "communes.tsv.gz"


@dataclass(frozen=True, slots=True)
class Commune:
    """One commune a postal code serves."""

    insee: str  # INSEE code (COG), e.g. "75056"; Corsica uses 2A/2B
    name: str  # official name with accents, e.g. "Pointe-à-Pitre"
    postal_code: str  # the postal code this row was found under


def table_path() -> Path:
    return assets_dir() / "communes" / TABLE_NAME


_lock = threading.Lock()
_table: dict[str, tuple[Commune, ...]] | None = None


def read_table(path: Path) -> dict[str, tuple[Commune, ...]]:
    """Parse the gzip'd TSV written by scripts/build_communes.py (comment lines start with #)."""
    rows: dict[str, list[Commune]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            postal_code, insee, name = line.rstrip("\n").split("\t")
            rows.setdefault(postal_code, []).append(Commune(insee, name, postal_code))
    return {code: tuple(communes) for code, communes in rows.items()}


def _loaded() -> dict[str, tuple[Commune, ...]]:
    global _table
    with _lock:  # the voice worker and the GUI thread may both ask first
        if _table is None:
            _table = read_table(table_path())
        return _table


def all_communes() -> list[Commune]:
    """Every row of the table, by postal code then name (a commune with several codes
    appears once per code)."""
    return [commune for communes in _loaded().values() for commune in communes]


def communes_for_postal_code(code: str) -> list[Commune]:
    """Communes served by `code` (5 digits), sorted by name; empty when unknown or malformed."""
    if not isinstance(code, str):
        return []
    code = code.strip()
    if len(code) != 5 or not code.isascii() or not code.isdigit():
        return []
    return list(_loaded().get(code, ()))
