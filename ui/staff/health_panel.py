"""The kiosk at a glance: link, hub, voice, printer, free disk, catalogue version."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.i18n import tr
from ui.staff.panel import Panel


@dataclass(frozen=True, slots=True)
class HealthProbes:
    """Plain callables, so the panel never reaches for the window or the voice worker."""

    link: Callable[[], str]  # offline_cache.sync.LinkState value
    hub_url: str
    voice_ok: Callable[[], bool]
    printer_ok: Callable[[], bool]
    data_dir: object  # pathlib.Path
    catalog_version: str


class HealthPanel(Panel):
    def __init__(self, probes: HealthProbes, lang: str, parent=None):
        super().__init__(parent)
        self.probes, self.lang = probes, lang

    def refresh(self) -> None:
        p, lang = self.probes, self.lang
        free_gb = shutil.disk_usage(p.data_dir).free / 1e9
        self.set_lines([
            tr("staff.health.link", lang, state=tr(f"staff.link.{p.link()}", lang)),
            tr("staff.health.hub", lang, url=p.hub_url),
            tr("staff.health.voice", lang,
               state=tr("staff.state.ok" if p.voice_ok() else "staff.state.unavailable", lang)),
            tr("staff.health.printer", lang, state=tr(
                "staff.state.configured" if p.printer_ok() else "staff.state.absent", lang)),
            tr("staff.health.disk", lang, free=f"{free_gb:.1f}"),
            tr("staff.health.catalog", lang, version=p.catalog_version),
        ])
