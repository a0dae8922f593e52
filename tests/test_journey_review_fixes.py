"""Defects found reading the journey once more: what waits for the assisted consent, the
"printed" flag, and "Retour" after "Autre démarche". No Qt."""

from kiosk.catalog import load_catalog
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.journey import Journey, Step

CATALOG = load_catalog()


def at_service(service_id: str) -> Journey:
    journey = Journey(CATALOG, ("fr", "en"), "fr", outbox=MemoryOutbox)
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    journey.choose_service(service_id)
    return journey


def test_agreeing_to_a_mediator_on_a_service_page_does_not_start_the_request():
    journey = at_service("acte-naissance")
    journey.ask_assisted_consent()  # a mediator takes over from a help call
    journey.assisted_consent_given()
    assert journey.state.step is Step.SERVICE  # failed before: the first question
    assert journey.form is None


def test_agreeing_to_a_mediator_on_a_service_without_a_request_form_is_no_error():
    journey = at_service("carte-identite")
    journey.ask_assisted_consent()
    journey.assisted_consent_given()  # failed before: ValueError, no guided request
    assert journey.state.step is Step.SERVICE


def test_agreeing_to_a_mediator_on_the_data_screen_sends_nothing_by_itself():
    journey = at_service("signalement-rue")
    journey.start_request()
    for answer in ("eclairage", "Rue de la Mairie", "", True, True, "0612345678",
                   "marie.dupont@example.org"):
        journey.answer(answer)
    journey.confirm_review()
    assert journey.state.step is Step.CONSENT
    journey.ask_assisted_consent()
    send_waits = journey.assisted_consent_given()
    assert not send_waits  # the citizen has not pressed "J'accepte et j'envoie" yet
    assert journey.submission is None  # failed before: sent, on the GUI thread
    assert journey.state.step is Step.CONSENT


def test_a_printed_checklist_does_not_count_as_a_printed_receipt():
    journey = at_service("signalement-rue")
    journey.printed()  # the checklist came out of the printer on the service page
    journey.start_request()
    for answer in ("eclairage", "Rue de la Mairie", "", True, True, "0612345678",
                   "marie.dupont@example.org"):
        journey.answer(answer)
    journey.confirm_review()
    journey.give_consent()
    assert journey.state.step is Step.RECEIPT
    journey.finish()
    assert journey.state.step is Step.CONFIRM  # failed before: wiped, number never noted


def test_back_after_another_procedure_goes_to_the_home_screen_not_the_service_left():
    journey = at_service("acte-naissance")
    journey.choose_theme(journey.state.theme_id)  # "Autre démarche"
    journey.back()
    assert journey.state.step is Step.HOME  # failed before: the service page just left
