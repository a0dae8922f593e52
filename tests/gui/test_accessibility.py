"""Sizes, contrast, fonts and names that an older citizen and a screen reader depend on."""

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.catalog import load_catalog
from kiosk.i18n import MESSAGES
from ui.screenshots import _scenes
from ui.theme import (
    BODY_PX,
    FONT_FAMILY,
    MIN_TOUCH_PX,
    PALETTES,
    TextSize,
    contrast_ratio,
    text_pairs,
)


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_every_text_colour_pair_reaches_aaa_contrast(palette):
    for name, foreground, background in text_pairs(palette):
        assert contrast_ratio(foreground, background) >= 7.0, f"{palette.name}: {name}"


def test_default_body_text_is_at_least_28_px_with_two_larger_steps():
    sizes = [BODY_PX[size] for size in TextSize]
    assert sizes[0] >= 28 and sizes == sorted(sizes) and len(set(sizes)) == 3


def test_every_interactive_widget_has_an_accessible_name_and_description(qtbot, window):
    """What a screen reader announces: walk the widget tree on every screen."""
    for name, reach in _scenes(window.journey):
        reach()
        qtbot.wait(10)
        for widget in window.findChildren(QWidget):
            if widget.isVisible() and isinstance(widget, QAbstractButton | QLineEdit):
                label = f"{name}: {type(widget).__name__} '{widget.text()}'"
                assert widget.accessibleName().strip(), label
                assert widget.accessibleDescription().strip(), label


def test_on_every_screen_buttons_are_large_and_named(qtbot, window):
    for _name, reach in _scenes(window.journey):
        reach()
        qtbot.wait(10)
        screen = window.current_screen
        visible_buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
        if screen is window.attract and not screen.view.can_start:
            assert not visible_buttons  # resting with its desk (opening.requests_when_closed)
            continue
        assert visible_buttons, type(screen).__name__
        for button in visible_buttons:
            assert button.height() >= MIN_TOUCH_PX, (type(screen).__name__, button.text())
            assert button.width() >= MIN_TOUCH_PX, (type(screen).__name__, button.text())
            assert button.accessibleName(), (type(screen).__name__, button.text())


def test_the_shipped_font_draws_every_character_of_the_interface_and_catalogue(window):
    metrics = QFontMetrics(QFont(FONT_FAMILY))
    catalog = load_catalog()
    texts = [text for lang in ("fr", "en") for _key, text in MESSAGES.templates(lang)]
    for service in catalog.services:
        texts += [*service.title.values(), *service.summary.values(), *service.authority.values()]
        texts += [item for items in service.documents.values() for item in items]
    texts += [text for theme in catalog.themes for text in theme.title.values()]
    missing = {char for text in texts for char in text if not metrics.inFontUcs4(ord(char))}
    assert not missing, f"characters drawn as boxes: {sorted(missing)}"
    assert QFont(FONT_FAMILY).exactMatch()


# The layout at every size, palette and resolution: tests/gui/test_text_fits.py.
