"""The kiosk at a glance: link, hub, voice, printer, free disk, catalogue version."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.mediator import messages
from ui.staff.panel import Panel


@dataclass(frozen=True, slots=True)
class HealthProbes:
    """Plain callables, so the panel never reaches for the window or the voice worker."""

    link: Callable[[], str]  # offline_cache.sync.LinkState value
    hub_url: str
    voice_ok: Callable[[], bool]  # reads a widget: called on the GUI thread only
    printer_ok: Callable[[], bool]
    data_dir: object  # pathlib.Path
    catalog_version: str


class HealthPanel(Panel):
    def __init__(self, probes: HealthProbes, lang: str, parent=None):
        super().__init__(lang, parent)
        self.probes = probes

    def read(self) -> tuple[str, bool, float]:
        """The link (the queue's database), the printer and the free disk: all off the screen."""
        p = self.probes
        return p.link(), p.printer_ok(), shutil.disk_usage(p.data_dir).free / 1e9

    def fill(self, data: tuple[str, bool, float]) -> None:
        link, printer_ok, free_gb = data
        p, lang = self.probes, self.lang
        self.set_lines([
            messages.text("staff.health.link", lang,
                          state=messages.text(f"staff.link.{link}", lang)),
            messages.text("staff.health.hub", lang, url=p.hub_url),
            messages.text("staff.health.voice", lang,
                          state=messages.text("staff.state.ok" if p.voice_ok()
                                              else "staff.state.unavailable", lang)),
            messages.text("staff.health.printer", lang, state=messages.text(
                "staff.state.configured" if printer_ok else "staff.state.absent", lang)),
            messages.text("staff.health.disk", lang, free=f"{free_gb:.1f}"),
            messages.text("staff.health.catalog", lang, version=p.catalog_version),
        ])
