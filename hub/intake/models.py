"""A submission: one citizen request, stored once per UUID, its content sealed at rest.

The sealed payload is kept as it arrived (only the hub's private key opens it), and opened
only for an authorised agent's eyes (hub.inbox, which writes the access log). What the hub
needs to route, count and track is kept beside it in clear: no personal data in those fields.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from offline_cache.protocol import RequestState

STATE_LABELS = {
    RequestState.NEW: "Nouvelle",
    RequestState.IN_PROGRESS: "En cours",
    RequestState.WAITING: "En attente du demandeur",
    RequestState.DONE: "Traitée",
    RequestState.REFUSED: "Refusée",
}
STATE_CHOICES = [(state.value, STATE_LABELS[state]) for state in RequestState]
CLOSED_STATES = [state.value for state in RequestState if state.closed]


class Source(models.TextChoices):
    NETWORK = "network", "réseau"
    IMPORT = "import", "clé USB"
    LEGACY = "legacy", "ancien hub"


class Submission(models.Model):
    uuid = models.UUIDField(unique=True)  # made on the kiosk: the idempotency key, forever
    reference = models.CharField("référence", max_length=7, db_index=True)
    kiosk = models.ForeignKey("fleet.Kiosk", on_delete=models.PROTECT,
                              related_name="submissions")
    service = models.CharField("démarche", max_length=120)  # catalogue service id
    routing = models.CharField("service destinataire", max_length=120, db_index=True)
    language = models.CharField("langue", max_length=8, default="fr")
    assisted = models.BooleanField("avec un médiateur", default=False)
    created_at = models.DateTimeField("faite le")  # on the kiosk
    received_at = models.DateTimeField("reçue le", default=timezone.now)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.NETWORK)
    payload = models.BinaryField(null=True)  # the sealed envelope; None once deleted
    payload_sha256 = models.CharField(max_length=64)  # same uuid, other content: a conflict
    content_deleted_at = models.DateTimeField("contenu supprimé le", null=True, blank=True)

    # The workflow (hub.inbox acts on it; hub.tracking shows state and message).
    state = models.CharField("état", max_length=12, choices=STATE_CHOICES,
                             default=RequestState.NEW.value, db_index=True)
    state_changed_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="assigned")
    citizen_message = models.TextField("message pour le demandeur", blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "demande"
        # Each list reads its first page from an index, whatever the history's size: the
        # inbox and the admin newest first (all, or by service), the monthly report by the
        # dates it counts (made, closed, still open). benchmarks/region_bench.py measures them.
        indexes = [models.Index(fields=["routing", "state", "received_at"]),
                   models.Index(fields=["kiosk", "state_changed_at"]),
                   models.Index(fields=["received_at", "id"], name="submission_newest"),
                   models.Index(fields=["routing", "received_at"], name="submission_service"),
                   models.Index(fields=["created_at"], name="submission_made"),
                   models.Index(fields=["closed_at"], name="submission_closed"),
                   models.Index(fields=["created_at"], condition=models.Q(closed_at__isnull=True),
                                name="submission_open_made")]

    def __str__(self) -> str:
        return f"{self.reference} ({self.service})"

    @property
    def request_state(self) -> RequestState:
        return RequestState(self.state)

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.request_state]


class Conflict(models.Model):
    """The same UUID came again with other content: kept for a person, never overwriting."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE,
                                   related_name="conflicts")
    payload = models.BinaryField()
    received_at = models.DateTimeField(default=timezone.now)
