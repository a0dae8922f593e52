"""The tracking page answers in the language the request was made in, for every registry
language: the state in that language, `<html lang dir>` right, the date written by Babel."""

from __future__ import annotations

import html
import uuid
from datetime import timedelta

import pytest
from babel.dates import format_date
from django.utils import timezone

from hub.tracking import texts
from offline_cache.languages import CODES, language
from offline_cache.protocol import RequestState
from tests.hub.tracking_helpers import link_path, stored_request

pytestmark = pytest.mark.django_db


def html_of(client, submission) -> str:
    response = client.get(link_path(submission))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("code", CODES)
def test_a_request_made_in_a_language_is_followed_in_that_language(client, code):
    submission = stored_request(state=RequestState.WAITING, language=code)
    html = html_of(client, submission)
    direction = ' dir="rtl"' if language(code).right_to_left else ""  # HTML's default: ltr
    assert f'<html lang="{code}"{direction}>' in html
    assert texts.TEXTS[code]["state.waiting"] in html
    assert texts.TEXTS[code]["page_title"] in html
    if code != "fr":  # a page that fell back to French would say "En attente de vous"
        assert texts.TEXTS["fr"]["state.waiting"] not in html


def test_every_registry_language_has_its_own_page_texts():
    assert set(texts.TEXTS) == set(CODES)
    for code in CODES:
        if code != "fr":
            assert texts.TEXTS[code]["explain.done"] != texts.TEXTS["fr"]["explain.done"], code


@pytest.mark.parametrize("code", ["uk", "ar", "fa"])
def test_an_older_date_is_written_by_babel_in_the_requests_language(client, code):
    changed = timezone.now() - timedelta(days=40)
    submission = stored_request(state=RequestState.DONE, language=code, changed_at=changed)
    html = html_of(client, submission)
    day = format_date(timezone.localtime(changed).date(), "long", locale=language(code).locale)
    assert day in html
    assert texts.when(changed, code) in html


def test_an_arabic_request_and_a_persian_one_run_right_to_left_and_the_rest_left_to_right():
    assert [code for code in CODES if texts.right_to_left(code)] == ["ar", "fa"]
    assert not texts.right_to_left("de")  # unknown: the French page, left to right


@pytest.mark.parametrize(("header", "expected"), [
    ("ar-DZ,ar;q=0.9,fr;q=0.5", "ar"), ("fa-IR", "fa"), ("de-DE,uk;q=0.8,en;q=0.5", "uk"),
    ("de-DE", "fr")])
def test_a_link_that_leads_nowhere_answers_in_the_phones_language(client, header, expected):
    """No request to read the language from: the browser's, among the registry's."""
    response = client.get(f"/suivi/{uuid.uuid4()}?ref=K7M-4QF", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 404
    page = html.unescape(response.content.decode())
    direction = ' dir="rtl"' if language(expected).right_to_left else ""
    assert f'<html lang="{expected}"{direction}>' in page
    assert texts.TEXTS[expected]["unknown_heading"] in page
