"""Render every screen to PNG, headless: for reviews, documentation and the bundle check."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.config import KioskConfig
from kiosk.journey import Journey
from kiosk.services import KioskServices
from offline_cache.languages import CODES
from ui.app import build_window
from ui.theme import BODY_PX, PALETTES, TextSize, Theme


def _scenes(journey: Journey) -> list[tuple[str, Callable[[], None]]]:
    """Named ways to reach each screen, in journey order, from a fresh journey."""
    catalog = journey.catalog
    first_theme = catalog.themes[0].id
    first_service = catalog.services_for(first_theme)[0].id
    return [
        ("attract", lambda: None),
        ("language", journey.start),
        ("comfort", lambda: journey.choose_language(journey.default_language)),
        ("home", journey.comfort_done),
        ("theme", lambda: journey.choose_theme(first_theme)),
        ("service", lambda: journey.choose_service(first_service)),
        ("service-guided", lambda: journey.choose_service("acte-naissance")),
        ("question-choice", lambda: (journey.choose_service(DEMO_REQUEST),
                                     journey.start_request())),
        ("question-text", lambda: journey.answer("eclairage")),
        ("question-error", lambda: journey.answer("")),
        ("question-yes-no", lambda: (journey.answer("Rue de la Mairie, devant l'école"),
                                     journey.answer(""))),
        ("question-phone", lambda: (journey.answer(True), journey.answer(True))),
        ("review", lambda: (journey.answer("06 12 34 56 78"), journey.answer(""))),
        ("confirm-leave", journey.home),
        ("consent", lambda: (journey.confirm_no(), journey.confirm_review())),
        ("receipt", journey.give_consent),
        ("confirm-finish", journey.finish),
        ("help", lambda: (journey.reset(), journey.start(),
                          journey.choose_language(journey.default_language),
                          journey.comfort_done(), journey.ask_for_help())),
        ("help-ticket", lambda: journey.ticket_taken("A-012")),
        ("idle_warning", lambda: (journey.resume(), journey.idle_warning())),
        *_track_scenes(journey),
        *_staff_scenes(journey),
        *_closed_scenes(journey),
    ]


def _window_of(journey: Journey):
    return next((widget for widget in QApplication.topLevelWidgets()
                 if getattr(widget, "journey", None) is journey), None)


def _track_scenes(journey: Journey) -> list[tuple[str, Callable[[], None]]]:
    """"Suivre ma demande": the screen shows the window's lookups, so it needs the window."""
    from ui.screens.track_screenshots import track_scenes

    window = _window_of(journey)
    return track_scenes(window) if window is not None else []


def _staff_scenes(journey: Journey) -> list[tuple[str, Callable[[], None]]]:
    """Mediator mode's screens, last: they need the window that shows this journey."""
    from ui.staff.screenshots import staff_scenes

    window = _window_of(journey)
    return staff_scenes(window, DEMO_REQUEST) if window is not None else []


def _closed_scenes(journey: Journey) -> list[tuple[str, Callable[[], None]]]:
    """The desk's hours, last: they leave the window's desk closed."""
    from ui.screens.opening_screenshots import closed_scenes

    window = _window_of(journey)
    return closed_scenes(window) if window is not None else []


FIXED_TIME = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
FIXED_ID = uuid.UUID("6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b")
DEMO_REQUEST = "signalement-rue"  # a guided request that shows most kinds of questions


def scratch_config(config: KioskConfig, folder: Path) -> KioskConfig:
    """Screens are rendered with a throwaway queue: a real request goes into it."""
    return config.with_values({"storage.data_dir": str(folder),
                               "hub.url": "http://127.0.0.1:9"})


def render_screens(config: KioskConfig, out_dir: Path, theme: Theme | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        return _render(scratch_config(config, Path(scratch)), out_dir, theme)


def _render(config: KioskConfig, out_dir: Path, theme: Theme | None) -> list[Path]:
    window = build_window(config, theme=theme, services=KioskServices(config, sync=False))
    # The same receipt (reference, QR code, time) in every render, so renders compare.
    window.journey.form_options = {"clock": lambda: FIXED_TIME, "new_id": lambda: FIXED_ID}
    window.show()
    written = []
    for index, (name, reach) in enumerate(_scenes(window.journey), start=1):
        reach()
        QApplication.processEvents()
        path = out_dir / f"{index:02d}-{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"{path}: could not write the PNG; check the folder is writable.")
        written.append(path)
    QThreadPool.globalInstance().waitForDone()
    window.services.close()
    window.close()
    window.deleteLater()
    return written


def render_all_languages(config: KioskConfig, out_dir: Path) -> list[Path]:
    """Every screen in each registry language at the largest text size: `<lang>/NN-screen.png`
    (what a translation changes most is the room its words take)."""
    written = []
    for lang in CODES:
        in_lang = config.with_values({"interface.languages": list(CODES),
                                      "interface.default_language": lang})
        written += render_screens(in_lang, out_dir / lang, Theme(PALETTES[0], TextSize.LARGER))
    return written


def render_all_variants(config: KioskConfig, out_dir: Path) -> list[Path]:
    """Every screen at each text size, in each palette: `<palette>-<size>px/NN-screen.png`."""
    written = []
    for palette in PALETTES:
        for size in TextSize:
            folder = out_dir / f"{palette.name}-{BODY_PX[size]}px"
            written += render_screens(config, folder, Theme(palette, size))
    return written

