"""The mediators' audit journal goes to the hub with the heartbeat.

Entries are marked sent only up to what the hub says it holds without a gap, so a heartbeat
whose answer is lost sends the same entries again; the hub keeps one copy per (kiosk, seq).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

log = logging.getLogger(__name__)
BATCH = 200  # entries per heartbeat: a few tens of kB on a slow rural link


class HeartbeatTransport(Protocol):
    def heartbeat_answer(self, status: dict[str, Any]) -> dict[str, Any] | None: ...


class UnsentJournal(Protocol):
    def unsent(self, limit: int = BATCH) -> list[dict]: ...

    def mark_sent(self, through_seq: int) -> None: ...


def send_journal(journal: UnsentJournal, transport: HeartbeatTransport) -> int:
    """Send what the hub does not hold yet; return how many entries it acknowledged."""
    acknowledged = 0
    while entries := journal.unsent(BATCH):
        answer = transport.heartbeat_answer({"journal": entries})
        through = answer.get("journal_through") if answer else None
        if not isinstance(through, int) or through < entries[0]["seq"]:
            if answer is not None:
                log.warning("journal: the hub holds entries only up to %s; %d wait", through,
                            len(entries))
            return acknowledged  # offline, or the hub lacks earlier entries: try later
        last = min(through, entries[-1]["seq"])
        journal.mark_sent(last)
        acknowledged += last - entries[0]["seq"] + 1
        if last < entries[-1]["seq"]:
            return acknowledged
    return acknowledged
