"""A signed document for kiosks (the catalogue, a kiosk's settings): ETag, 304, signature.

The body is signed as sent, byte for byte, with the hub's Ed25519 key (hub.keys); the kiosk
checks the `X-Signature` header against the key in its configuration before using anything
(offline_cache/content_cache.py). The ETag is a digest of the body, so every hub process
answers the same one for the same content.
"""

from __future__ import annotations

import base64
import hashlib

from django.http import HttpRequest, HttpResponse

from hub.keys import current_keys
from offline_cache.content_cache import SIGNATURE_HEADER


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def signed_response(request: HttpRequest, body: bytes) -> HttpResponse:
    """304 when the kiosk's If-None-Match is current, else the body with its signature."""
    etag = etag_of(body)
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/json")
        response[SIGNATURE_HEADER] = base64.b64encode(
            current_keys().sign_private.sign(body)).decode()
    response["ETag"] = etag
    return response
