"""A new request makes its notice in the same transaction, and sends it after the commit:
a mail never announces a request that was rolled back, and a mail problem never fails one.
Requests come one at a time (post_save) or as a kiosk's batch (requests_stored)."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hub.inbox.models import Service
from hub.intake.models import Source, Submission
from hub.intake.signals import requests_stored
from hub.notices.mail import send_by_id
from hub.notices.models import Notice


@receiver(post_save, sender=Submission, dispatch_uid="notices.new_request")
def notice_for_new_request(sender, instance: Submission, created: bool, raw: bool = False,
                           **kwargs) -> None:
    if created and not raw:
        _announce([instance])


@receiver(requests_stored, sender=Submission, dispatch_uid="notices.new_batch")
def notices_for_new_batch(sender, submissions: list[Submission], **kwargs) -> None:
    _announce(submissions)


def _announce(submissions: list[Submission]) -> None:
    """One notice per new request whose service has a mailbox, sent once committed."""
    fresh = [s for s in submissions if s.source != Source.LEGACY]  # the old hub announced those
    mailboxes = dict(Service.objects.filter(routing__in={s.routing for s in fresh})
                     .exclude(mailbox="").values_list("routing", "mailbox"))
    notices = Notice.objects.bulk_create([Notice(submission=s, mailbox=mailboxes[s.routing])
                                          for s in fresh if s.routing in mailboxes])
    for notice in notices:
        # robust: a failure here is logged by Django, never turned into an error for the kiosk.
        transaction.on_commit(partial(send_by_id, notice.pk), robust=True)
