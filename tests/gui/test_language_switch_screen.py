"""The language screen shows the nine languages of the registry, each written in itself, at the
largest text size on a landscape and a portrait kiosk screen, with nothing cut (issue 13)."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from kiosk.services import KioskServices
from offline_cache.languages import LANGUAGES
from tests.gui.conftest import laid_out
from ui.app import build_window
from ui.layout_audit import audit
from ui.theme import TextSize, Theme

SCREENS = {"1280x800": QSize(1280, 800), "1080x1920": QSize(1080, 1920)}


@pytest.fixture
def largest_window(qtbot, kiosk_config):
    def build(size: QSize):
        window = build_window(kiosk_config, theme=Theme(text_size=TextSize.LARGER),
                              services=KioskServices(kiosk_config, sync=False))
        qtbot.addWidget(window)
        window.setFixedSize(size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


def _save(window, name: str) -> None:
    """KIOSK_SHOTS=folder keeps what the test saw, to look at (issue 13's screenshots)."""
    folder = os.environ.get("KIOSK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("resolution", SCREENS)
def test_nine_languages_each_in_itself_fit_at_the_largest_size(qtbot, largest_window,
                                                               resolution):
    window = largest_window(SCREENS[resolution])
    journey = window.journey
    journey.start()
    laid_out(qtbot)
    _save(window, f"language-start-42px-{resolution}")
    assert window.current_screen is window.language
    names = {code: button.text() for code, button in window.language.buttons.items()}
    assert names == {language.code: language.name for language in LANGUAGES}
    area = window.rect()
    for code, button in window.language.buttons.items():
        assert button.isVisible(), code
        corner = button.mapTo(window, button.rect().bottomRight())
        assert area.contains(corner), f"{code} is below the screen edge at {resolution}"
    assert audit(window) == []

    journey.choose_language("fr")
    journey.comfort_done()
    journey.choose_service("acte-naissance")
    journey.start_request()
    journey.open_language()  # over a question, from the nav bar
    laid_out(qtbot)
    _save(window, f"language-over-question-42px-{resolution}")
    assert window.current_screen is window.language
    assert audit(window) == []
