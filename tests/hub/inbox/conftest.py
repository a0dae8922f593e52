"""Requests made as a kiosk makes them: the form engine's record, sealed with the hub's demo
public key (uuid as associated data), stored with the ORM; agents who belong to services."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.inbox.models import Service
from hub.intake.models import Submission
from hub.keys import demo_keys_dir
from offline_cache.envelope import load_public_key, seal
from offline_cache.protocol import reference_for
from tests.hub.browsers import chromium

PASSWORD = "correct horse battery staple"
DEMO_PUBLIC = load_public_key((demo_keys_dir() / "hub-x25519-public.pem").read_bytes())
DOCS_IMAGES = Path(__file__).resolve().parents[3] / "docs" / "img"
ROUTING_OF = {"acte-naissance": "commune-etat-civil",
              "signalement-rue": "commune-services-techniques"}


def record_for(client_id: str, service_id: str, answers: dict, created_at: datetime,
               assisted: dict | None = None) -> dict:
    """The kiosk form engine's payload (kiosk/forms/engine.py RequestRecord.payload), plus the
    mediator's fields when one helped (kiosk/mediator/takeover.py payload_fields)."""
    return {"payload_version": 1, "client_id": client_id, "reference": reference_for(client_id),
            "service_id": service_id, "routing": ROUTING_OF[service_id],
            "created_at": created_at.isoformat(),
            "consent_at": (created_at - timedelta(minutes=1)).isoformat(),
            "language": "fr", "answers": answers, **(assisted or {})}


@pytest.fixture
def password() -> str:
    """Every test agent's password."""
    return PASSWORD


@pytest.fixture
def assisted_fields() -> dict:
    """What a kiosk adds when a mediator did the procedure with the citizen's consent."""
    return {"assisted_by": "med-1a2b3c4d", "consent": {
        "id": "5b1c2d3e-0000-4000-8000-000000000001", "mediator_id": "med-1a2b3c4d",
        "service_id": "acte-naissance", "scope": "this_session",
        "sees": ["Quel est votre nom de naissance ?", "Quels sont vos prénoms ?"],
        "sends_to": "La mairie de votre commune de naissance", "language": "fr",
        "text_version": 2, "given_at": "2026-12-01T09:30:00+00:00"}}


@pytest.fixture
def kiosk(db) -> Kiosk:
    return Kiosk.objects.create(kiosk_id="borne-mairie-01", site="Mairie de Saint-Privat")


@pytest.fixture
def make_submission(kiosk):
    def make(service_id: str = "acte-naissance", answers: dict | None = None, *,
             assisted: dict | None = None, received_at: datetime | None = None,
             on: Kiosk | None = None) -> Submission:
        client_id = str(uuid.uuid4())
        created = (received_at or timezone.now()) - timedelta(minutes=5)
        document = record_for(client_id, service_id, answers or {"nom": "Martin"},
                              created.astimezone(UTC), assisted)
        sealed = seal(DEMO_PUBLIC, json.dumps(document).encode(), client_id.encode())
        return Submission.objects.create(
            uuid=client_id, reference=reference_for(client_id), kiosk=on or kiosk,
            service=service_id, routing=ROUTING_OF[service_id], language="fr",
            assisted=bool(assisted), created_at=created,
            received_at=received_at or timezone.now(), payload=sealed,
            payload_sha256="0" * 64)

    return make


@pytest.fixture
def make_agent(db):
    def make(username: str, *routings: str, **extra):
        user = get_user_model().objects.create_user(username, password=PASSWORD, **extra)
        for routing in routings:
            service, _ = Service.objects.get_or_create(routing=routing,
                                                       defaults={"name": routing})
            service.agents.add(user)
        return user

    return make


@pytest.fixture
def civil_agent(make_agent):
    return make_agent("claire", "commune-etat-civil", first_name="Claire", last_name="Dupont")


@pytest.fixture
def roads_agent(make_agent):
    return make_agent("marc", "commune-services-techniques")


@pytest.fixture
def signed_in(client):
    """A client signed in through the real sign-in page."""

    def sign_in(user, password: str = PASSWORD):
        response = client.post("/connexion/", {"username": user.get_username(),
                                               "password": password})
        assert response.status_code == 302, response.content.decode()[:500]
        return client

    return sign_in


@pytest.fixture
def browser(tmp_path):
    """An agent's headless chromium (laptop)."""
    driver = chromium(tmp_path / "chromium")
    yield driver
    driver.quit()


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """Where the browser tests save what they see: docs/img/ with HUB_DOCS_SCREENSHOTS=1, else
    the test's scratch folder (the committed ones stay put on an ordinary run)."""
    folder = DOCS_IMAGES if os.environ.get("HUB_DOCS_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder
