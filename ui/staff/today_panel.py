"""Today's anonymous counts: sessions, completed per service, assisted or alone, abandoned at
which step. Counters only (kiosk.mediator.stats): nothing here can point at a person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from kiosk.formats import short_date
from kiosk.mediator import messages
from kiosk.mediator.names import StaffNames
from kiosk.session import MediatorDesk
from ui.staff.panel import Panel


def _items(counts: dict[str, int], name: Callable[[str], str]) -> str:
    named = sorted((name(key), value) for key, value in counts.items())
    return ", ".join(f"{key} : {value}" for key, value in named) or "—"


class TodayPanel(Panel):
    def __init__(self, desk: MediatorDesk, lang: str, parent=None,
                 names: StaffNames | None = None):
        super().__init__(lang, parent)
        self.desk, self.names = desk, names or StaffNames(None)

    def read(self):
        """Today's counters from the mediator database."""
        return self.desk.services.statistics.today()

    def fill(self, day) -> None:
        self.set_lines([
            short_date(date.fromisoformat(day.day), self.lang),
            messages.text("staff.today.counts", self.lang, sessions=day.sessions,
                          completed=day.completed,
               assisted=day.assisted, alone=day.alone),
            messages.text("staff.today.by_service", self.lang, items=_items(
                day.completed_by_service, lambda key: self.names.service(key, self.lang))),
            messages.text("staff.today.abandoned", self.lang, items=_items(
                day.abandoned_at_step, lambda key: self.names.screen(key, self.lang))),
        ])
