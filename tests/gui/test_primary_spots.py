"""A trembling finger or a double tap must not press the next screen's main button: no
primary button at the same spot on two consecutive screens, on a whole request walked with
real taps."""

import itertools

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton


def primary_rects(window) -> list[QRect]:
    screen = window.current_screen
    return [QRect(button.mapTo(window, button.rect().topLeft()), button.size())
            for button in screen.findChildren(QPushButton)
            if button.property("role") == "primary" and button.isVisibleTo(window)]


def test_no_primary_button_sits_where_the_previous_screen_had_one(citizen, window, qtbot):
    seen: list[tuple[str, list[QRect]]] = []

    def look() -> None:
        seen.append((type(window.current_screen).__name__, primary_rects(window)))

    look()
    citizen.tap(window.attract.start_button)
    look()
    citizen.tap(window.language.buttons["fr"])
    look()
    citizen.tap(window.comfort.continue_button)
    look()
    citizen.tap(window.home.tiles["commune"])
    look()
    citizen.tap(window.theme.buttons["signalement-rue"])
    look()
    citizen.tap(window.service.request_button)
    look()
    citizen.choose("eclairage")
    citizen.answer("Rue Haute")
    citizen.skip()
    citizen.choose(False)
    citizen.choose(False)
    look()  # the review
    citizen.tap(window.review.confirm_button)
    look()  # "your data": the named case, two consent buttons at the same spot
    citizen.tap(window.consent.accept_button)
    qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    look()
    citizen.tap(window.receipt.finish_button)
    look()  # "Terminer" before printing asks
    clashes = [(before[0], after[0]) for before, after in itertools.pairwise(seen)
               if any(a.intersects(b) for a in before[1] for b in after[1])]
    assert clashes == []
