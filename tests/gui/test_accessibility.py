"""Sizes, contrast, fonts and names that an older citizen and a screen reader depend on."""

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QScrollArea, QWidget

from kiosk.catalog import load_catalog
from kiosk.i18n import MESSAGES
from kiosk.services import KioskServices
from ui.app import build_window
from ui.screenshots import _scenes
from ui.theme import (
    BODY_PX,
    FONT_FAMILY,
    MIN_TOUCH_PX,
    PALETTES,
    TextSize,
    Theme,
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
        assert visible_buttons, type(screen).__name__
        for button in visible_buttons:
            assert button.height() >= MIN_TOUCH_PX, (type(screen).__name__, button.text())
            assert button.width() >= MIN_TOUCH_PX, (type(screen).__name__, button.text())
            assert button.accessibleName(), (type(screen).__name__, button.text())


def test_the_shipped_font_draws_every_character_of_the_interface_and_catalogue(window):
    metrics = QFontMetrics(QFont(FONT_FAMILY))
    catalog = load_catalog()
    texts = [text for entry in MESSAGES.values() for text in entry.values()]
    for service in catalog.services:
        texts += [*service.title.values(), *service.summary.values(), *service.authority.values()]
        texts += [item for items in service.documents.values() for item in items]
    texts += [text for theme in catalog.themes for text in theme.title.values()]
    missing = {char for text in texts for char in text if not metrics.inFontUcs4(ord(char))}
    assert not missing, f"characters drawn as boxes: {sorted(missing)}"
    assert QFont(FONT_FAMILY).exactMatch()


def in_scroll_area(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_or_off_screen(window) -> list[str]:
    """Text squeezed shorter than it needs, or widgets below the screen's edge (outside a
    scrolling list, where being below the edge is normal)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or in_scroll_area(widget):
            continue
        bottom = widget.mapTo(window, widget.rect().bottomLeft()).y()
        if bottom > window.height():
            problems.append(f"{type(widget).__name__} '{getattr(widget, 'text', str)()}' "
                            f"ends at {bottom} px")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if widget.height() + 2 < needed:
                problems.append(f"label '{widget.text()[:40]}' has {widget.height()} of "
                                f"{needed} px")
    return problems


@pytest.mark.parametrize("size", TextSize, ids=lambda s: f"{BODY_PX[s]}px")
@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_at_every_text_size_screens_fit_a_1280_by_800_display_and_no_label_is_cut(
        qtbot, kiosk_config, palette, size):
    window = build_window(kiosk_config, theme=Theme(palette, size),
                          services=KioskServices(kiosk_config, sync=False))
    qtbot.addWidget(window)
    window.show()
    for name, reach in _scenes(window.journey):
        reach()
        qtbot.wait(10)
        screen = f"{name} ({type(window.current_screen).__name__})"
        assert not cut_or_off_screen(window), screen
        for button in window.findChildren(QAbstractButton):
            if button.isVisible():
                needed = button.fontMetrics().horizontalAdvance(button.text())
                assert needed <= button.contentsRect().width(), (screen, button.text())
