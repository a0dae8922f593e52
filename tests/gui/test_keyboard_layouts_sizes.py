"""Every language's keyboard keeps keys of 72 px or more, all inside the window, on the
shortest kiosk screen (1280x800) and the narrowest (1080x1920, portrait) at the largest text
size, with the question still shown and every key's name whole in that language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from kiosk.services import KioskServices
from offline_cache.languages import CODES
from tests.gui.conftest import Citizen
from ui.app import build_window
from ui.layout_audit import audit
from ui.theme import MIN_TOUCH_PX, TextSize, Theme
from ui.widgets.buttons import BigButton

SHORT, NARROW = QSize(1280, 800), QSize(1080, 1920)


@pytest.fixture(params=[SHORT, NARROW], ids=["1280x800", "1080x1920"])
def largest_window(request, qtbot, make_config):
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         interface__languages=list(CODES))
    services = KioskServices(config, sync=False)
    window = build_window(config, theme=Theme(text_size=TextSize.LARGER), services=services)
    qtbot.addWidget(window)
    window.setFixedSize(request.param)
    window.show()
    qtbot.waitExposed(window)
    yield window
    services.close()


def in_window(window, widget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("lang", CODES)
def test_the_name_keyboard_keeps_72_px_keys_at_the_largest_size(
        qtbot, largest_window, lang):
    window = largest_window
    citizen = Citizen(qtbot, window)
    citizen.open_service("retraite", "demande-retraite", lang=lang)
    citizen.tap(window.service.request_button)
    assert window.journey.form.current_step.kind == "name"
    keyboard = citizen.keyboard()
    qtbot.wait(20)  # laid out
    keys = [key for key in keyboard.findChildren(BigButton) if key.isVisible()]
    assert len(keys) >= 40  # the letters, signs and the bottom row
    places = [in_window(window, key) for key in keys]
    small = [(key.text(), place.size()) for key, place in zip(keys, places, strict=True)
             if place.width() < MIN_TOUCH_PX or place.height() < MIN_TOUCH_PX]
    assert small == []
    assert all(window.rect().contains(place) for place in places)
    assert audit(keyboard) == []  # "Підтвердити", "Ștergeți"... whole, on one line or more
    assert not any(a.intersects(b) for i, a in enumerate(places) for b in places[i + 1:])
    question = window.question.question
    assert question.isVisible() and window.rect().contains(in_window(window, question))
    assert in_window(window, question).bottom() < min(place.top() for place in places)
