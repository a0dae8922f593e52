"""The offline commune table answers real postal codes, overseas and Corsica included."""

from __future__ import annotations

import gzip

from kiosk.forms.communes import Commune, communes_for_postal_code, read_table, table_path


def names(code):
    return [commune.name for commune in communes_for_postal_code(code)]


def test_a_paris_postal_code_gives_paris_once():
    assert communes_for_postal_code("75001") == [Commune("75056", "Paris", "75001")]


def test_an_overseas_postal_code_gives_its_commune():
    assert communes_for_postal_code("97110") == [Commune("97120", "Pointe-à-Pitre", "97110")]
    assert names("97400") == ["Saint-Denis"]  # La Réunion
    assert "Mamoudzou" in names("97600")  # Mayotte


def test_a_corsican_postal_code_gives_a_2a_insee_code():
    assert communes_for_postal_code("20000") == [Commune("2A004", "Ajaccio", "20000")]
    assert communes_for_postal_code("20200")[0].insee.startswith("2B")


def test_a_postal_code_shared_by_several_communes_lists_them_all():
    shared = names("01000")
    assert shared == ["Bourg-en-Bresse", "Saint-Denis-lès-Bourg"]


def test_unknown_or_malformed_codes_give_an_empty_list():
    for code in ("00000", "7500", "750011", "75 01", "７５００１", "", None, 75001):
        assert communes_for_postal_code(code) == []


def test_the_shipped_table_is_compact_and_complete():
    assert table_path().stat().st_size < 1_000_000
    table = read_table(table_path())
    assert len(table) > 6000
    assert sum(len(rows) for rows in table.values()) > 35_000
    with gzip.open(table_path(), "rt", encoding="utf-8") as lines:
        assert "Licence Ouverte" in lines.readline()
