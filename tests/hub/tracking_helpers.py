"""Requests as the back office holds them, for the tracking tests (no kiosk needed)."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.intake.models import Submission
from offline_cache.protocol import RequestState, reference_for, tracking_url

PERSONAL_MARKER = "Zéphyrine-Marqueur-42"  # inside the sealed payload: must never show


def stored_request(*, state: RequestState = RequestState.NEW, message: str = "",
                   language: str = "fr", service: str = "acte-naissance",
                   changed_at: datetime | None = None) -> Submission:
    kiosk, _ = Kiosk.objects.get_or_create(kiosk_id="borne-mairie-01",
                                           defaults={"site": "Mairie de Trébeurden"})
    client_id = uuid.uuid4()
    return Submission.objects.create(
        uuid=client_id, reference=reference_for(client_id), kiosk=kiosk, service=service,
        routing="commune-etat-civil", language=language, created_at=timezone.now(),
        payload=PERSONAL_MARKER.encode(), payload_sha256="0" * 64, state=state.value,
        state_changed_at=changed_at or timezone.now(), citizen_message=message)


def link_path(submission: Submission, reference: str | None = None) -> str:
    """The path printed in the receipt's QR code (the hub's address left out)."""
    return tracking_url("", str(submission.uuid), reference or submission.reference)
