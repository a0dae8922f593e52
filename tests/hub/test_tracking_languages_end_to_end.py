"""The request's language travels sealed in its payload to the real hub (its own process, on
loopback); the receipt's link then answers in that language: one request per registry
language, the page read over HTTP as the citizen's phone reads it."""

from __future__ import annotations

import html
import re
import uuid

import requests
from hub_items import post_items, sealed_item

from hub.tracking import texts
from offline_cache.languages import CODES, language
from offline_cache.protocol import reference_for, tracking_url


def test_each_request_is_followed_in_the_language_it_was_made_in(running_hub):
    ids = {code: str(uuid.uuid4()) for code in CODES}
    items = [sealed_item({"language": code}, item_id=ids[code]) for code in CODES]
    answer = post_items(running_hub.url, items)
    assert answer.status_code == 200, answer.text
    stored = {row["uuid"]: row["language"] for row in running_hub.submissions()}
    assert stored == {ids[code]: code for code in CODES}
    for code in CODES:
        link = tracking_url(running_hub.url, ids[code], reference_for(uuid.UUID(ids[code])))
        page = requests.get(link, timeout=20)
        assert page.status_code == 200, code
        assert page.headers["Content-Language"] == code
        words = html.unescape(page.text)
        direction = ' dir="rtl"' if language(code).right_to_left else ""
        assert re.search(rf'<html lang="{code}"{direction}>', words), code
        assert texts.TEXTS[code]["state.new"] in words, code
        assert texts.TEXTS[code]["explain.new"] in words, code
