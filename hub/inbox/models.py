"""Receiving services and their agents; what happens to a request; who read what."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from hub.intake.models import STATE_CHOICES

DEFAULT_RETENTION_DAYS = 90


class Service(models.Model):
    """A receiving service: a catalogue `routing` value, e.g. `commune-etat-civil`."""

    routing = models.CharField("code", max_length=120, unique=True)
    name = models.CharField("nom", max_length=200)
    mailbox = models.EmailField("boîte e-mail", blank=True,
                                help_text="Reçoit un avis à chaque nouvelle demande.")
    retention_days = models.PositiveIntegerField(
        "conservation (jours)", default=DEFAULT_RETENTION_DAYS,
        help_text="Le contenu est supprimé ce nombre de jours après la clôture.")
    agents = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                    related_name="hub_services", verbose_name="agents")

    class Meta:
        ordering = ["name"]
        verbose_name = "service destinataire"
        verbose_name_plural = "services destinataires"

    def __str__(self) -> str:
        return self.name


class StateChange(models.Model):
    """Each move of a request, with the message for the citizen at that moment."""

    submission = models.ForeignKey("intake.Submission", on_delete=models.CASCADE,
                                   related_name="changes", verbose_name="demande")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+", verbose_name="par")
    at = models.DateTimeField("le", default=timezone.now)
    from_state = models.CharField("ancien état", max_length=12, choices=STATE_CHOICES)
    to_state = models.CharField("nouvel état", max_length=12, choices=STATE_CHOICES)
    citizen_message = models.TextField("message pour le demandeur", blank=True)

    class Meta:
        ordering = ["at"]
        verbose_name = "changement d'état"
        verbose_name_plural = "changements d'état"


class Note(models.Model):
    """An internal note: agents only, never shown to the citizen. May hold personal data,
    so it is deleted with the request's content."""

    submission = models.ForeignKey("intake.Submission", on_delete=models.CASCADE,
                                   related_name="notes", verbose_name="demande")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+", verbose_name="par")
    at = models.DateTimeField("le", default=timezone.now)
    text = models.TextField("note interne")

    class Meta:
        ordering = ["at"]
        verbose_name = "note interne"
        verbose_name_plural = "notes internes"


class AccessLog(models.Model):
    """Who opened whose decrypted content, and when (GDPR: who read personal data).

    Append-only: rows are never edited or deleted by the application, retention included.
    """

    class Action(models.TextChoices):
        VIEW = "view", "consultation"
        EXPORT = "export", "export CSV"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name="compte")
    username = models.CharField("agent", max_length=150)  # kept if the account is deleted
    submission = models.ForeignKey("intake.Submission", null=True, on_delete=models.SET_NULL,
                                   related_name="accesses", verbose_name="demande")
    reference = models.CharField("référence", max_length=7, blank=True)
    routing = models.CharField("service", max_length=120, blank=True)
    action = models.CharField("action", max_length=10, choices=Action.choices,
                              default=Action.VIEW)
    at = models.DateTimeField("le", default=timezone.now, db_index=True)
    detail = models.CharField("détail", max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "accès aux données"
        verbose_name_plural = "journal des accès"
