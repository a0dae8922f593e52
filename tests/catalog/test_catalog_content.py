"""The embedded catalogue: real procedures across the main operators, complete in the nine
languages, and every guided form can be filled in to the end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.catalog import Action, load_catalog
from kiosk.catalog.report import summarize
from kiosk.catalog.schema import FIELD_KINDS
from kiosk.forms.engine import FormEngine, Phase
from kiosk.forms.local_outbox import MemoryOutbox
from offline_cache.languages import CODES

CATALOG = load_catalog()
GUIDED = [s for s in CATALOG.services if Action.GUIDED_REQUEST in s.actions]

GOOD_ANSWER = {
    "text": "3 rue de la Paix", "name": "Martin", "date_of_birth": (14, 7, 1950),
    "yes_no": True, "number": "2", "phone": "06 12 34 56 78", "email": "a.martin@exemple.fr",
    "postal_code": "75001", "nir": "2 69 05 49 588 157 80",
    "iban": "FR76 3000 6000 0112 3456 7890 189", "description": "Un texte libre.",
}


def test_the_catalogue_holds_at_least_twelve_procedures_across_the_main_operators():
    assert len(CATALOG.services) >= 12
    operators = {service.operator for service in CATALOG.services}
    assert {"France Titres", "CAF", "CPAM", "DGFiP", "Assurance retraite", "Commune"} <= operators


def test_at_least_four_guided_requests_use_every_field_kind_and_a_condition():
    assert len(GUIDED) >= 4
    report = summarize(CATALOG, FIELD_KINDS)
    assert report.unused_kinds == []
    assert any(step.show_if for service in GUIDED for step in service.steps)


def test_every_text_exists_in_english_too():
    assert summarize(CATALOG, FIELD_KINDS).missing == {lang: [] for lang in CODES if lang != "fr"}


def test_every_service_says_what_to_bring_and_where_to_read_more():
    for service in CATALOG.services:
        assert service.documents["fr"], service.id
        assert service.official_url.startswith("https://"), service.id


def test_summaries_are_short_sentences():
    for service in CATALOG.services:
        for sentence in service.summary["fr"].replace("?", ".").split(". "):
            assert len(sentence.split()) <= 22, (service.id, sentence)


def test_a_guided_request_tells_what_happens_next():
    for service in GUIDED:
        assert service.next_steps.get("fr"), service.id


@pytest.mark.parametrize("service", GUIDED, ids=lambda s: s.id)
def test_every_guided_form_can_be_filled_in_and_queued(service):
    outbox = MemoryOutbox()
    engine = FormEngine(service, outbox, clock=lambda: datetime(2026, 3, 14, tzinfo=UTC))
    for _ in range(50):
        if engine.phase is not Phase.QUESTION:
            break
        step = engine.current_step
        raw = (step.choices[0].value if step.kind == "single_choice"
               else [step.choices[0].value] if step.kind == "multiple_choice"
               else GOOD_ANSWER[step.kind])
        assert engine.answer(raw) is None, (service.id, step.id)
    assert engine.phase is Phase.REVIEW
    assert engine.confirm_review()
    engine.give_consent()
    engine.submit()
    [item] = outbox.items
    assert item.routing == service.routing
