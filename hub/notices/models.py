"""One e-mail notice per new request: kept until the SMTP server took it, so none is lost."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

MAX_ATTEMPTS = 48  # every few minutes for a few hours; then an operator looks at the logs


class NoticeQuerySet(models.QuerySet):
    def pending(self) -> NoticeQuerySet:
        return self.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)


class Notice(models.Model):
    submission = models.OneToOneField("intake.Submission", on_delete=models.CASCADE,
                                      related_name="notice")
    mailbox = models.EmailField("destinataire")  # the service's box when the request came
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField("dernière erreur", max_length=200, blank=True)
    # Taken by a hub process until then (hub.notices.claims); past or empty: free to take.
    claimed_until = models.DateTimeField("pris jusqu'à", null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "avis par e-mail"
        indexes = [models.Index(fields=["sent_at", "attempts"])]
