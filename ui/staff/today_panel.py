"""Today's anonymous counts: sessions, completed per service, assisted or alone, abandoned at
which step. Counters only (kiosk.mediator.stats): nothing here can point at a person."""

from __future__ import annotations

from kiosk.i18n import tr
from kiosk.session import MediatorDesk
from ui.staff.panel import Panel


def _items(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counts.items())) or "—"


class TodayPanel(Panel):
    def __init__(self, desk: MediatorDesk, lang: str, parent=None):
        super().__init__(parent)
        self.desk, self.lang = desk, lang

    def refresh(self) -> None:
        day = self.desk.services.statistics.today()
        self.set_lines([
            day.day,
            tr("staff.today.counts", self.lang, sessions=day.sessions, completed=day.completed,
               assisted=day.assisted, alone=day.alone),
            tr("staff.today.by_service", self.lang, items=_items(day.completed_by_service)),
            tr("staff.today.abandoned", self.lang, items=_items(day.abandoned_at_step)),
        ])
