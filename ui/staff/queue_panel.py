"""The request queue's health: counts, oldest unsent, last success, held items with their
reason; "retry" puts held items back, "export" writes unsent ones to a folder (a USB stick).

Both actions are written to the audit journal with counts and ids only (kiosk.mediator.audit).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.i18n import tr
from offline_cache.outbox import ItemState
from ui.staff.panel import Panel


def ago(seconds: float | None, lang: str, empty_key: str) -> str:
    if seconds is None:
        return tr(empty_key, lang)
    return tr("staff.ago", lang, minutes=int(seconds // 60))


class QueuePanel(Panel):
    def __init__(self, outbox: Callable[[], object], lang: str,
                 on_retry: Callable[[list[str]], None], on_export: Callable[[], None],
                 parent=None):
        super().__init__(parent)
        self.outbox, self.lang = outbox, lang
        self.held_ids: list[str] = []
        self.retry_button = self.action(tr("staff.queue.retry", lang),
                                        lambda: on_retry(list(self.held_ids)))
        self.export_button = self.action(tr("staff.queue.export", lang), on_export)

    def refresh(self) -> None:
        try:
            outbox = self.outbox()
            status = outbox.status()
            held = outbox.items((ItemState.HELD,))
        except Exception as error:  # a damaged queue is exactly what this panel must show
            self.set_lines([tr("staff.queue.unavailable", self.lang, error=error)])
            return
        counts = {state.value: status.counts.get(state.value, 0) for state in ItemState}
        last = None if status.last_success_at is None else time.time() - status.last_success_at
        lines = [tr("staff.queue.counts", self.lang, **counts),
                 tr("staff.queue.oldest", self.lang,
                    age=ago(status.oldest_pending_age, self.lang, "staff.none")),
                 tr("staff.queue.last_success", self.lang,
                    when=ago(last, self.lang, "staff.never"))]
        lines += list(status.alerts)
        lines += [tr("staff.queue.held_item", self.lang, service=item.service,
                     reason=item.held_reason or item.last_error or "?") for item in held]
        self.held_ids = [item.item_id for item in held]
        self.retry_button.setEnabled(bool(held))
        self.set_lines(lines)
