"""Staff screens in the staff member's language, the citizen's screen in the citizen's: a
citizen in Spanish, Claire reading French, Sam reading English, Leila reading Arabic."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.session import MediatorDesk
from tests.gui.conftest import enter_pin, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF, FakeClock

PIN = "2468"


@pytest.fixture
def window(qtbot, make_config):
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         interface__languages=["fr", "en", "es"])  # the citizens' choice
    desk = MediatorDesk(config, clock=FakeClock(), kdf=CHEAP_KDF)
    accounts = desk.services.accounts
    accounts.add("Claire", PIN)  # never chose: French
    accounts.add("Sam", PIN)
    accounts.set_language("Sam", "en")
    accounts.add("Leila", PIN)
    accounts.set_language("Leila", "ar")
    with shown_window(qtbot, config, sync=False, desk=desk) as window:
        yield window


def words(screen) -> list[str]:
    widgets = [*screen.findChildren(QLabel), *screen.findChildren(QAbstractButton)]
    return [widget.text() for widget in widgets if widget.isVisibleTo(screen) and widget.text()]


def citizen_in_spanish(citizen, window):
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["es"])
    citizen.tap(window.comfort.continue_button)
    assert window.current_screen is window.home
    return words(window.home)


def test_the_dashboard_speaks_each_staff_members_language_and_the_citizen_keeps_hers(
        citizen, window):
    seen_by_citizen = citizen_in_spanish(citizen, window)
    enter_pin(citizen, window, "Sam", PIN)
    dashboard = window.staff.dashboard
    assert window.current_screen is dashboard
    assert dashboard.tabs["waiting"].text() == "Waiting"
    assert dashboard.quit_button.text() == "Quit"
    assert dashboard.title.text().startswith("Sam") or "Sam" in dashboard.title.text()
    assert "Attente" not in words(dashboard)
    citizen.tap(dashboard.quit_button)
    assert window.current_screen is window.home
    assert window.journey.state.language == "es"
    assert words(window.home) == seen_by_citizen  # not a word changed underneath

    enter_pin(citizen, window, "Claire", PIN)
    dashboard = window.staff.dashboard
    assert dashboard.tabs["waiting"].text() == "Attente"
    assert dashboard.quit_button.text() == "Quitter"
    citizen.tap(dashboard.quit_button)
    assert words(window.home) == seen_by_citizen


def test_the_pin_screen_switches_to_the_language_of_the_name_tapped(citizen, window):
    citizen_in_spanish(citizen, window)
    window.staff.open()
    pin_screen = window.staff.pin_screen
    assert pin_screen.cancel_button.text() == "Annuler"  # nobody chosen yet: French
    sam = next(b for b in pin_screen.account_buttons.values() if b.text() == "Sam")
    citizen.tap(sam)
    assert pin_screen.title.text() == "PIN for Sam"
    assert pin_screen.cancel_button.text() == "Cancel"
    for digit in "1357":
        citizen.tap(pin_screen.pad.key_for(digit))
    citizen.tap(pin_screen.pad.done_key)
    citizen.qtbot.waitUntil(pin_screen.isEnabled)
    assert pin_screen.status.text().startswith("Wrong PIN.")
    citizen.tap(pin_screen.other_button)
    assert pin_screen.cancel_button.text() == "Annuler"


def test_a_staff_member_chooses_english_on_the_settings_and_finds_it_next_time(
        citizen, window):
    citizen_in_spanish(citizen, window)
    enter_pin(citizen, window, "Claire", PIN)
    dashboard = window.staff.dashboard
    citizen.tap(dashboard.tabs["settings"])
    settings = dashboard.panels["settings"]
    assert settings.labels["my_language"].text() == "Langue de mes écrans : Français"
    citizen.tap(settings.buttons["my_language.change"])  # the next language: English
    citizen.qtbot.waitUntil(lambda: window.staff.dashboard is not dashboard
                            and window.staff.dashboard is not None)
    dashboard = window.staff.dashboard
    assert window.current_screen is dashboard and dashboard.current == "settings"
    assert dashboard.quit_button.text() == "Quit"
    assert window.desk.services.accounts.get("Claire").language == "en"
    citizen.tap(dashboard.quit_button)
    assert window.journey.state.language == "es"
    enter_pin(citizen, window, "Claire", PIN)
    assert window.staff.dashboard.tabs["waiting"].text() == "Waiting"


def test_a_staff_member_reading_arabic_gets_right_to_left_staff_screens_only(citizen, window):
    citizen_in_spanish(citizen, window)
    enter_pin(citizen, window, "Leila", PIN)
    assert window.staff.dashboard.layoutDirection() == Qt.LayoutDirection.RightToLeft
    citizen.tap(window.staff.dashboard.quit_button)
    assert window.home.layoutDirection() == Qt.LayoutDirection.LeftToRight
    enter_pin(citizen, window, "Sam", PIN)
    assert window.staff.dashboard.layoutDirection() == Qt.LayoutDirection.LeftToRight
