"""The focus ring shows a keyboard user where they are; a citizen who touched the screen
never sees one. Once a typed answer is validated its field goes, and Qt hands the focus to
the next button "as by Tab": no ring must appear on "Retour" then."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.gui.conftest import Citizen
from ui.widgets.buttons import BigButton


def ringed(window) -> list[str]:
    return [button.text() for button in window.findChildren(BigButton)
            if button.property("keyboard_focus")]


def test_no_ring_appears_when_a_typed_answer_is_validated(qtbot, window):
    window.activateWindow()  # the kiosk's window is the active one: it holds the focus
    qtbot.waitUntil(window.isActiveWindow)
    citizen = Citizen(qtbot, window)
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    journey = window.journey
    journey.answer("eclairage")
    assert isinstance(window.focusWidget(), QLineEdit)  # the place's field, focused
    journey.answer("Rue de la Mairie")  # what "Valider" sends; the next field is focused
    journey.answer("")  # no description: the yes/no question has no field
    qtbot.wait(50)
    assert journey.form.current_step.kind == "yes_no"
    assert isinstance(window.focusWidget(), BigButton)  # Qt moved the focus on
    assert ringed(window) == []


def test_a_real_tab_key_still_shows_the_ring(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    citizen = Citizen(qtbot, window)
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    focused = window.focusWidget()
    qtbot.keyClick(focused or window, Qt.Key.Key_Tab)
    assert ringed(window) == [window.focusWidget().text()]
