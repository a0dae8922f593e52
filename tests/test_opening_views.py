"""What the screens say about the desk's hours, as the core builds it (no Qt): when it
opens in plain words, shown "9 h" and spoken "9 heures", and no ticket while nobody is there."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.catalog import load_catalog
from kiosk.forms.local_outbox import MemoryOutbox
from kiosk.journey import Journey
from kiosk.opening import closed_sentence, desk_status, requests_sentence
from kiosk.views import ViewFacts, build_view
from kiosk.views.records import ServiceAction

PARIS = ZoneInfo("Europe/Paris")
HOURS = {"mon": "09:00-12:00, 14:30-17:30", "tue": "09:00-12:00", "thu": "09:00-12:00"}
CATALOG = load_catalog()


def settings(**changes) -> dict:
    return {"opening.hours": HOURS, "opening.timezone": "Europe/Paris",
            "opening.requests_when_closed": True, **changes}


def desk_at(*when: int, **changes):
    return desk_status(settings(**changes), datetime(*when, tzinfo=PARIS))


@pytest.mark.parametrize(("when", "shown", "spoken"), [
    ((2026, 12, 7, 8, 0), "Il ouvre aujourd'hui à 9 h.", "Il ouvre aujourd'hui à 9 heures."),
    ((2026, 12, 7, 12, 0), "Il ouvre aujourd'hui à 14 h 30.",
     "Il ouvre aujourd'hui à 14 heures 30."),
    ((2026, 12, 7, 18, 0), "Il ouvre demain à 9 h.", "Il ouvre demain à 9 heures."),
    ((2026, 12, 8, 13, 0), "Il ouvre jeudi à 9 h.", "Il ouvre jeudi à 9 heures."),
    ((2026, 12, 11, 17, 0), "Il ouvre lundi à 9 h.", "Il ouvre lundi à 9 heures."),
    ((2026, 12, 13, 23, 59), "Il ouvre demain à 9 h.", "Il ouvre demain à 9 heures."),
])
def test_the_closed_desk_says_when_it_opens_in_plain_french(when, shown, spoken):
    sentence = closed_sentence(desk_at(*when), "fr")
    assert sentence.shown == f"L'accueil est fermé. {shown}"
    assert sentence.spoken == f"L'accueil est fermé. {spoken}"  # espeak-ng reads "h" as "ache"


def test_a_desk_open_one_day_a_week_says_next_week_after_closing():
    desk = desk_at(2026, 12, 8, 12, 0, **{"opening.hours": {"tue": "09:00-12:00"}})
    assert closed_sentence(desk, "fr").shown.endswith("Il ouvre mardi prochain à 9 h.")


def test_in_english_too():
    desk = desk_at(2026, 12, 7, 18, 0)
    assert closed_sentence(desk, "en").shown == ("The front desk is closed. "
                                                "It opens tomorrow at 9:00.")
    assert closed_sentence(desk, "en").spoken.endswith("tomorrow at 9 o'clock.")
    assert closed_sentence(desk_at(2026, 12, 7, 13, 0), "en").spoken.endswith("today at 14 30.")


def test_midnight_turns_tomorrow_into_today():
    assert desk_at(2026, 12, 6, 23, 59, 59) != desk_at(2026, 12, 7, 0, 0)  # a timer sees it
    assert "aujourd'hui" in closed_sentence(desk_at(2026, 12, 7, 0, 0), "fr").shown


def test_open_says_nothing_and_a_desk_never_open_says_only_that_it_is_closed():
    assert closed_sentence(desk_at(2026, 12, 7, 10, 0), "fr").shown == ""
    never = desk_at(2026, 12, 7, 10, 0, **{"opening.hours": {"mon": ""}})
    assert closed_sentence(never, "fr").shown == "L'accueil est fermé."


def test_whether_the_kiosk_still_takes_requests_is_said():
    assert requests_sentence(desk_at(2026, 12, 7, 18, 0), "fr") == (
        "Vous pouvez quand même faire une demande.")
    resting = desk_at(2026, 12, 7, 18, 0, **{"opening.requests_when_closed": False})
    assert requests_sentence(resting, "fr") == "Revenez quand l'accueil est ouvert."
    assert not resting.can_start and desk_at(2026, 12, 7, 18, 0).can_start


# The views ----------------------------------------------------------------------------------
def journey() -> Journey:
    return Journey(CATALOG, ("fr", "en"), "fr", outbox=MemoryOutbox)


def at_home() -> Journey:
    started = journey()
    started.start()
    started.choose_language("fr")
    started.comfort_done()
    return started


CLOSED = ViewFacts(desk=desk_at(2026, 12, 11, 17, 0), message_of_the_day="Fermé le 24 décembre")


def test_the_attract_screen_shows_and_says_the_message_and_when_the_desk_opens():
    view = build_view(journey(), CLOSED)
    assert view.notice == "Fermé le 24 décembre"
    assert view.closed == "L'accueil est fermé. Il ouvre lundi à 9 h."
    assert view.closed_next == "Vous pouvez quand même faire une demande."
    assert view.can_start and view.help == "Je vous guide pas à pas."  # nobody at the desk
    assert view.speech.text == ("Bonjour ! Fermé le 24 décembre L'accueil est fermé. Il ouvre "
                                "lundi à 9 heures. Vous pouvez quand même faire une demande. "
                                "Touchez l'écran pour commencer.")


def test_a_kiosk_that_rests_with_the_desk_offers_no_start():
    resting = desk_at(2026, 12, 11, 17, 0, **{"opening.requests_when_closed": False})
    view = build_view(journey(), ViewFacts(desk=resting))
    assert not view.can_start and view.help == ""
    assert view.speech.text == ("Bonjour ! L'accueil est fermé. Il ouvre lundi à 9 heures. "
                                "Revenez quand l'accueil est ouvert.")


def test_open_hours_leave_the_attract_screen_as_it_was():
    view = build_view(journey(), ViewFacts(desk=desk_at(2026, 12, 7, 10, 0)))
    assert (view.notice, view.closed, view.closed_next) == ("", "", "")
    assert view.speech.text == "Bonjour ! Touchez l'écran pour commencer."
    assert "quelqu'un de l'accueil" in view.help


def test_the_help_screen_offers_no_ticket_but_when_the_desk_opens():
    help_journey = at_home()
    help_journey.ask_for_help()
    view = build_view(help_journey, CLOSED)
    assert view.ticket_label == ""
    assert view.body.startswith("L'accueil est fermé. Il ouvre lundi à 9 h.")
    assert "lundi à 9 heures" in view.speech.text and "ticket" not in view.speech.text
    help_journey.ticket_taken("A-012")  # taken before closing: still shown
    assert build_view(help_journey, CLOSED).ticket_code == "A-012"


def test_a_service_page_offers_the_opening_time_instead_of_a_ticket():
    page = at_home()
    page.choose_service("carte-identite")
    open_view = build_view(page, ViewFacts(desk=desk_at(2026, 12, 7, 10, 0)))
    assert ServiceAction.TAKE_TICKET in [action.value for action in open_view.actions]
    view = build_view(page, CLOSED)
    assert ServiceAction.TAKE_TICKET not in [action.value for action in view.actions]
    assert view.what_now == "L'accueil est fermé. Il ouvre lundi à 9 h. Que voulez-vous faire ?"
    assert "Il ouvre lundi à 9 heures. Que voulez-vous faire ?" in view.speech.text
    page.choose_service("signalement-rue")  # no ticket there: nothing about the desk
    assert build_view(page, CLOSED).what_now == "Que voulez-vous faire ?"
