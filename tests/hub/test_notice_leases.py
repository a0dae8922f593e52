"""A notice is taken by one sender at a time, for a lease; once it has expired, the job may
take it again. Fast, in one process, on whichever database the suite runs (SQLite's
conditional UPDATE or PostgreSQL's SKIP LOCKED)."""

from __future__ import annotations

import hub_rows
import pytest

from hub.notices import claims, mail
from hub.notices.models import Notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(django_capture_on_commit_callbacks) -> Notice:
    hub_rows.service("commune-etat-civil", mailbox="etat-civil@mairie.example.fr")
    with django_capture_on_commit_callbacks(execute=False):  # its own send does not run
        request = hub_rows.submission("acte-naissance")
    return Notice.objects.get(submission=request)


def test_a_taken_notice_is_not_taken_again_until_its_lease_expires(notice):
    taken = claims.take(notice.pk)
    assert taken is not None and taken.claimed_until is not None
    assert claims.take(notice.pk) is None and claims.take() is None  # another sender's turn
    later = taken.claimed_until
    assert claims.take(now=later - claims.LEASE / 10) is None
    assert claims.take(now=later).pk == notice.pk  # the lease is over: the job's turn


def test_a_notice_another_process_holds_is_not_sent_by_the_requests_own_send(notice,
                                                                             mailoutbox):
    mail._last_failure = float("-inf")  # a failure in an earlier test must not pause this one
    claims.take(notice.pk)  # as the job in another hub process would have
    mail.send_by_id(notice.pk)
    assert mailoutbox == []
    Notice.objects.filter(pk=notice.pk).update(claimed_until=None)  # that process gave it back
    mail.send_by_id(notice.pk)
    assert len(mailoutbox) == 1
    notice.refresh_from_db()
    assert notice.sent_at is not None and notice.claimed_until is None
    assert claims.take(notice.pk) is None  # sent: never taken again
