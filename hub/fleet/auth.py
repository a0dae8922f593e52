"""Which kiosk is calling: a bearer token looked up by its hash (protocol v1, docs/protocol.md).

A token belongs to one kiosk; `X-Kiosk-Id` must name that kiosk or be empty. The public demo
token is accepted for any kiosk id, and only while the hub runs on the public demo keys: data
sealed with those keys is readable by anyone, so a hub with a site's own keys refuses it.
"""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from hub.fleet.models import Kiosk, KioskToken, hash_token
from hub.keys import current_keys

DEMO_TOKEN = "demo-token"
DEMO_KIOSK_ID = "borne-demo"
MAX_KIOSK_ID = 40
# last_used_at is a hint for the IT officer, not an audit: one write per token per minute.
LAST_USED_STEP = timedelta(minutes=1)


class KioskRefused(Exception):
    """The caller is not a kiosk we know; str() is the reason sent back (HTTP 401)."""


def bearer_token(request: HttpRequest) -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.startswith("Bearer ") else ""


def authenticate_kiosk(request: HttpRequest) -> Kiosk:
    """The calling kiosk, or KioskRefused."""
    token = bearer_token(request)
    claimed = request.headers.get("X-Kiosk-Id", "").strip()
    if not token:
        raise KioskRefused("missing bearer token")
    if len(claimed) > MAX_KIOSK_ID:
        raise KioskRefused("X-Kiosk-Id is too long")
    if token == DEMO_TOKEN:
        if not current_keys().is_demo:
            raise KioskRefused("the demo token is refused by a hub with its own keys")
        kiosk, _ = Kiosk.objects.get_or_create(kiosk_id=claimed or DEMO_KIOSK_ID)
        return kiosk
    row = (KioskToken.objects.active().select_related("kiosk")
           .filter(token_hash=hash_token(token)).first())
    if row is None or (claimed and claimed != row.kiosk.kiosk_id):
        raise KioskRefused("unknown token for this kiosk")
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_STEP:
        KioskToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.kiosk
