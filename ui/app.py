"""Build the Qt application and the kiosk window from a configuration: the GUI's front door."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalog
from kiosk.config import KioskConfig
from kiosk.journey import Comfort, Journey
from kiosk.services import KioskServices
from kiosk.session import MediatorDesk
from ui.first_paint import after_first_paint, install_bench_probe
from ui.fonts import load_fonts
from ui.idle import IdleWatcher
from ui.main_window import KioskWindow
from ui.screens.base import ScreenContext
from ui.tasks import run_task
from ui.theme import FONT_FAMILY, HIGH_CONTRAST, Theme

log = logging.getLogger(__name__)
WINDOW_SIZE = QSize(1280, 800)


def ensure_application() -> QApplication:
    """The one QApplication, with the shipped font loaded and made the default."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not app.property("kiosk_fonts"):  # registered once per application
        load_fonts()
        app.setFont(QFont(FONT_FAMILY))
        app.setProperty("kiosk_fonts", True)
    return app


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Restyle every widget, only when the look changed: voice choices leave it as it is."""
    if app.property("kiosk_theme") != repr(theme):
        app.setProperty("kiosk_theme", repr(theme))
        app.setStyleSheet(theme.stylesheet())


def build_window(config: KioskConfig, catalog: Catalog | None = None,
                 theme: Theme | None = None, idle_warning_ms: int | None = None,
                 services: KioskServices | None = None,
                 desk: MediatorDesk | None = None) -> KioskWindow:
    """`desk` is mediator mode (opened on first use); tests pass one with a cheap PIN hash."""
    app = ensure_application()
    services = services or KioskServices(config)
    catalog = catalog or services.current_catalog()  # the hub's signed one once downloaded
    desk = desk or MediatorDesk(config)
    languages = tuple(config["interface.languages"])
    theme = theme or Theme()
    apply_theme(app, theme)
    journey = Journey(catalog, languages, config["interface.default_language"],
                      outbox=lambda: desk.assisted_outbox(services),
                      default_comfort=Comfort(text_size=theme.text_size,
                                              high_contrast=theme.palette is HIGH_CONTRAST))
    context = ScreenContext(catalog=catalog, site_name=config["site.name"], languages=languages,
                            idle_reset_seconds=config["interface.idle_reset_seconds"],
                            journey=journey, hub_url=services.hub_url,
                            link_up=services.link_up,
                            can_print=lambda: services.printer() is not None)
    window = KioskWindow(journey, context)
    window.desk = desk
    window.on_comfort = lambda comfort: apply_theme(app, Theme.for_comfort(comfort))
    window.services = services
    window.setFixedSize(WINDOW_SIZE)  # a kiosk screen; full screen takes the display's size
    warning_ms = idle_warning_ms or config["interface.idle_warning_seconds"] * 1000
    window.idle_watcher = IdleWatcher(
        journey, warning_ms, config["interface.idle_reset_seconds"],
        on_countdown=lambda seconds: window.idle.show_countdown(seconds), parent=window,
    )
    app.installEventFilter(window.idle_watcher)
    window.idle_warning_seconds = warning_ms // 1000
    window.voice_volume = config["voice.volume"]
    window.set_voice_volume = lambda percent: None  # filled in once the voice is attached
    from ui.staff.controller import StaffController

    window.staff = StaffController(window, desk)
    window.destroyed.connect(lambda *_: desk.close())
    return window


def attach_voice(window: KioskWindow, config: KioskConfig) -> None:
    """Give the window its voice; the speech worker starts here, after the first paint."""
    from ui.voice_bridge import VoiceBridge

    bridge = VoiceBridge(config, parent=window)
    window.speak = bridge.speak
    window.speak_private = bridge.speak_private
    window.set_voice_volume = lambda percent: bridge.service.update(volume=percent)
    apply_look = window.on_comfort

    def on_comfort(comfort: Comfort) -> None:
        apply_look(comfort)
        bridge.set_comfort(comfort)

    window.on_comfort = on_comfort
    bridge.set_comfort(window.journey.state.comfort)
    window.nav_bar.show_voice_unavailable(bridge.unavailable)
    bridge.unavailable_changed.connect(window.nav_bar.show_voice_unavailable)
    window.services.report_voice(bridge.unavailable)  # told to the back office by heartbeat
    bridge.unavailable_changed.connect(window.services.report_voice)
    # The worker process must not outlive the window, in tests as at the end of the day.
    service = bridge.service
    QApplication.instance().aboutToQuit.connect(service.shutdown)
    window.destroyed.connect(lambda *_: service.shutdown())


def start_services(window: KioskWindow, config: KioskConfig, demo_hub: bool) -> None:
    """After the first paint: the voice, the queue's background sync, the demo's hub."""
    services = window.services
    if demo_hub:
        url = services.start_demo_hub()
        print(f"Demo hub: {url}/ (what the kiosk sends arrives here)" if url else
              "Demo hub not started: the kiosk queues requests until a hub answers.",
              flush=True)
    attach_voice(window, config)

    def queue_opened(_outbox, error: Exception | None) -> None:
        if error is not None:
            log.error("the request queue could not be opened: %s", error)
        else:
            services.start_background_jobs()

    run_task(services.outbox, queue_opened, parent=window)  # keys and SQLite off the GUI
    QApplication.instance().aboutToQuit.connect(services.close)


def run_kiosk(config: KioskConfig, fullscreen: bool, demo_hub: bool = False) -> int:
    app = ensure_application()
    window = build_window(config)
    if not install_bench_probe(window.attract):
        after_first_paint(window.attract, lambda: start_services(window, config, demo_hub))
    if fullscreen:
        window.setMinimumSize(0, 0)
        window.setMaximumSize(16777215, 16777215)
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
