"""Taking a notice before sending it, so two hub processes never send the same e-mail.

A notice is taken with a lease (`claimed_until`): the taker sends it and marks it sent or
frees it. A process that dies mid-send leaves its lease, which expires: then the next run of
the e-mail job takes the notice again and sends it (a crash can cost at most one repeat, when
the SMTP server took the message just before the crash).

PostgreSQL: `SELECT ... FOR UPDATE SKIP LOCKED`, so a second process moves on to the next
notice at once. SQLite (one file, the hub's transactions start IMMEDIATE): an UPDATE whose
WHERE says "still free", which only one writer can win.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from hub.notices.models import Notice

# Far longer than one send can take (EMAIL_TIMEOUT is 20 s per SMTP step), shorter than
# the time an agent waits for a mail: a crashed send is retried by the job 5 to 10 minutes on.
LEASE = timedelta(minutes=5)


def _free(now: datetime) -> QuerySet[Notice]:
    return Notice.objects.pending().filter(Q(claimed_until__isnull=True)
                                           | Q(claimed_until__lte=now))


def take(notice_id: int | None = None, now: datetime | None = None) -> Notice | None:
    """The notice `notice_id` (or the next one waiting), now ours for LEASE; None if sent,
    given up, held by another process, or nothing waits."""
    now = now or timezone.now()
    candidates = _free(now).order_by("attempts", "pk")
    if notice_id is not None:
        candidates = candidates.filter(pk=notice_id)
    if connection.features.has_select_for_update_skip_locked:
        candidates = candidates.select_for_update(skip_locked=True)
    with transaction.atomic():
        chosen = candidates.values_list("pk", flat=True).first()
        # "Still free" in the UPDATE: the one writer that wins it holds the lease.
        taken = chosen is not None and bool(
            _free(now).filter(pk=chosen).update(claimed_until=now + LEASE))
    if not taken:
        return None
    return Notice.objects.select_related("submission__kiosk").get(pk=chosen)
