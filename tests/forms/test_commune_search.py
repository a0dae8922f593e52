"""A commune is found by the name a person knows, typed any way they write it, or by digits."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.catalog import Step
from kiosk.forms.commune_search import communes_named, name_index, search_communes
from kiosk.forms.validators import Invalid, Valid, validate


def first(text: str) -> str:
    best = search_communes(text).communes[0]
    return f"{best.name} {best.postal_code}"


def names(text: str, count: int = 10) -> list[str]:
    return [commune.name for commune in search_communes(text).communes[:count]]


def test_thenon_is_found_without_its_accent_or_its_capital():
    for typed in ("thenon", "Thénon", "THENON", " thenon "):
        assert first(typed) == "Thenon 24210"


def test_saint_etienne_is_found_with_st_with_spaces_and_without_accents():
    for typed in ("st etienne", "saint etienne", "Saint-Étienne", "st-etienne", "saintetienne"):
        assert names(typed, 1) == ["Saint-Étienne"], typed


def test_ste_stands_for_sainte_but_a_name_beginning_with_ste_is_still_found():
    assert names("ste marie", 1) == ["Sainte-Marie"]
    assert "Stenay" in names("sten")


def test_the_exact_name_comes_before_longer_names_that_begin_with_it():
    found = names("saint denis", 40)
    assert found[0] == "Saint-Denis"
    assert found.index("Saint-Denis-lès-Bourg") > found.index("Saint-Denis")


def test_a_later_word_of_the_name_finds_it_after_the_names_that_begin_with_it():
    found = names("etienne", 70)
    assert "Saint-Étienne" in found
    assert all(not name.startswith("Étienne") for name in found[found.index("Saint-Étienne"):])


def test_overseas_communes_are_found_by_name():
    assert first("pointe a pitre") == "Pointe-à-Pitre 97110"
    assert "97600" in [c.postal_code for c in search_communes("mamoudzou").communes]


def test_digits_give_the_communes_of_that_postal_code():
    result = search_communes("24210")
    assert result.total == 13 and len(result.communes) == 13
    assert "Thenon" in [commune.name for commune in result.communes]
    assert {commune.postal_code for commune in search_communes("242").communes} <= {
        f"242{d}0" for d in range(10)}
    assert search_communes("2").total == 0  # one digit is a tenth of France: type more


def test_a_long_list_is_cut_and_says_how_many_matched():
    result = search_communes("saint")
    assert result.truncated and result.total > 4000 and len(result.communes) == 40


def test_nonsense_finds_nothing_and_never_raises():
    for typed in ("", "   ", "zzzzqx", "'; drop table", "\u202e", "x" * 500, None, 24210):
        assert search_communes(typed).communes == ()  # type: ignore[arg-type]


def test_communes_named_only_returns_whole_names():
    assert [c.insee for c in communes_named("thenon")] == ["24550"]
    assert communes_named("then") == []


def test_a_commune_name_typed_and_confirmed_is_accepted_when_it_names_one_commune():
    step = Step(id="commune", kind="postal_code", label={"fr": "Commune"})
    assert validate(step, "Thénon") == Valid(
        {"postal_code": "24210", "commune": "Thenon", "insee": "24550"})
    refused = validate(step, "Saint-Denis")  # many communes share this name
    assert isinstance(refused, Invalid) and refused.key == "error.commune.choose"
    assert validate(step, {"postal_code": "24210", "insee": "24550"}) == Valid(
        {"postal_code": "24210", "commune": "Thenon", "insee": "24550"})


def test_searching_the_full_table_is_fast_enough_to_follow_each_key(capsys):
    name_index()  # built once, on first use
    started = time.perf_counter()
    for typed in ("t", "th", "the", "then", "theno", "thenon", "st etienne", "saint"):
        search_communes(typed)
    per_key = (time.perf_counter() - started) / 8
    with capsys.disabled():
        print(f"\ncommune search: {per_key * 1000:.1f} ms per key on the full table")
    assert per_key < 0.1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_whatever_is_typed_the_search_answers_a_short_list_and_never_raises(typed):
    result = search_communes(typed)
    assert len(result.communes) <= 40 and result.total >= len(result.communes)
