"""The Qt application's front door: the one QApplication, the theme, and the kiosk built by
its composition object (ui.composition.KioskApp)."""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalog
from kiosk.config import KioskConfig
from kiosk.services import KioskServices
from kiosk.session import MediatorDesk
from ui.first_paint import after_first_paint, install_bench_probe
from ui.fonts import kiosk_font, load_fonts
from ui.main_window import KioskWindow
from ui.tasks import run_task
from ui.theme import Theme

log = logging.getLogger(__name__)


def ensure_application() -> QApplication:
    """The one QApplication, with the shipped font loaded and made the default."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not app.property("kiosk_fonts"):  # registered once per application
        load_fonts()
        app.setFont(kiosk_font())
        app.setProperty("kiosk_fonts", True)
    return app


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Restyle every widget, only when the look changed: voice choices leave it as it is."""
    if app.property("kiosk_theme") != repr(theme):
        app.setProperty("kiosk_theme", repr(theme))
        app.setStyleSheet(theme.stylesheet())


def build_window(config: KioskConfig, catalog: Catalog | None = None,
                 theme: Theme | None = None, idle_warning_ms: int | None = None,
                 services: KioskServices | None = None, desk: MediatorDesk | None = None,
                 speaker=None, finish_later: bool = False, notifier=None,
                 clock=None) -> KioskWindow:
    """The kiosk's window, built by its composition object (`window.kiosk`).

    `desk` is mediator mode (opened on first use); tests pass one with a cheap PIN hash,
    and a `speaker` that records what would be said (ui.voice_bridge.RecordingSpeaker).
    `finish_later`: mediator mode and the idle and tap filters wait for
    `window.kiosk.finish_start()` (`kiosk run` calls it after the first paint).
    `notifier`: systemd's (kiosk.system.notify.ServiceNotifier), told READY by `kiosk run`.
    `clock` (like time.time) tells the opening hours what time it is.
    """
    from ui.composition import KioskApp

    return KioskApp(config, catalog=catalog, theme=theme, idle_warning_ms=idle_warning_ms,
                    services=services, desk=desk, speaker=speaker,
                    finish_later=finish_later, notifier=notifier, clock=clock).window


def attach_voice(window: KioskWindow, config: KioskConfig) -> None:
    """Give the kiosk its voice; the speech worker starts here, after the first paint."""
    window.kiosk.attach_voice()


def start_services(window: KioskWindow, config: KioskConfig, demo_hub: bool,
                   notifier=None) -> None:
    """After the first paint: the service manager's link (`notifier`), mediator mode and the
    touch filters, the voice, the queue's background sync, the demo's hub."""
    window.kiosk.finish_start(notifier)
    services = window.services
    if demo_hub:
        url = services.start_demo_hub()
        print(f"Demo hub: {url}/ (what the kiosk sends arrives here)" if url else
              "Demo hub not started: the kiosk queues requests until a hub answers.",
              flush=True)
    window.kiosk.attach_voice()

    def queue_opened(_outbox, error: Exception | None) -> None:
        if error is not None:
            log.error("the request queue could not be opened: %s", error)
        else:
            services.start_background_jobs()

    run_task(services.outbox, queue_opened, parent=window)  # keys and SQLite off the GUI
    QApplication.instance().aboutToQuit.connect(services.close)


def run_kiosk(config: KioskConfig, fullscreen: bool, demo_hub: bool = False,
              on_painted: Callable[[], None] = lambda: None) -> int:
    """The exit status is the service manager's contract (kiosk.system.exit_codes).
    `on_painted` runs first once the attract screen is painted (the log files open there)."""
    faulthandler.enable()  # the watchdog's SIGABRT writes where each thread was, to the journal
    app = ensure_application()
    window = build_window(config, finish_later=True)  # nothing of it is painted at first

    def painted() -> None:
        from kiosk.system.notify import ServiceNotifier

        on_painted()
        # Read (and taken out of the environment) before any child process can inherit it.
        start_services(window, config, demo_hub, ServiceNotifier.from_environment())
        window.kiosk.service_manager.close_on_sigterm()
        window.kiosk.service_manager.ready()  # READY=1 and the watchdog, from the event loop

    if not install_bench_probe(window.attract):
        after_first_paint(window.attract, painted)
    if fullscreen:
        window.setMinimumSize(0, 0)
        window.setMaximumSize(16777215, 16777215)
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
