"""Kept no longer than needed: a closed request's content goes `retention_days` after closing.

What goes: the sealed payload (the citizen's answers), the internal notes (they may quote
them) and any conflicting copy that arrived under the same UUID (sealed content too).
What stays: the row's metadata (service, kiosk, dates, state), so counts and reports do not
change, and the access log, which records who read what and is never edited.
A routing without a Service row uses the default retention.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hub.inbox.models import DEFAULT_RETENTION_DAYS, Note, Service
from hub.intake.models import CLOSED_STATES, Conflict, Submission

log = logging.getLogger(__name__)
BATCH = 500


@dataclass(frozen=True, slots=True)
class Emptied:
    routing: str
    count: int


def _expired(routing: str, days: int, now: datetime):
    return Submission.objects.filter(routing=routing, state__in=CLOSED_STATES,
                                     closed_at__lt=now - timedelta(days=days),
                                     content_deleted_at__isnull=True)


def empty_expired(now: datetime | None = None) -> list[Emptied]:
    """Empty every request past its service's retention; one log line per service."""
    now = now or timezone.now()
    days_by_routing = dict(Service.objects.values_list("routing", "retention_days"))
    routings = set(days_by_routing) | set(
        Submission.objects.filter(content_deleted_at__isnull=True, state__in=CLOSED_STATES)
        .values_list("routing", flat=True).distinct())
    done = []
    for routing in sorted(routings):
        days = days_by_routing.get(routing, DEFAULT_RETENTION_DAYS)
        count = 0
        while ids := _empty_batch(_expired(routing, days, now), now):
            count += ids
        if count:
            log.info("retention: %d requests emptied for %s (closed more than %d days ago)",
                     count, routing, days)
            done.append(Emptied(routing, count))
    return done


def _empty_batch(expired, now: datetime) -> int:
    """One short transaction per batch: kiosks keep sending while a big backlog is emptied."""
    with transaction.atomic():
        ids = list(expired.values_list("pk", flat=True)[:BATCH])
        Note.objects.filter(submission_id__in=ids).delete()
        Conflict.objects.filter(submission_id__in=ids).delete()
        Submission.objects.filter(pk__in=ids).update(payload=None, content_deleted_at=now)
    return len(ids)


def run() -> str:
    emptied = empty_expired()
    return f"{sum(e.count for e in emptied)} requests emptied" + "".join(
        f", {e.count} for {e.routing}" for e in emptied)
