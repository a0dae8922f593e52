"""Protocol v1 endpoints (docs/protocol.md): thin views over hub.intake.receive and heartbeat.

JSON in and out, no sessions, no CSRF (kiosks are not browsers: they prove who they are with
a bearer token on every request).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from hub.catalog import catalog_path
from hub.fleet.auth import KioskRefused, authenticate_kiosk
from hub.fleet.remote_settings import document_for, record_sent
from hub.intake.heartbeat import heartbeat as record_heartbeat
from hub.intake.receive import BodyError, maybe_gzip, read_json, receive_items
from hub.signed import signed_response
from offline_cache.protocol import MAX_BODY, MAX_ITEMS, PROTOCOL


def json_response(request: HttpRequest, data: Any, status: int = 200) -> HttpResponse:
    body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    body, zipped = maybe_gzip(body, request.headers.get("Accept-Encoding", ""))
    response = HttpResponse(body, status=status, content_type="application/json")
    if zipped:
        response["Content-Encoding"] = "gzip"
    return response


def _body(request: HttpRequest) -> Any:
    """The JSON body. Read from the stream, not `request.body`: Django caps that at 2.5 MB
    for forms, and a batch may be larger; MAX_BODY is the protocol's own cap."""
    raw = request.read(MAX_BODY + 1)
    return read_json(raw, request.headers.get("Content-Encoding", ""))


def _refused(request: HttpRequest, reason: KioskRefused) -> HttpResponse:
    return json_response(request, {"error": str(reason)}, 401)


@csrf_exempt
@require_POST
def submissions(request: HttpRequest) -> HttpResponse:
    try:
        kiosk = authenticate_kiosk(request)
        document = _body(request)
    except KioskRefused as reason:
        return _refused(request, reason)
    except BodyError as error:
        return json_response(request, {"error": str(error)}, error.status)
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list):
        return json_response(request, {"error": "expected an object with an 'items' list"}, 400)
    if len(items) > MAX_ITEMS:
        return json_response(request, {"error": f"at most {MAX_ITEMS} items per request"}, 413)
    return json_response(request, {"protocol": PROTOCOL, "results": receive_items(kiosk, items)})


@csrf_exempt
@require_POST
def heartbeat(request: HttpRequest) -> HttpResponse:
    try:
        kiosk = authenticate_kiosk(request)
        body = _body(request)
    except KioskRefused as reason:
        return _refused(request, reason)
    except BodyError:
        body = {}  # a heartbeat is also a probe: a body we cannot read still proves the link
    return json_response(request, record_heartbeat(kiosk, body))


@require_GET
def catalog(request: HttpRequest) -> HttpResponse:
    try:
        authenticate_kiosk(request)
    except KioskRefused as reason:
        return _refused(request, reason)
    return signed_response(request, catalog_path().read_bytes())


@require_GET
def settings_document(request: HttpRequest) -> HttpResponse:
    """The settings the back office sends this kiosk (hub.fleet.remote_settings), signed."""
    try:
        kiosk = authenticate_kiosk(request)
    except KioskRefused as reason:
        return _refused(request, reason)
    body, version = document_for(kiosk)
    record_sent(kiosk, version)
    return signed_response(request, body)
