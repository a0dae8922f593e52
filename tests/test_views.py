"""The views the core builds for the screens: next steps, private speech, copy, confirmations
and every sentence `kiosk voice prepare` must know. No Qt."""

import re

import pytest

from kiosk.catalog import load_catalog
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.journey import Journey, Step
from kiosk.views import ViewFacts, build_view
from kiosk.views.records import ServiceAction

CATALOG = load_catalog()


def at_home(**journey_options) -> Journey:
    journey = Journey(CATALOG, ("fr", "en"), "fr", outbox=MemoryOutbox, **journey_options)
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    return journey


def street_report_at_review() -> Journey:
    journey = at_home()
    journey.choose_service("signalement-rue")
    journey.start_request()
    for answer in ("eclairage", "Rue de la Mairie", "", True, True, "0612345678",
                   "marie.dupont@example.org"):
        assert journey.answer(answer) is None
    assert journey.state.step is Step.REVIEW
    return journey


def test_the_review_says_where_personal_answers_are_instead_of_reading_them():
    view = build_view(street_report_at_review())
    assert "06 12 34 56 78" in [row.answer for row in view.rows]  # shown on the screen
    assert "06 12 34 56 78" not in view.speech.text and "dupont" not in view.speech.text
    assert "Votre numéro est affiché à l'écran." in view.speech.text
    assert "Votre adresse e-mail est affichée à l'écran." in view.speech.text
    assert "Un lampadaire en panne." in view.speech.text  # the catalogue's own words are said
    assert not view.speech.private  # nothing personal in it: fine for the speakers and cache


def test_with_a_headset_the_review_reads_the_answers_as_private_speech():
    view = build_view(street_report_at_review(), ViewFacts(read_answers_aloud=True))
    assert "06 12 34 56 78" in view.speech.text and view.speech.private


@pytest.mark.parametrize("service", CATALOG.services, ids=lambda s: s.id)
def test_every_service_page_ends_on_something_to_do(service):
    journey = at_home()
    journey.choose_service(service.id)
    view = build_view(journey, ViewFacts(can_print=True))
    offered = [option.value for option in view.actions]
    assert set(offered) - {ServiceAction.OTHER_SERVICE}, offered
    assert offered[-1] == ServiceAction.OTHER_SERVICE  # never a dead end either
    for option in view.actions:
        assert option.label in view.speech.text


def test_the_identity_card_offers_a_ticket_and_the_printed_checklist():
    journey = at_home()
    journey.choose_service("carte-identite")
    view = build_view(journey, ViewFacts(can_print=True))
    assert [option.value for option in view.actions][:2] == [ServiceAction.TAKE_TICKET,
                                                             ServiceAction.PRINT_CHECKLIST]
    assert any("Photo" in line or "photo" in line for line in view.checklist)
    assert view.official_url in view.checklist[-1]


def test_the_consent_names_the_authority_in_a_proper_phrase():
    journey = street_report_at_review()  # "Les services techniques de la mairie"
    journey.confirm_review()
    text = build_view(journey).speech.text
    assert "Les services techniques de la mairie" in text
    assert not re.search(r"\bà (Le|La|Les|L') ", text), text  # "Demandez-le à Les services"


@pytest.mark.parametrize("service", [s for s in CATALOG.services if s.steps],
                         ids=lambda s: s.id)
def test_no_question_uses_a_gendered_form(service):
    for step in service.steps:
        label = step.spoken("fr")
        assert not re.search(r"\b(né|née|né\(e\)|seul|seule)\b", label), label


def test_home_in_the_middle_of_a_request_asks_before_erasing():
    journey = street_report_at_review()
    journey.home()
    view = build_view(journey)
    assert journey.state.step is Step.CONFIRM and journey.form is not None
    assert "effacées" in view.speech.text
    journey.confirm_no()
    assert journey.state.step is Step.REVIEW and journey.form is not None
    journey.home()
    journey.confirm_yes()
    assert journey.state.step is Step.HOME and journey.form is None


def test_finish_before_printing_asks_and_repeats_the_reference():
    journey = street_report_at_review()
    journey.confirm_review()
    journey.give_consent()
    reference = journey.submission.reference
    journey.finish()
    assert journey.state.step is Step.CONFIRM
    assert reference in build_view(journey).body
    journey.confirm_no()
    assert journey.state.step is Step.RECEIPT
    journey.printed()
    journey.finish()
    assert journey.state.step is Step.ATTRACT  # printed: nothing to lose


def test_back_on_home_goes_to_the_reading_and_voice_choices():
    journey = at_home()
    journey.back()
    assert journey.state.step is Step.COMFORT
    journey.comfort_done()
    assert journey.state.step is Step.HOME


def test_voice_prepare_knows_every_sentence_the_screens_say(make_config):
    from kiosk.voice.prompts import config_prompts

    prepared = {text for _lang, text in config_prompts(make_config())}
    journey = at_home()
    said = [build_view(journey).speech.text]
    journey.choose_service("signalement-rue")
    said.append(build_view(journey, ViewFacts(can_print=True)).speech.text)
    journey.start_request()
    said.append(build_view(journey).speech.text)  # "Question 1 sur 7. Quel est le problème ?…"
    journey.ask_for_help()
    said.append(build_view(journey).speech.text)
    assert [text for text in said if text not in prepared] == []


def test_a_service_page_not_yet_translated_tells_the_citizen_it_is_in_french():
    import dataclasses

    from kiosk.i18n import tr

    service = CATALOG.service("passeport")
    untranslated = dataclasses.replace(
        service, summary={lang: text for lang, text in service.summary.items() if lang != "en"})
    catalog = dataclasses.replace(CATALOG, services=tuple(
        untranslated if s.id == "passeport" else s for s in CATALOG.services))
    journey = Journey(catalog, ("fr", "en"), "en", outbox=MemoryOutbox)
    journey.start()
    journey.choose_language("en")
    journey.comfort_done()
    journey.choose_service("passeport")
    view = build_view(journey)
    assert view.in_french == tr("service.in_french", "en")
    assert view.summary == service.summary["fr"]  # the French text, rather than nothing
    assert view.speech.text.startswith(view.in_french)
    journey.choose_service("carte-identite")
    assert build_view(journey).in_french == ""
