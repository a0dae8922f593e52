"""A real kiosk window, built as `kiosk run` builds it, and a citizen who taps its keys."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from kiosk.services import KioskServices
from offline_cache.outbox import ItemState
from ui.app import build_window
from ui.main_window import KioskWindow
from ui.voice_bridge import RecordingSpeaker


@pytest.fixture
def kiosk_config(make_config):
    """The demo settings with the queue in a temporary folder; no hub answers on port 9."""
    return make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf")


@contextmanager
def shown_window(qtbot, config, sync: bool = True, **build) -> Iterator[KioskWindow]:
    """The window shown on screen with its services, a recording speaker, and `build`'s
    extras (a mediator desk...); its services closed afterwards."""
    services = KioskServices(config, sync=sync)
    window = build_window(config, services=services, speaker=RecordingSpeaker(), **build)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        services.close()


def queued(window: KioskWindow) -> list:
    """The requests in the queue, not sent yet. The sync engine may be trying the absent hub
    at that moment (SENDING) before it puts them back (PENDING)."""
    return window.services.outbox().items((ItemState.PENDING, ItemState.SENDING))


@pytest.fixture
def window(qtbot, kiosk_config) -> KioskWindow:
    with shown_window(qtbot, kiosk_config) as window:
        yield window


def laid_out(qtbot) -> None:
    """Until Qt has no layout left to do. A screen is laid out over several turns of the event
    loop (a button whose height follows its width asks again), and under CI's load one
    millisecond of waiting was not always enough: the language screen's rows, measured half
    laid out, overlapped by 12 px."""
    for _ in range(10):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        qtbot.wait(1)


def tap(qtbot, button) -> None:
    """A person's tap: after the moment the tap guard ignores once a screen changed (a real
    finger is not faster than that; a tap inside it is a double tap's second touch)."""
    kiosk = getattr(button.window(), "kiosk", None)
    if kiosk is not None:
        qtbot.waitUntil(lambda: not kiosk.tap_guard.holding, timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class Citizen:
    """Taps what a person would tap: real buttons, real keys of the on-screen keyboard."""

    def __init__(self, qtbot, window: KioskWindow):
        self.qtbot, self.window = qtbot, window

    def tap(self, button) -> None:
        assert button.isVisible(), f"'{button.text()}' is not on screen"
        tap(self.qtbot, button)

    def open_service(self, theme_id: str, service_id: str, lang: str = "fr") -> None:
        self.tap(self.window.attract.start_button)
        self.tap(self.window.language.buttons[lang])
        self.tap(self.window.comfort.continue_button)
        self.tap(self.window.home.tiles[theme_id])
        self.tap(self.window.theme.buttons[service_id])

    def keyboard(self):
        return self.window.question.input.keyboard

    def type(self, text: str) -> None:
        for key in self.keyboard().taps_for(text):
            self.tap(key)

    def erase(self, times: int) -> None:
        for _ in range(times):
            self.tap(self.keyboard().erase_key)

    def confirm(self) -> None:
        self.tap(self.keyboard().done_key)

    def answer(self, text: str) -> None:
        self.type(text)
        self.confirm()

    def skip(self) -> None:
        self.tap(self.window.question.skip_button)

    def choose(self, value) -> None:
        self.tap(self.window.question.input.buttons[value])

    def question(self) -> str:
        return self.window.question.question.text()


@pytest.fixture
def citizen(qtbot, window) -> Citizen:
    return Citizen(qtbot, window)


def enter_pin(citizen, window, name: str, pin: str) -> None:
    """A mediator opens staff mode as on the kiosk: name button, then the pad's keys."""
    window.staff.open()
    pin_screen = window.staff.pin_screen
    assert window.current_screen is pin_screen
    button = next(b for b in pin_screen.account_buttons.values() if b.text() == name)
    citizen.tap(button)
    for digit in pin:
        citizen.tap(pin_screen.pad.key_for(digit))
    citizen.tap(pin_screen.pad.done_key)
    assert not pin_screen.isEnabled()  # scrypt runs off the GUI thread: "Un instant…"
    citizen.qtbot.waitUntil(pin_screen.isEnabled)
    dashboard = window.staff.dashboard
    if dashboard is not None and window.current_screen is dashboard:
        citizen.qtbot.waitUntil(lambda: not dashboard.loading)  # its figures, read on a worker
