"""Start the Qt front end for the screen commands (ui/commands).

The command modules import this inside their handlers, so `kiosk --help` and the core
commands never load Qt.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from kiosk.config import KioskConfig


def use_offscreen_platform() -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


# PySide6 reads the source of every module imported after it, looking for "PySide6" (its
# __feature__ switch, PYSIDE-2029); modules imported before it are never read. The kiosk's
# Qt-free core goes first, so the first paint does not wait for that reading.
QT_FREE_CORE = ("kiosk.services", "kiosk.journey", "kiosk.session", "kiosk.views")


def run_window(config: KioskConfig, fullscreen: bool, demo_hub: bool = False) -> int:
    """The kiosk process (`kiosk run`, `kiosk demo`): it writes the log files."""
    for module in QT_FREE_CORE:
        importlib.import_module(module)
    from kiosk.log_process import run_logged
    from ui.app import run_kiosk

    return run_logged(config, lambda open_files: run_kiosk(
        config, fullscreen=fullscreen, demo_hub=demo_hub, on_painted=open_files))


def render_screenshots(config: KioskConfig, out_dir: Path, variants: bool,
                       languages: bool = False) -> list[Path]:
    use_offscreen_platform()
    from ui.app import ensure_application
    from ui.screenshots import render_all_languages, render_all_variants, render_screens

    ensure_application()
    written = render_all_variants(config, out_dir) if variants else []
    if languages:
        written += render_all_languages(config, out_dir)
    return written if variants or languages else render_screens(config, out_dir)


def run_headless_tour(config: KioskConfig, out_dir: Path) -> list:
    use_offscreen_platform()
    from ui.app import ensure_application
    from ui.tour import run_tour

    ensure_application()
    return run_tour(config, out_dir)
