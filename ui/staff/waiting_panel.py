"""Who waits and why: tickets and help calls with their waiting time; call the next one."""

from __future__ import annotations

from PySide6.QtCore import Signal

from kiosk.mediator import messages
from kiosk.mediator.names import StaffNames
from kiosk.session import MediatorDesk
from ui.staff.panel import Panel


class WaitingPanel(Panel):
    call_next_requested = Signal()
    accompany_requested = Signal(str)  # help call id

    def __init__(self, desk: MediatorDesk, lang: str, parent=None,
                 names: StaffNames | None = None):
        super().__init__(lang, parent)
        self.desk, self.names = desk, names or StaffNames(None)
        self.accompany_buttons: dict[str, object] = {}
        self.call_next_button = self.action(messages.text("staff.call_next", lang),
                                            self.call_next_requested.emit, role="primary")

    def read(self) -> tuple[list, list, float]:
        """Help calls and tickets from the mediator database, and the time to age them by."""
        waiting = self.desk.services.waiting_list
        return waiting.open_help_calls(), waiting.waiting(), self.desk.services.journal.clock()

    def fill(self, data: tuple[list, list, float]) -> None:
        calls, tickets, now = data
        self.clear_lines()
        self.accompany_buttons = {}
        for call in calls:
            screen = StaffNames.screen(call.screen, self.lang)
            text = messages.text("staff.waiting.help", self.lang, screen=screen,
                                 minutes=call.waiting_seconds(now) // 60)
            self.accompany_buttons[call.id] = self.add_line(
                text, messages.text("staff.accompany", self.lang),
                lambda _c=False, i=call.id: self.accompany_requested.emit(i))
        for ticket in tickets:
            reason = self.names.service(ticket.reason, self.lang)
            self.add_line(messages.text("staff.waiting.ticket", self.lang, code=ticket.code,
                                        reason=reason, minutes=ticket.waiting_seconds(now) // 60))
        if not calls and not tickets:
            self.add_line(messages.text("staff.nobody_waits", self.lang))
        self.scroll.content_layout.addStretch(1)
        self.call_next_button.setEnabled(bool(tickets))
