"""A French commune, a phone number or a reference inside Arabic or Persian text keeps its own
order, and the sentence around it keeps reading from the right (Unicode bidi isolates). No Qt:
the core builds the words; tests/gui/test_rtl_layout.py checks what the screen makes of them."""

from __future__ import annotations

import pytest

from kiosk.catalog import load_catalog
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.forms.messages import message as form_message
from kiosk.i18n import tr
from kiosk.journey import Journey, Step
from kiosk.tracking.messages import message as tracking_message
from kiosk.views import ViewFacts, build_view
from offline_cache.bidi import FSI, PDI, RLM, reads_right_to_left, template_for

CATALOG = load_catalog()
BIDI = {FSI, PDI, RLM, "\u200e"}
BIRTH_CERTIFICATE = ("copie-integrale", "Martin", "Jeanne", ("14", "07", "1948"), "97110",
                     "Paul Martin", "Anne Martin", "3 rue de la Paix", "42000", "0612345678")


def birth_certificate_at_review(lang: str) -> Journey:
    journey = Journey(CATALOG, ("fr", "en", "ar", "fa"), "fr", outbox=MemoryOutbox)
    journey.start()
    journey.choose_language(lang)
    journey.comfort_done()
    journey.choose_service("acte-naissance")
    journey.start_request()
    for answer in BIRTH_CERTIFICATE:
        assert journey.answer(answer) is None
    assert journey.state.step is Step.REVIEW
    return journey


def answers(view) -> dict[str, str]:
    return {row.step_id: row.answer for row in view.rows}


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_a_french_commune_under_an_arabic_question_is_isolated_in_the_review(lang):
    view = build_view(birth_certificate_at_review(lang), ViewFacts(read_answers_aloud=True))
    shown = answers(view)
    assert shown["commune_naissance"] == f"{RLM}{FSI}97110 Pointe-à-Pitre{PDI}"
    assert shown["telephone"] == f"{RLM}{FSI}06 12 34 56 78{PDI}"  # 06 first, read from the left
    assert all(reads_right_to_left(answer) for answer in shown.values())  # under its question
    assert f"{FSI}97110 Pointe-à-Pitre{PDI}." in view.speech.text  # the line that says it


def test_in_french_nothing_of_the_review_carries_a_bidi_character():
    view = build_view(birth_certificate_at_review("fr"), ViewFacts(read_answers_aloud=True))
    assert answers(view)["commune_naissance"] == "97110 Pointe-à-Pitre"
    texts = [view.title, view.hint, view.speech.text, *(row.answer for row in view.rows)]
    assert not BIDI & set("".join(texts))


def test_the_arabic_receipt_isolates_its_reference_and_the_consent_its_service():
    journey = birth_certificate_at_review("ar")
    journey.confirm_review()
    consent = build_view(journey)
    title = CATALOG.service("acte-naissance").title["ar"]
    assert f"«{FSI}{title}{PDI}»" in " ".join(consent.sections)
    journey.give_consent()
    receipt = build_view(journey)
    reference = journey.submission.reference
    assert receipt.reference == f"{RLM}{FSI}{reference}{PDI}"  # "234-ACD" never "ACD-234"
    assert f"{FSI}{reference}{PDI}" in receipt.lines[1]  # the printed and spoken line too
    assert reads_right_to_left(receipt.lines[1])


def test_a_sentence_that_starts_with_a_latin_name_still_reads_from_the_right():
    """Without the isolate, "Saint-Étienne" would make the whole line left to right."""
    template = "{commune} هي بلديتك."
    assert not reads_right_to_left(template.format(commune="Saint-Étienne"))
    assert reads_right_to_left(template_for("ar", template).format(commune="Saint-Étienne"))
    assert template_for("fr", template) == template


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_every_field_of_a_right_to_left_message_is_isolated_with_its_format_kept(lang):
    assert tr("opening.opens", lang, when="demain").count(FSI) == 1
    assert form_message("receipt.reference", lang, reference="K7M-4QF").endswith(
        f"{FSI}K7M-4QF{PDI}")
    assert f"{FSI}05{PDI}" in tracking_message("track.time", lang, hour=9, minute=5)  # {:02d}
    assert not BIDI & set(form_message("receipt.reference", "en", reference="K7M-4QF"))
