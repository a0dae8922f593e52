"""Kiosks, as the hub knows them: who may send, what they last said, their audit journals,
and the settings the back office sends them."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_token(token: str) -> str:
    """Tokens are stored as SHA-256: a copied database gives no kiosk's credentials away.

    A plain hash suffices (not scrypt): tokens are 32 random bytes, not guessable passwords.
    """
    return hashlib.sha256(token.encode()).hexdigest()


class Kiosk(models.Model):
    """One kiosk; made by an administrator, or on first contact with the demo token."""

    kiosk_id = models.CharField("identifiant", max_length=40, unique=True)
    site = models.CharField("site", max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField("dernier signal", null=True, blank=True)
    status = models.JSONField("dernier état reçu", default=dict, blank=True)
    # The highest journal seq held with none missing before it (hub.intake.heartbeat).
    journal_through = models.PositiveIntegerField(default=0, editable=False)
    # The version of the settings document the kiosk last received (GET /v1/config): "sent";
    # what it applied comes back in its heartbeat (status["config_version"]).
    config_sent_version = models.CharField(max_length=64, blank=True, editable=False)
    config_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["kiosk_id"]
        verbose_name = "borne"

    def __str__(self) -> str:
        return self.kiosk_id


class TokenQuerySet(models.QuerySet):
    def active(self) -> TokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class KioskToken(models.Model):
    """A bearer token for one kiosk. The clear token is shown once, at creation."""

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField("libellé", max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = TokenQuerySet.as_manager()

    class Meta:
        verbose_name = "jeton de borne"

    @classmethod
    def issue(cls, kiosk: Kiosk, label: str = "", by=None) -> tuple[KioskToken, str]:
        """A new token for `kiosk`; returns the row and the clear token (never stored)."""
        clear = secrets.token_urlsafe(32)
        row = cls.objects.create(kiosk=kiosk, token_hash=hash_token(clear), label=label,
                                 created_by=by)
        return row, clear


class JournalEntry(models.Model):
    """One entry of a kiosk's mediator audit journal; kept once per (kiosk, seq)."""

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="journal")
    seq = models.PositiveIntegerField()
    entry = models.JSONField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kiosk", "seq"]
        constraints = [models.UniqueConstraint(fields=["kiosk", "seq"],
                                               name="journal_once_per_kiosk_seq")]


class RemoteSetting(models.Model):
    """One setting the back office sends: for every kiosk (`kiosk` empty) or one kiosk's own.

    A kiosk receives the settings for every kiosk with its own over them; a setting nobody set
    here stays as the kiosk's configuration file has it. Keys and values are checked against
    offline_cache/settings_schema.py by the forms (hub.fleet.settings_forms) before they land.
    """

    kiosk = models.ForeignKey(Kiosk, null=True, blank=True, on_delete=models.CASCADE,
                              related_name="remote_settings")
    key = models.CharField(max_length=80)
    value = models.JSONField()
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["key"]
        verbose_name = "réglage envoyé aux bornes"
        constraints = [
            models.UniqueConstraint(fields=["kiosk", "key"], name="remote_setting_once_per_kiosk",
                                    condition=models.Q(kiosk__isnull=False)),
            models.UniqueConstraint(fields=["key"], name="remote_setting_once_for_all",
                                    condition=models.Q(kiosk__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.kiosk or 'toutes les bornes'})"
