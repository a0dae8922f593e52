"""The request queue's health: counts, oldest unsent, last success, held items with their
reason; "retry" puts held items back, "export" writes unsent ones to a folder (a USB stick).

Both actions are written to the audit journal with counts and ids only (kiosk.mediator.audit).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kiosk.mediator import messages
from kiosk.mediator.names import StaffNames
from offline_cache.outbox import ItemState
from offline_cache.store import StoreDamaged
from offline_cache.sync import REFUSED_PREFIX
from ui.staff.panel import Panel

log = logging.getLogger(__name__)


def ago(seconds: float | None, lang: str, empty_key: str) -> str:
    if seconds is None:
        return messages.text(empty_key, lang)
    return messages.text("staff.ago", lang, minutes=int(seconds // 60))


class QueuePanel(Panel):
    def __init__(self, outbox: Callable[[], object], lang: str,
                 on_retry: Callable[[list[str]], None], on_export: Callable[[], None],
                 parent=None, names: StaffNames | None = None):
        super().__init__(lang, parent)
        self.outbox, self.names = outbox, names or StaffNames(None)
        self.held_ids: list[str] = []
        self.retry_button = self.action(messages.text("staff.queue.retry", lang),
                                        lambda: on_retry(list(self.held_ids)))
        self.export_button = self.action(messages.text("staff.queue.export", lang), on_export)

    def read(self) -> tuple:
        """The queue's status, its held items and its alerts (opening it on first use)."""
        outbox = self.outbox()
        status = outbox.status()
        return status, outbox.items((ItemState.HELD,)), outbox.staff_alerts(status, self.lang)

    def read_failed(self, error: Exception) -> None:
        """A queue that cannot be read is exactly what this panel must show."""
        if isinstance(error, StoreDamaged):
            self.set_lines([messages.text("queue.damaged", self.lang)])
            return
        log.error("staff screen: the sending queue cannot be read: %s", error)
        self.set_lines([messages.text("queue.unavailable", self.lang)])

    def fill(self, data: tuple) -> None:
        status, held, alerts = data
        counts = {state.value: status.counts.get(state.value, 0) for state in ItemState}
        last = None if status.last_success_at is None else time.time() - status.last_success_at
        lines = [messages.text("staff.queue.counts", self.lang, **counts),
                 messages.text("staff.queue.oldest", self.lang,
                    age=ago(status.oldest_pending_age, self.lang, "staff.none")),
                 messages.text("staff.queue.last_success", self.lang,
                    when=ago(last, self.lang, "staff.never"))]
        lines += alerts
        lines += [messages.text("staff.queue.held_item", self.lang,
                     service=self.names.service(item.service, self.lang),
                     reason=self._reason(item.held_reason or item.last_error or ""))
                  for item in held]
        self.held_ids = [item.item_id for item in held]
        self.retry_button.setEnabled(bool(held))
        self.set_lines(lines)

    def _reason(self, reason: str) -> str:
        """The hub's own words stay (IT needs them), after the mediator's."""
        detail = reason.removeprefix(REFUSED_PREFIX).strip()
        refused = messages.text("queue.refused_by_hub", self.lang)
        return f"{refused} ({detail})" if detail else refused
