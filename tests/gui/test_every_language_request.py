"""In each of the nine languages, a citizen reports a street problem by taps alone: every screen
in their language, the place typed on their language's keyboard, the review showing it, the
request sealed for the hub with their language, and a receipt in their language."""

from __future__ import annotations

import json

import pytest

from hub.keys import demo_keys_dir
from kiosk.catalog.model import localized
from kiosk.forms.messages import message
from kiosk.i18n import tr
from offline_cache.envelope import load_private_key, open_sealed
from offline_cache.languages import CODES
from tests.gui.conftest import queued

# A place as a citizen of each language would type it, on that language's keyboard.
PLACES = {
    "fr": "Rue de la Mairie", "en": "Church Street", "ar": "شارع الحرية",
    "es": "Calle Mayor", "pt": "Rua da Igreja", "tr": "İstasyon Caddesi",
    "ro": "Strada Școlii", "uk": "вулиця Миру", "fa": "خیابان آزادی",
}


@pytest.fixture
def kiosk_config(make_config):
    return make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                       interface__languages=list(CODES))


def sealed_payload(window) -> dict:
    private = load_private_key((demo_keys_dir() / "hub-x25519-private.pem").read_bytes())
    [row] = window.services.outbox().outbox.export_items()
    return json.loads(open_sealed(private, row.payload, row.item_id.encode()))


@pytest.mark.parametrize("lang", CODES)
def test_a_street_problem_is_reported_in_each_language_by_taps(citizen, window, lang):
    catalog = window.journey.catalog
    service = next(s for s in catalog.services if s.id == "signalement-rue")
    citizen.open_service("commune", "signalement-rue", lang)
    assert window.service.title.text() == localized(service.title, lang)
    citizen.tap(window.service.request_button)
    first = service.steps[0]
    assert citizen.question() == localized(first.label, lang)
    citizen.choose("eclairage")
    citizen.answer(PLACES[lang])
    citizen.skip()  # the optional description
    citizen.choose(False)  # no danger
    citizen.choose(False)  # no answer wanted: no phone asked
    assert window.current_screen is window.review
    assert window.review.title.text() == message("form.review_title", lang)
    labels = window.review.findChildren(type(window.review.title))
    shown = " ".join(label.text() for label in labels)
    assert PLACES[lang] in shown
    citizen.tap(window.review.confirm_button)
    assert window.consent.accept_button.text() == tr("consent.accept", lang)
    citizen.tap(window.consent.accept_button)
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    assert window.receipt.title.text() == message("receipt.title", lang)
    assert window.receipt.finish_button.text() == tr("receipt.finish", lang)
    [item] = queued(window)
    payload = sealed_payload(window)
    assert payload["language"] == lang
    assert PLACES[lang] in json.dumps(payload, ensure_ascii=False)
    assert item.service == "signalement-rue"
