"""A catalogue edited by hand fails with an error naming the service, the step and the field."""

from __future__ import annotations

import json

import pytest

from kiosk.catalog import CatalogError, load_catalog, parse_catalog


def error_of(data) -> str:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(data, "cat.json")
    return str(caught.value)


def test_the_minimal_catalogue_loads_with_its_condition(minimal):
    service = parse_catalog(minimal).service("demo")
    assert service.steps[1].show_if == {"aide": "yes"}


def test_a_misspelt_field_is_named_with_the_known_ones(minimal):
    minimal["services"][0]["steps"][0]["optionnal"] = True
    message = error_of(minimal)
    assert "service 'demo' step 'aide': unknown field 'optionnal'" in message
    assert "'optional'" in message


def test_an_unknown_field_kind_lists_the_kinds(minimal):
    minimal["services"][0]["steps"][0]["kind"] = "date"
    assert "step 'aide': field 'kind' is 'date'; expected one of" in error_of(minimal)


def test_a_condition_on_a_later_or_unknown_step_is_refused(minimal):
    minimal["services"][0]["steps"][1]["show_if"] = {"tel": "yes"}
    assert "'show_if' names 'tel', which is not an earlier step" in error_of(minimal)


def test_a_condition_with_an_impossible_answer_is_refused(minimal):
    minimal["services"][0]["steps"][1]["show_if"] = {"aide": "oui"}
    assert "expects 'oui' from 'aide'; expected one of ['no', 'yes']" in error_of(minimal)


def test_a_condition_may_accept_several_answers(minimal):
    minimal["services"][0]["steps"][1]["show_if"] = {"aide": ["yes", "no"]}
    assert parse_catalog(minimal).service("demo").steps[1].show_if == {"aide": ("yes", "no")}


def test_missing_french_is_an_error_that_names_the_field(minimal):
    minimal["services"][0]["summary"] = {"en": "Summary"}
    assert "service 'demo' field 'summary': the French text ('fr') is missing." in error_of(
        minimal)


def test_an_unknown_operator_lists_the_known_ones(minimal):
    minimal["services"][0]["operator"] = "Mairie"
    assert "field 'operator' is 'Mairie'; expected one of" in error_of(minimal)


def test_a_wrong_type_says_what_is_expected(minimal):
    minimal["services"][0]["steps"][0]["optional"] = "oui"
    assert "field 'optional' must be a true or false, not str" in error_of(minimal)
    minimal["services"][0]["steps"][0] = "aide"
    assert "step '#1': must be an object" in error_of(minimal)


def test_number_bounds_only_fit_number_questions(minimal):
    minimal["services"][0]["steps"][0]["min"] = 1
    assert "field 'min' only applies to a 'number' question" in error_of(minimal)


def test_a_guided_request_needs_steps_and_ids_are_unique(minimal):
    minimal["services"][0]["steps"][1]["id"] = "aide"
    minimal["services"][0]["steps"][1].pop("show_if")
    assert "step 'aide': step id used twice" in error_of(minimal)
    minimal["services"][0]["steps"] = []
    assert "'guided_request' needs at least one entry in 'steps'" in error_of(minimal)


def test_an_http_official_url_is_refused(minimal):
    minimal["services"][0]["official_url"] = "http://exemple.fr"
    assert "'official_url' must start with https://" in error_of(minimal)


def test_a_broken_file_says_where(tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text('{"schema_version": 1,\n "themes": [}', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"not valid JSON \(line 2, column"):
        load_catalog(path)
    path.write_bytes(json.dumps({"schema_version": 1}).encode("utf-16"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        load_catalog(path)


def test_je_ne_l_ai_pas_is_read_for_a_number_and_refused_on_a_yes_no_question(minimal):
    steps = minimal["services"][0]["steps"]
    tel = next(step for step in steps if step["kind"] == "phone")
    tel["unknown_allowed"] = True
    service = parse_catalog(minimal).service("demo")
    assert next(step for step in service.steps if step.id == tel["id"]).unknown_allowed
    yes_no = next(step for step in steps if step["kind"] == "yes_no")
    yes_no["unknown_allowed"] = True
    message = error_of(minimal)
    assert f"step '{yes_no['id']}': field 'unknown_allowed' only applies to" in message
    yes_no["unknown_allowed"] = "oui"
    assert "field 'unknown_allowed' must be a true or false" in error_of(minimal)
