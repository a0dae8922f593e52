"""The largest text (42 px) on the shortest kiosk screen (1280x800), and the QR code of the
service page on landscape screens: what used to be cut, driven with real taps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from kiosk.journey import SpeechRate
from kiosk.services import KioskServices
from tests.gui.conftest import Citizen, tap
from ui.app import build_window
from ui.theme import MIN_TOUCH_PX, TextSize, Theme
from ui.widgets.buttons import BigButton
from ui.widgets.scroll_area import TouchScrollArea

SHORT = QSize(1280, 800)


@pytest.fixture
def kiosk_at(qtbot, kiosk_config):
    """The real window at a text size and a fixed resolution."""
    windows = []

    def build(size: TextSize, resolution: QSize = SHORT):
        window = build_window(kiosk_config, theme=Theme(text_size=size),
                              services=KioskServices(kiosk_config, sync=False))
        qtbot.addWidget(window)
        window.setFixedSize(resolution)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.services.close()


def places(qtbot, window, buttons) -> dict[BigButton, QRect]:
    qtbot.wait(20)  # laid out
    return {button: QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            for button in buttons if button.isVisible()}


def whole_in_window(window, widget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def open_question(window, service_id: str, question_id: str, answers: dict) -> None:
    journey = window.journey
    journey.start()
    journey.choose_language("fr")
    journey.comfort_done()
    journey.choose_service(service_id)
    journey.start_request()
    while journey.form.current_step.id != question_id:
        step = journey.form.current_step
        assert journey.answer(step.choices[0].value if step.choices else answers[step.kind]) \
            is None


def test_the_social_security_pad_stays_put_when_its_error_appears_at_42_px(qtbot, kiosk_at):
    """Failed before: the error took the room of the pad's last row, 'A', 'B' and '0' were
    cut by the pad and every key moved up under the finger."""
    window = kiosk_at(TextSize.LARGER)
    open_question(window, "demande-retraite", "nir",
                  {"name": "Dupont", "date_of_birth": ("01", "03", "1958")})
    citizen = Citizen(qtbot, window)
    pad = window.question.input.keyboard
    before = places(qtbot, window, pad.findChildren(BigButton))
    citizen.answer("123")
    assert window.question.error.isVisible()
    assert "15 chiffres" in window.question.error.text()
    assert places(qtbot, window, pad.findChildren(BigButton)) == before
    assert all(place.height() >= MIN_TOUCH_PX for place in before.values())
    assert all(whole_in_window(window, key) for key in pad.findChildren(BigButton))
    assert whole_in_window(window, window.question.error)


def test_the_commune_keyboard_keeps_72_px_keys_at_42_px_on_800_px(qtbot, kiosk_at):
    """Failed before: the question's heading took the room, the keys were 66 px and the
    last row ("w x c v b n Espace") was cut."""
    window = kiosk_at(TextSize.LARGER)
    open_question(window, "acte-naissance", "commune_naissance",
                  {"name": "Dupont", "date_of_birth": ("01", "03", "1958")})
    citizen = Citizen(qtbot, window)
    keyboard = window.question.input.keyboard
    citizen.type("03120")  # thirteen communes: the list scrolls, the keys stay
    keys = places(qtbot, window, keyboard.findChildren(BigButton))
    assert all(place.height() >= MIN_TOUCH_PX for place in keys.values())
    assert all(keyboard.rect().contains(key.geometry()) for key in keys)
    rects = list(keys.values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    results = window.question.input.results
    assert results.verticalScrollBar().isVisible()
    assert whole_in_window(window, window.question.question)


def test_every_comfort_choice_is_whole_and_the_chosen_one_has_a_drawn_tick(qtbot, kiosk_at):
    """Failed before: at 42 px on 800 px the rows ran into each other and "Rapide" was cut;
    the choice was marked with a typed "✓" the shipped font does not have."""
    window = kiosk_at(TextSize.LARGER)
    window.journey.start()
    window.journey.choose_language("fr")
    comfort = window.comfort
    buttons = [*comfort.options.values(), comfort.continue_button]
    shown = places(qtbot, window, buttons)
    assert len(shown) == len(buttons)
    assert all(place.height() >= MIN_TOUCH_PX for place in shown.values())
    rects = list(shown.values())
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert all(whole_in_window(window, button) for button in buttons)
    slow = comfort.options[("speech_rate", SpeechRate.SLOW)]
    assert slow.icon().isNull() and "✓" not in slow.text()
    tap(qtbot, slow)
    assert not slow.icon().isNull()  # the drawn tick, in the text's colour
    assert slow.text() == "Lente"


@pytest.mark.parametrize(("size", "resolution"), [
    (TextSize.NORMAL, QSize(1920, 1080)), (TextSize.LARGE, QSize(1920, 1080)),
    (TextSize.LARGER, SHORT)])
def test_the_service_page_qr_code_shows_whole_beside_the_text_and_decodes(
        qtbot, kiosk_at, size, resolution):
    """Failed before at 1920x1080: the code began half below the fold of the text."""
    from tests.gui.test_qr_view import decode

    window = kiosk_at(size, resolution)
    window.journey.start()
    window.journey.choose_language("fr")
    window.journey.comfort_done()
    window.journey.choose_service("acte-naissance")
    qtbot.wait(20)
    page = window.service
    viewport = page.findChild(TouchScrollArea).viewport()
    qr = QRect(page.qr.mapTo(viewport, QPoint(0, 0)), page.qr.size())
    assert viewport.rect().contains(qr)
    summary = QRect(page.summary.mapTo(viewport, QPoint(0, 0)), page.summary.size())
    assert qr.left() > summary.right()  # beside the text, not under it
    assert decode(page.qr) == [window.journey.catalog.service("acte-naissance").official_url]


def test_a_service_without_an_official_page_gives_its_text_the_whole_width(qtbot, kiosk_at):
    import dataclasses

    window = kiosk_at(TextSize.NORMAL, QSize(1920, 1080))
    window.journey.start()
    window.journey.choose_language("fr")
    window.journey.comfort_done()
    window.journey.choose_service("acte-naissance")
    page = window.service
    page.present(dataclasses.replace(page.view, official_url=""))
    qtbot.wait(20)
    assert not page.qr.isVisible() and not page.qr_caption.isVisible()
    viewport = page.findChild(TouchScrollArea).viewport()
    assert page.summary.width() > viewport.width() * 0.9  # no empty column kept for it
