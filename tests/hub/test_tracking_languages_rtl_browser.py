"""An Arabic request's tracking page on a small phone, in headless chromium: laid out right
to left (computed direction, the heading flush with the right edge of the screen's text
column), and the phone's screen shows the page, not an empty stretch beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from hub.tracking import texts
from offline_cache.protocol import RequestState
from tests.hub.browsers import PHONE, chromium, page_fits_the_width
from tests.hub.tracking_helpers import link_path, stored_request

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "suivi-telephone-arabe.png"

BOXES = """
const h = arguments[0], column = h.parentElement.getBoundingClientRect();
const pad = getComputedStyle(h.parentElement), words = document.createRange();
words.selectNodeContents(h);
const text = words.getBoundingClientRect();
return {left: text.left, right: text.right,
        columnLeft: column.left + parseFloat(pad.paddingLeft),
        columnRight: column.right - parseFloat(pad.paddingRight)};
"""


@pytest.fixture
def phone(tmp_path):
    driver = chromium(tmp_path / "chromium", phone=PHONE)
    yield driver
    driver.quit()


def test_an_arabic_request_reads_right_to_left_on_a_phone(live_server, phone, tmp_path):
    submission = stored_request(state=RequestState.IN_PROGRESS, language="ar")
    phone.get(live_server.url + link_path(submission))
    # A wider layout than the phone (something placed off the left edge, which right to
    # left pages can scroll to) would show the citizen an empty stretch of page.
    assert phone.execute_script("return window.innerWidth") == PHONE["width"]
    assert page_fits_the_width(phone)
    assert phone.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    state = phone.find_element(By.ID, "etat")
    assert state.text == texts.TEXTS["ar"]["state.in_progress"]
    heading = phone.execute_script(BOXES, phone.find_element(By.TAG_NAME, "h1"))
    assert heading["left"] >= 0 and heading["right"] <= PHONE["width"]  # on the screen
    assert abs(heading["right"] - heading["columnRight"]) <= 2  # words start on the right
    assert heading["left"] - heading["columnLeft"] > 8  # the short heading ends before the left
    shot = tmp_path / "suivi-arabe.png"
    phone.save_screenshot(str(shot))
    if os.environ.get("KIOSK_SAVE_SCREENSHOTS") == "1":  # docs/img is refreshed on request
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(shot.read_bytes())
