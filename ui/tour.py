"""The headless guided tour: a citizen's walk through the kiosk with real taps, saved as PNGs,
ending with a real request that travels, encrypted, to a hub on this machine.

The request is made at the largest text size ("Très grande"), with one answer refused and
corrected, as the people the kiosk is for would do it.

`kiosk demo` runs it where there is no display, so the main job is visible on a server too.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.config import KioskConfig
from kiosk.journey import TextSize
from kiosk.local_hub import (
    HubUnavailable,
    LocalHub,
    hub_requests,
    start_local_hub,
    tracking_page_state,
)
from kiosk.services import KioskServices
from offline_cache.protocol import tracking_url
from ui.app import build_window
from ui.main_window import KioskWindow
from ui.tasks import wait_until
from ui.voice_bridge import RecordingSpeaker

IDLE_WARNING_MS = 1500  # the tour waits for a real idle warning, so it is kept short
SYNC_WAIT_S = 30
REQUEST = ("commune", "signalement-rue")
NO_HUB_URL = "http://127.0.0.1:9"  # nothing listens there: the request stays queued


@dataclass(frozen=True, slots=True)
class TourStep:
    action: str
    screen: str
    png: Path
    spoken: str


@dataclass(slots=True)
class TourResult:
    steps: list[TourStep] = field(default_factory=list)
    hub_url: str = ""
    reference: str = ""
    hub_received: list[str] = field(default_factory=list)  # "service reference" lines
    hub_missing: str = ""  # why no hub could be started (the bundle has none)
    tracking_url: str = ""  # the receipt's QR link to the hub's tracking page
    tracking_state: str = ""  # what that page shows (id="etat"), or why it cannot


def _tap(button: QAbstractButton) -> None:
    """After the tap guard's moment: the tour taps as a person would, not as a double tap."""
    guard = button.window().kiosk.tap_guard
    wait_until(lambda: not guard.holding, 2, "the end of the tap guard's hold")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def _type(window: KioskWindow, text: str) -> None:
    for key in window.question.input.keyboard.taps_for(text):
        _tap(key)


def close_window(window: KioskWindow) -> None:
    """Delete the window while Qt is fully alive, not during interpreter shutdown."""
    QThreadPool.globalInstance().waitForDone()  # no task still writing in the scratch folder
    window.services.close()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_tour(config: KioskConfig, out_dir: Path) -> TourResult:
    """The tour keeps its queue and its hub in a scratch folder: nothing of yours is touched.

    The hub is the real back office in its own process (kiosk.local_hub); where it is not
    installed (the bundle), HubUnavailable says so in one line.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-tour-") as scratch:
        try:
            hub: LocalHub | None = start_local_hub(Path(scratch) / "hub")
        except HubUnavailable as error:
            hub, missing = None, str(error)
        try:
            tour_config = config.with_values({
                "hub.url": hub.url if hub else NO_HUB_URL,
                "storage.data_dir": str(Path(scratch) / "kiosk")})
            result = _walk(tour_config, out_dir, hub)
            result.hub_url = hub.url if hub else ""
            result.hub_missing = "" if hub else missing
            return result
        finally:
            if hub is not None:
                hub.stop()


def _walk(config: KioskConfig, out_dir: Path, hub: LocalHub | None) -> TourResult:
    speaker = RecordingSpeaker()
    spoken = speaker.spoken
    window = build_window(config, idle_warning_ms=IDLE_WARNING_MS,
                          services=KioskServices(config), speaker=speaker)
    window.show()
    result = TourResult()

    def record(action: str) -> None:
        QApplication.processEvents()
        name = type(window.current_screen).__name__
        png = out_dir / f"{len(result.steps) + 1:02d}-{name}.png"
        window.grab().save(str(png))
        result.steps.append(TourStep(action, name, png, spoken[-1] if spoken else ""))

    catalog = window.journey.catalog
    theme = next(t for t in catalog.themes if catalog.services_for(t.id))
    service = catalog.services_for(theme.id)[0]
    record("The kiosk waits for someone")
    _tap(window.attract.start_button)
    record("Touch the screen to start")
    _tap(window.language.buttons[config["interface.default_language"]])
    record("Choose French")
    _tap(window.comfort.options[("text_size", TextSize.LARGE)])
    record("Choose larger text")
    _tap(window.comfort.options[("text_size", TextSize.NORMAL)])
    _tap(window.comfort.continue_button)
    record("Back to the normal size, continue")
    _tap(window.home.tiles[theme.id])
    record(f"Open the theme '{theme.id}'")
    _tap(window.theme.buttons[service.id])
    record(f"Open the procedure '{service.id}'")
    _tap(window.nav_bar.help_button)
    record("Ask for a person's help")
    _tap(window.help.back_button)
    wait_until(lambda: window.current_screen is window.idle, 10, "the idle warning")
    record("Stay still until the idle warning")
    _tap(window.idle.more_time_button)
    _tap(window.nav_bar.home_button)
    record("I need more time, then back home")
    _tap(window.nav_bar.comfort_button)
    _tap(window.comfort.options[("text_size", TextSize.LARGER)])
    record("The largest text, from the top bar's 'Confort'")
    _tap(window.comfort.continue_button)
    _request(window, record)
    result.reference = window.receipt.reference.text()
    if hub is not None:
        _follow_to_the_hub(window, hub, result)
    _tap(window.receipt.finish_button)
    record("Finish: the ticket was not printed, so the kiosk asks")
    _tap(window.confirm.yes_button)
    record("Finish: everything is wiped")
    close_window(window)
    return result


def _follow_to_the_hub(window: KioskWindow, hub: LocalHub, result: TourResult) -> None:
    """Wait until the request reached the hub, list what it holds, open the tracking page."""
    services = window.services
    wait_until(lambda: services.outbox().status().counts.get("sent", 0) >= 1, SYNC_WAIT_S,
               "sending the request to the hub")
    held = hub_requests(hub.data_dir)
    result.hub_received = [f"{item['service']} {item['uuid']}" for item in held]
    mine = next((item for item in held if item["reference"] == result.reference), None)
    if mine is not None:
        result.tracking_url = tracking_url(hub.url, mine["uuid"], mine["reference"])
        result.tracking_state = tracking_page_state(result.tracking_url)


def _request(window: KioskWindow, record: Callable[[str], None]) -> None:
    """Report a broken street light at the largest text, typing on the on-screen keyboard;
    a phone number with a digit missing is refused, then corrected."""
    theme_id, service_id = REQUEST
    _tap(window.home.tiles[theme_id])
    _tap(window.theme.buttons[service_id])
    record(f"Open the procedure '{service_id}'")
    _tap(window.service.request_button)
    record("Make the request here: question 1")
    _tap(window.question.input.buttons["eclairage"])
    _type(window, "Rue de la Mairie")
    record("A broken street light; type where it is")
    _tap(window.question.input.keyboard.done_key)
    _tap(window.question.skip_button)
    _tap(window.question.input.buttons[True])
    _tap(window.question.input.buttons[True])
    record("Skip the details; dangerous: yes; an answer: yes")
    _type(window, "061234567")
    _tap(window.question.input.keyboard.done_key)
    record("A digit is missing: the kiosk says so and keeps what was typed")
    _type(window, "8")
    _tap(window.question.input.keyboard.done_key)
    _tap(window.question.skip_button)
    record("Corrected; no e-mail")
    _tap(window.review.confirm_button)
    record("The answers are right: the 'your data' screen")
    _tap(window.consent.accept_button)
    wait_until(lambda: window.current_screen is window.receipt, 30, "queuing the request")
    record("I agree: the receipt")
