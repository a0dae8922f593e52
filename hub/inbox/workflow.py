"""What an agent does to a request, with its invariants in one place.

Every move writes a StateChange; closed_at is set when a request is done or refused and
cleared when it is reopened; the message for the citizen is the latest move's (the tracking
page and the kiosk show it). Opening the decrypted content is logged before it is shown.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from hub.inbox.models import AccessLog, Note, StateChange
from hub.intake.content import open_content
from hub.intake.models import Submission
from offline_cache.protocol import RequestState

# A citizen must be told what to bring or why it cannot be done.
MESSAGE_REQUIRED = frozenset({RequestState.WAITING, RequestState.REFUSED})


def log_access(user, submissions: list[Submission], action: str, detail: str = "") -> None:
    """One AccessLog row per request read (GDPR: who read whose personal data, and when)."""
    now = timezone.now()
    AccessLog.objects.bulk_create(
        AccessLog(user=user, username=user.get_username(), submission=s, reference=s.reference,
                  routing=s.routing, action=action, at=now, detail=detail)
        for s in submissions)


def read_content(user, submission: Submission) -> dict[str, Any]:
    """The decrypted record for `user`'s eyes; logged before the caller renders it.

    Raises ContentUnavailable (nothing was read, nothing logged) when it no longer opens.
    """
    document = open_content(submission)
    log_access(user, [submission], AccessLog.Action.VIEW)
    return document


@transaction.atomic
def change_state(submission: Submission, user, to_state: RequestState,
                 citizen_message: str = "") -> StateChange:
    """Move `submission` to `to_state` with the message for the citizen (may be empty)."""
    row = Submission.objects.select_for_update().get(pk=submission.pk)
    now = timezone.now()
    change = StateChange.objects.create(
        submission=row, by=user, at=now, from_state=row.state, to_state=to_state.value,
        citizen_message=citizen_message)
    row.state = to_state.value
    row.state_changed_at = now
    row.citizen_message = citizen_message
    row.closed_at = (row.closed_at or now) if to_state.closed else None
    if row.assigned_to_id is None:
        row.assigned_to = user
    row.save(update_fields=["state", "state_changed_at", "citizen_message", "closed_at",
                            "assigned_to"])
    _refresh(submission, row)
    return change


@transaction.atomic
def take(submission: Submission, user) -> None:
    """Assign to `user`; a new request moves to "in progress" (other states are kept: a
    request waiting for the citizen still waits)."""
    row = Submission.objects.select_for_update().get(pk=submission.pk)
    row.assigned_to = user
    row.save(update_fields=["assigned_to"])
    if row.request_state is RequestState.NEW:
        change_state(row, user, RequestState.IN_PROGRESS)
    _refresh(submission, row)


def add_note(submission: Submission, user, text: str) -> Note:
    return Note.objects.create(submission=submission, by=user, text=text)


def _refresh(target: Submission, source: Submission) -> None:
    for field in ("state", "state_changed_at", "citizen_message", "closed_at",
                  "assigned_to_id"):
        setattr(target, field, getattr(source, field))
