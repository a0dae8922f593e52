"""Rows for back-office tests, made with the ORM: kiosks, services and sealed requests."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.inbox.models import Service
from hub.intake.models import Submission
from hub.keys import SEAL_PUBLIC, demo_keys_dir
from offline_cache.envelope import load_public_key, seal
from offline_cache.protocol import reference_for

CATALOG_ROUTING = {"acte-naissance": "commune-etat-civil",
                   "signalement-rue": "commune-services-techniques",
                   "carte-vitale": "cpam"}


def kiosk(kiosk_id: str = "borne-mairie-01", site: str = "Mairie de Gordes") -> Kiosk:
    return Kiosk.objects.get_or_create(kiosk_id=kiosk_id, defaults={"site": site})[0]


def service(routing: str, mailbox: str = "", retention_days: int = 90) -> Service:
    """The receiving service (a fresh hub already has one per catalogue routing), set up."""
    return Service.objects.update_or_create(
        routing=routing, defaults={"name": routing.replace("-", " ").title(),
                                   "mailbox": mailbox, "retention_days": retention_days})[0]


def submission(service_id: str = "acte-naissance", at: datetime | None = None,
               by: Kiosk | None = None, answers: dict | None = None, **fields) -> Submission:
    """A request as the intake stores it: its answers sealed with the (demo) hub key."""
    client_id = uuid.uuid4()
    public = load_public_key((demo_keys_dir() / SEAL_PUBLIC).read_bytes())
    document = {"service": service_id, "answers": answers or {"nom": "Durand"}}
    sealed = seal(public, json.dumps(document).encode(), str(client_id).encode())
    at = at or timezone.now()
    values = {"uuid": client_id, "reference": reference_for(client_id), "kiosk": by or kiosk(),
              "service": service_id, "routing": CATALOG_ROUTING.get(service_id, service_id),
              "created_at": at, "received_at": at, "payload": sealed,
              "payload_sha256": "0" * 64, "state_changed_at": at, **fields}
    return Submission.objects.create(**values)
