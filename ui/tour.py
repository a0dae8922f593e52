"""The headless guided tour: a citizen's walk through the kiosk with real taps, saved as PNGs.

`kiosk demo` runs it where there is no display, so the main job is visible on a server too.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.config import KioskConfig
from ui.app import build_window
from ui.main_window import KioskWindow

IDLE_WARNING_MS = 1500  # the tour waits for a real idle warning, so it is kept short


@dataclass(frozen=True, slots=True)
class TourStep:
    action: str
    screen: str
    png: Path
    spoken: str


def _tap(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def _wait_for_idle_warning(window: KioskWindow, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while window.current_screen is not window.idle and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    if window.current_screen is not window.idle:
        raise RuntimeError("the idle warning did not appear")


def close_window(window: KioskWindow) -> None:
    """Delete the window while Qt is fully alive, not during interpreter shutdown."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_tour(config: KioskConfig, out_dir: Path) -> list[TourStep]:
    out_dir.mkdir(parents=True, exist_ok=True)
    window = build_window(config, idle_warning_ms=IDLE_WARNING_MS)
    spoken: list[str] = []
    window.speak = lambda text, _lang: spoken.append(text)
    window.show()
    catalog = window.journey.catalog
    theme = next(t for t in catalog.themes if catalog.services_for(t.id))
    service = catalog.services_for(theme.id)[0]
    steps: list[TourStep] = []

    def record(action: str) -> None:
        QApplication.processEvents()
        name = type(window.current_screen).__name__
        png = out_dir / f"{len(steps) + 1:02d}-{name}.png"
        window.grab().save(str(png))
        steps.append(TourStep(action, name, png, spoken[-1] if spoken else ""))

    record("The kiosk waits for someone")
    _tap(window.attract.start_button)
    record("Touch the screen to start")
    _tap(window.language.buttons[config["interface.default_language"]])
    record("Choose French")
    _tap(window.home.tiles[theme.id])
    record(f"Open the theme '{theme.id}'")
    _tap(window.theme.buttons[service.id])
    record(f"Open the procedure '{service.id}'")
    _tap(window.nav_bar.help_button)
    record("Ask for a person's help")
    _tap(window.help.back_button)
    record("Go back where I was")
    _wait_for_idle_warning(window)
    record("Stay still until the idle warning")
    _tap(window.idle.more_time_button)
    record("I need more time")
    _tap(window.nav_bar.home_button)
    record("Back to the home screen")
    _wait_for_idle_warning(window)
    _tap(window.idle.finish_button)
    record("I am done: everything is wiped")
    close_window(window)
    return steps
