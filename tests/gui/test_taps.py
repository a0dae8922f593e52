"""Taps mean what the person meant: the second tap of a double tap does not act on the page
that the first tap opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QStackedWidget

from ui.tap_guard import TAP_HOLD_MS, install_tap_guard


class TwoPages(QStackedWidget):
    """Two pages whose buttons sit at the same spot, as "Passer" and "Oui" once did."""

    def __init__(self):
        super().__init__()
        self.taps: list[str] = []
        self.skip = QPushButton("Passer")
        self.yes = QPushButton("Oui")
        self.skip.clicked.connect(lambda: (self.taps.append("Passer"), self.setCurrentIndex(1)))
        self.yes.clicked.connect(lambda: self.taps.append("Oui"))
        self.addWidget(self.skip)
        self.addWidget(self.yes)


@pytest.fixture
def pages(qtbot):
    stack = TwoPages()
    qtbot.addWidget(stack)
    stack.resize(400, 300)
    stack.show()
    qtbot.waitExposed(stack)
    stack.guard = install_tap_guard(stack)
    return stack


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_second_tap_right_after_the_page_changed_does_nothing(qtbot, pages):
    tap(qtbot, pages.skip)
    tap(qtbot, pages.yes)  # the trembling finger's second touch, same spot
    assert pages.taps == ["Passer"]
    assert not pages.yes.isDown()


def test_a_double_tap_acts_once(qtbot, pages):
    """A double tap as the window system sends it: a click, then a double-click and a release
    at the same spot, which now holds the next page's button."""
    tap(qtbot, pages.skip)
    qtbot.mouseDClick(pages.yes, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(pages.yes, Qt.MouseButton.LeftButton)
    assert pages.taps == ["Passer"]
    assert pages.currentWidget() is pages.yes


def test_after_the_hold_a_tap_works(qtbot, pages):
    tap(qtbot, pages.skip)
    qtbot.wait(TAP_HOLD_MS + 100)
    tap(qtbot, pages.yes)
    assert pages.taps == ["Passer", "Oui"]


def test_an_overlay_can_hold_taps_too(qtbot, pages):
    pages.guard.hold()
    tap(qtbot, pages.skip)
    assert pages.taps == []
    qtbot.wait(TAP_HOLD_MS + 100)
    tap(qtbot, pages.skip)
    assert pages.taps == ["Passer"]


def test_an_ignored_tap_still_tells_that_someone_is_there(qtbot, pages):
    pages.guard.hold()
    with qtbot.waitSignal(pages.guard.tap_ignored, timeout=1000):
        tap(qtbot, pages.skip)


def test_repeat_is_not_offered_when_there_is_no_voice(qtbot):
    from ui.widgets.nav_bar import NavBar

    bar = NavBar("Mairie")
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    bar.set_repeat_available(False)
    assert not bar.repeat_button.isVisible()
    assert bar.help_button.isVisible()
    bar.set_repeat_available(True)
    assert bar.repeat_button.isVisible()


# "I'm still here" ---------------------------------------------------------------------------

def wait_for_the_idle_warning(qtbot, window, citizen) -> None:
    window.kiosk.idle_watcher.set_warning_after_ms(300)
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["fr"])
    citizen.tap(window.comfort.continue_button)
    citizen.tap(window.home.tiles["retraite"])
    qtbot.waitUntil(lambda: window.current_screen is window.idle, timeout=3000)


def test_a_touch_anywhere_on_the_idle_warning_brings_the_citizen_back(qtbot, window, citizen):
    wait_for_the_idle_warning(qtbot, window, citizen)
    idle = window.idle
    empty_spot = QPoint(8, 8)  # the screen's margin: no button, no text
    assert idle.childAt(empty_spot) is None
    qtbot.mouseClick(idle, Qt.MouseButton.LeftButton, pos=empty_spot)
    assert window.current_screen is window.theme
    assert window.journey.state.theme_id == "retraite"


def test_a_touch_on_the_idle_warning_text_counts_too(qtbot, window, citizen):
    wait_for_the_idle_warning(qtbot, window, citizen)
    qtbot.mouseClick(window.idle.body, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.theme


def test_finish_on_the_idle_warning_still_finishes(qtbot, window, citizen):
    wait_for_the_idle_warning(qtbot, window, citizen)
    citizen.tap(window.idle.finish_button)
    assert window.current_screen is window.attract
