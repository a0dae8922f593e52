"""POST /v1/heartbeat: a kiosk's health, its audit journal, and its requests' states back.

The status kept is the body minus the journal, whatever keys it holds (counts, oldest
pending, versions, voice, printer, site...): kiosks add keys over time and the fleet pages
read what they know. The answer carries the states of the kiosk's recent requests, so
"Suivre ma demande" works at the kiosk without a phone: uuid, reference, state and the
agent's message for the citizen, never the answers.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hub.fleet.models import JournalEntry, Kiosk
from hub.intake.models import Submission
from hub.writes import writer
from offline_cache.protocol import MAX_JOURNAL_ENTRIES, MAX_STATES, PROTOCOL

MAX_STATUS_BYTES = 16 * 1024  # a kiosk's status as JSON; larger is cut to what fits
RECENT = timedelta(days=30)  # a closed request's state still travels this long


def _bounded_status(status: dict[str, Any]) -> dict[str, Any]:
    """The status, its keys dropped from the largest down until it fits MAX_STATUS_BYTES."""
    sizes = {key: len(json.dumps(value, default=str)) for key, value in status.items()}
    kept = dict(status)
    for key in sorted(sizes, key=sizes.get, reverse=True):
        if len(json.dumps(kept, default=str)) <= MAX_STATUS_BYTES:
            break
        kept.pop(key)
        kept.setdefault("truncated", True)
    return json.loads(json.dumps(kept, default=str))


def _well_formed(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("seq"), int)
            and not isinstance(entry.get("seq"), bool) and entry["seq"] > 0
            and isinstance(entry.get("hash"), str))


def store_journal(kiosk: Kiosk, entries: list[Any]) -> int:
    """Keep each well-formed entry once; return the highest seq held with none missing before.

    `Kiosk.journal_through` remembers that mark, so only entries above it are read again: the
    kiosk sends what it has not had confirmed, which sits just above the mark.
    """
    rows = [JournalEntry(kiosk=kiosk, seq=entry["seq"], entry=entry)
            for entry in entries[:MAX_JOURNAL_ENTRIES] if _well_formed(entry)]
    with transaction.atomic():
        locked = Kiosk.objects.select_for_update().only("pk", "journal_through").get(pk=kiosk.pk)
        if rows:
            JournalEntry.objects.bulk_create(rows, ignore_conflicts=True)
        through = locked.journal_through
        above = JournalEntry.objects.filter(kiosk=kiosk, seq__gt=through).order_by("seq")
        for seq in above.values_list("seq", flat=True).iterator():
            if seq != through + 1:
                break
            through = seq
        if through != locked.journal_through:
            Kiosk.objects.filter(pk=kiosk.pk).update(journal_through=through)
    return through


def recent_states(kiosk: Kiosk) -> list[dict[str, str]]:
    """The kiosk's requests still open or changed in the last 30 days, newest change first."""
    since = timezone.now() - RECENT
    rows = (Submission.objects.filter(kiosk=kiosk)
            .filter(Q(closed_at__isnull=True) | Q(state_changed_at__gte=since))
            .order_by("-state_changed_at")
            .values("uuid", "reference", "state", "citizen_message", "state_changed_at")
            [:MAX_STATES])
    return [{"uuid": str(row["uuid"]), "reference": row["reference"], "state": row["state"],
             "message": row["citizen_message"],
             "updated_at": row["state_changed_at"].isoformat(timespec="seconds")}
            for row in rows]


def heartbeat(kiosk: Kiosk, body: Any) -> dict[str, Any]:
    """Record the kiosk's status and journal; the answer for it."""
    status = dict(body) if isinstance(body, dict) else {}
    entries = status.pop("journal", None)
    answer: dict[str, Any] = {"protocol": PROTOCOL, "ok": True}
    with writer():
        Kiosk.objects.filter(pk=kiosk.pk).update(last_seen_at=timezone.now(),
                                                 status=_bounded_status(status))
        if isinstance(entries, list):  # the kiosk's audit journal rides along
            answer["journal_through"] = store_journal(kiosk, entries)
    answer["states"] = recent_states(kiosk)
    return answer
