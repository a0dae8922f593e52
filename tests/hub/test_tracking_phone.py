"""The tracking page on a small phone (360 x 740), in Debian's headless chromium: the state
and the service's message are on screen, nothing needs a sideways scroll."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from offline_cache.protocol import RequestState
from tests.hub.browsers import PHONE, chromium, page_fits_the_width
from tests.hub.tracking_helpers import link_path, stored_request

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "suivi-telephone.png"
LONG_MESSAGE = ("Votre copie d'acte de naissance est prête. Venez la chercher à l'accueil de la "
                "mairie, du lundi au vendredi, de 9 h à 12 h. Apportez votre pièce d'identité.")


@pytest.fixture
def phone(tmp_path):
    driver = chromium(tmp_path / "chromium", phone=PHONE)
    yield driver
    driver.quit()


def test_on_a_small_phone_the_state_and_message_show_without_sideways_scrolling(
        live_server, phone):
    submission = stored_request(state=RequestState.DONE, message=LONG_MESSAGE)
    phone.get(live_server.url + link_path(submission))
    width = phone.execute_script("return window.innerWidth")
    assert width == PHONE["width"]
    assert page_fits_the_width(phone)
    state = phone.find_element(By.ID, "etat")
    message = phone.find_element(By.ID, "message")
    assert state.text == "Traitée" and state.is_displayed()
    assert message.text == LONG_MESSAGE and message.is_displayed()
    for element in (state, message):
        left, right = phone.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right];",
            element)
        assert left >= 0 and right <= width
    top = phone.execute_script("return arguments[0].getBoundingClientRect().top", state)
    assert top < PHONE["height"]  # the state is seen without scrolling down
    font_px = phone.execute_script(
        "return parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_px >= 20  # large type
    if os.environ.get("KIOSK_SAVE_SCREENSHOTS") == "1":  # docs/img is refreshed on request
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        phone.save_screenshot(str(SCREENSHOT))
