"""A new request makes its notice in the same transaction, and sends it after the commit:
a mail never announces a request that was rolled back, and a mail problem never fails one."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hub.inbox.models import Service
from hub.intake.models import Source, Submission
from hub.notices.mail import send_by_id
from hub.notices.models import Notice


@receiver(post_save, sender=Submission, dispatch_uid="notices.new_request")
def notice_for_new_request(sender, instance: Submission, created: bool, raw: bool = False,
                           **kwargs) -> None:
    if not created or raw or instance.source == Source.LEGACY:
        return  # requests taken over from the old hub were announced long ago
    mailbox = (Service.objects.filter(routing=instance.routing)
               .values_list("mailbox", flat=True).first())
    if not mailbox:
        return
    notice = Notice.objects.create(submission=instance, mailbox=mailbox)
    # robust: a failure here is logged by Django, never turned into an error for the kiosk.
    transaction.on_commit(partial(send_by_id, notice.pk), robust=True)
