"""An outbox wrapper that adds "assisted_by" and the consent to each request as it is queued.

Why a wrapper: the form engine already hands every finished request to an `Outbox`
(kiosk.forms.engine.Outbox). Wrapping it gives the journey the mediator fields without the
engine knowing about mediators:

    FormEngine(service, AssistedOutbox(outbox_service, assistance))

When a mediator is at the controls without the citizen's consent, `enqueue` raises
ConsentRequired before anything is stored; the engine keeps the answers, so once the consent
screen is done the same submit goes through under the same idempotency key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.mediator.takeover import Assistance


class AssistedOutbox:
    def __init__(self, inner, assistance: Assistance) -> None:
        self.inner, self.assistance = inner, assistance

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        fields = self.assistance.payload_fields(service_id)  # may raise ConsentRequired
        return self.inner.enqueue(service_id, routing, {**payload, **fields})
