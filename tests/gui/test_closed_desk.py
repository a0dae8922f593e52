"""Outside the front desk's hours, as a citizen meets the kiosk: real windows, real taps, a
clock the test moves (never a sleep)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QSize, Qt

from kiosk.journey import Step
from kiosk.services import KioskServices
from kiosk.views.records import ServiceAction
from offline_cache.settings_schema import MESSAGE_OF_THE_DAY_MAX
from tests.gui.conftest import Citizen, shown_window, tap
from ui import desk_watch
from ui.app import build_window
from ui.layout_audit import audit
from ui.theme import TextSize, Theme

PARIS = ZoneInfo("Europe/Paris")
HOURS = {day: "09:00-12:00, 14:00-17:30" for day in ("mon", "tue", "wed", "thu", "fri")}
MESSAGE = "Fermé le 24 décembre"


class Clock:
    """The time the kiosk believes it is, moved by the test."""

    def __init__(self, *when: int):
        self.now = datetime(*when, tzinfo=PARIS).timestamp()

    def __call__(self) -> float:
        return self.now

    def move_to(self, *when: int) -> None:
        self.now = datetime(*when, tzinfo=PARIS).timestamp()


@pytest.fixture
def site(make_config):
    def make(**changes):
        return make_config(**{"hub__url": "http://127.0.0.1:9", "printer__kind": "pdf",
                              "opening__hours": HOURS, "site__message_of_the_day": MESSAGE,
                              **changes})
    return make


def said(window) -> list[str]:
    return window.kiosk.speaker.spoken


def test_on_friday_evening_the_attract_screen_says_monday_and_still_takes_requests(qtbot, site):
    with shown_window(qtbot, site(), clock=Clock(2026, 12, 11, 18, 0)) as window:
        attract = window.attract
        for label, text in ((attract.notice, MESSAGE),
                            (attract.closed, "L'accueil est fermé. Il ouvre lundi à 9 h."),
                            (attract.closed_next, "Vous pouvez quand même faire une demande.")):
            assert label.isVisible() and label.text() == text
        assert said(window)[-1] == (
            "Bonjour ! Fermé le 24 décembre L'accueil est fermé. Il ouvre lundi à 9 heures. "
            "Vous pouvez quand même faire une demande. Touchez l'écran pour commencer.")
        tap(qtbot, attract.start_button)
        assert window.current_screen is window.language


def test_a_kiosk_resting_with_its_desk_starts_nothing_but_staff_mode_still_opens(qtbot, site):
    config = site(opening__requests_when_closed=False)
    with shown_window(qtbot, config, clock=Clock(2026, 12, 11, 18, 0)) as window:
        attract = window.attract
        assert not attract.start_button.isVisible()
        assert attract.closed_next.text() == "Revenez quand l'accueil est ouvert."
        assert "Touchez l'écran" not in said(window)[-1]
        qtbot.mouseClick(attract, Qt.MouseButton.LeftButton, pos=attract.rect().center())
        assert window.journey.state.step is Step.ATTRACT
        corner = QPoint(attract.width() - 20, 20)
        qtbot.mousePress(attract, Qt.MouseButton.LeftButton, pos=corner)
        qtbot.waitUntil(lambda: window.staff.pin_screen is not None
                        and window.current_screen is window.staff.pin_screen, timeout=4000)
        qtbot.mouseRelease(attract, Qt.MouseButton.LeftButton, pos=corner)


def test_the_attract_screen_changes_by_itself_when_the_desk_opens_and_closes(
        qtbot, site, monkeypatch):
    monkeypatch.setattr(desk_watch, "CHECK_MS", 10)  # the real timer, checking often
    clock = Clock(2026, 12, 7, 8, 59, 59)
    with shown_window(qtbot, site(opening__requests_when_closed=False), clock=clock) as window:
        attract = window.attract
        assert attract.closed.text() == "L'accueil est fermé. Il ouvre aujourd'hui à 9 h."
        assert not attract.start_button.isVisible()
        clock.move_to(2026, 12, 7, 9, 0, 1)
        qtbot.waitUntil(lambda: attract.start_button.isVisible(), timeout=2000)
        assert not attract.closed.isVisible() and attract.notice.text() == MESSAGE
        assert said(window)[-1] == "Bonjour ! Fermé le 24 décembre Touchez l'écran pour commencer."
        clock.move_to(2026, 12, 7, 12, 0, 0)
        qtbot.waitUntil(lambda: attract.closed.isVisible(), timeout=2000)
        assert attract.closed.text() == "L'accueil est fermé. Il ouvre aujourd'hui à 14 h."
        assert not attract.start_button.isVisible()


def test_help_from_the_top_bar_gives_the_opening_time_instead_of_a_ticket(qtbot, site):
    with shown_window(qtbot, site(), clock=Clock(2026, 12, 11, 18, 0)) as window:
        citizen = Citizen(qtbot, window)
        citizen.tap(window.attract.start_button)
        citizen.tap(window.language.buttons["fr"])
        citizen.tap(window.comfort.continue_button)
        citizen.tap(window.nav_bar.help_button)
        help_screen = window.help
        assert window.current_screen is help_screen
        assert not help_screen.ticket_button.isVisible()
        assert help_screen.body.text().startswith("L'accueil est fermé. Il ouvre lundi à 9 h.")
        assert "lundi à 9 heures" in said(window)[-1] and "ticket" not in said(window)[-1]
        citizen.tap(help_screen.back_button)
        assert window.current_screen is window.home


def test_a_service_page_offers_no_ticket_until_the_desk_opens(qtbot, site):
    clock = Clock(2026, 12, 11, 18, 0)
    with shown_window(qtbot, site(), clock=clock) as window:
        citizen = Citizen(qtbot, window)
        citizen.open_service("papiers", "carte-identite")
        page = window.service
        assert ServiceAction.TAKE_TICKET not in page.action_buttons
        assert page.what_now.text() == ("L'accueil est fermé. Il ouvre lundi à 9 h. "
                                        "Que voulez-vous faire ?")
        clock.move_to(2026, 12, 14, 9, 0)  # Monday morning: shown when the page is next drawn
        citizen.tap(page.action_buttons[ServiceAction.OTHER_SERVICE])
        citizen.tap(window.theme.buttons["carte-identite"])
        ticket = page.action_buttons[ServiceAction.TAKE_TICKET]
        assert ticket.isVisible() and page.what_now.text() == "Que voulez-vous faire ?"


@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1080, 1920)])
def test_the_longest_message_and_the_hours_fit_at_the_largest_text(qtbot, site, size):
    """42 px text, a message of the longest length allowed, the closed desk, and a ticket
    just called: nothing cut, nothing squeezed."""
    longest = ("Fermeture exceptionnelle le jeudi 24 décembre après-midi. Permanence des "
               "impôts mardi de 9 h à 12 h.")
    assert len(longest) == MESSAGE_OF_THE_DAY_MAX
    config = site(site__message_of_the_day=longest)
    window = build_window(config, theme=Theme(text_size=TextSize.LARGER),
                          services=KioskServices(config, sync=False),
                          clock=Clock(2026, 12, 11, 18, 0))
    qtbot.addWidget(window)
    window.setFixedSize(size)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.attract.show_call("Ticket A-012, Guichet 1")
        qtbot.wait(1)
        assert window.attract.notice.text() == longest and window.attract.closed.isVisible()
        assert audit(window) == []
    finally:
        window.services.close()


def test_hours_and_a_message_sent_by_the_back_office_show_on_the_attract_screen_at_once(
        qtbot, make_config):
    """Live settings (ui.remote_settings_bridge): the attract screen does not wait for the
    next check of the hours, nor for a citizen, to say the new message and hours."""
    from kiosk.remote_settings import RemoteSettings

    clock = Clock(2026, 12, 4, 19, 0)  # a Friday evening
    with shown_window(qtbot, make_config(hub__url="http://127.0.0.1:9"),
                      clock=clock) as window:
        attract = window.attract
        assert attract.notice is None and attract.closed is None  # always open, no message
        window.services.take_settings(RemoteSettings("v2", {
            "opening.hours": HOURS, "site.message_of_the_day": MESSAGE}))
        qtbot.waitUntil(lambda: attract.closed is not None and attract.closed.isVisible(),
                        timeout=2000)
        assert attract.closed.text() == "L'accueil est fermé. Il ouvre lundi à 9 h."
        assert attract.notice.text() == MESSAGE and MESSAGE in said(window)[-1]
