"""The hub's HTTP face (Flask): protocol v1 endpoints and a plain page for back-office staff.

Endpoints (docs/protocol.md is the reference a municipality can build against):
- `POST /v1/submissions`: a gzip or plain JSON batch; answers one result per item;
- `GET /v1/catalog`: the catalogue with an ETag and an Ed25519 signature header;
- `POST /v1/heartbeat`: a kiosk's health, also its connectivity probe;
- `GET /`: the list of received requests, decrypted, for staff.

`fault` and `after_store` (in `app.config`) are hooks the test suite uses to make the hub
misbehave (500, 429, an HTML page, a slow answer); they are None in service.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, render_template_string, request

from kiosk.hub.keys import HubKeys
from kiosk.hub.store import HubStore, open_payload
from offline_cache.envelope import EnvelopeError

PROTOCOL = 1
MAX_BODY = 16 * 1024 * 1024  # decompressed; a zip bomb stops here
MAX_ITEMS = 500

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Received requests</title>
<style>body{font:16px sans-serif;margin:2em}table{border-collapse:collapse}
td,th{border:1px solid #444;padding:.3em .6em;vertical-align:top;text-align:left}
pre{margin:0;white-space:pre-wrap}</style></head><body>
<h1>Received requests ({{ total }})</h1>
{% if demo %}<p><strong>Demo keys in use: not for real personal data.</strong></p>{% endif %}
<table><tr><th>Received</th><th>Kiosk</th><th>Service</th><th>Routing</th><th>Reference</th>
<th>Content</th></tr>
{% for r, content in rows %}<tr><td>{{ r.received_at }}</td><td>{{ r.kiosk_id }}</td>
<td>{{ r.service }}</td><td>{{ r.routing }}</td><td>{{ r.uuid }}</td>
<td><pre>{{ content }}</pre></td></tr>{% endfor %}
</table></body></html>"""


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, separators=(",", ":")).encode()
    response = Response(body, status=status, mimetype="application/json")
    if len(body) > 256 and "gzip" in request.headers.get("Accept-Encoding", ""):
        response.set_data(gzip.compress(body, 6))
        response.headers["Content-Encoding"] = "gzip"
    return response


def _request_body() -> bytes:
    raw = request.get_data(cache=False)
    if request.headers.get("Content-Encoding", "").lower() != "gzip":
        return raw
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, MAX_BODY)
    except zlib.error:
        abort(_json({"error": "body is not valid gzip"}, 400))
    if inflater.unconsumed_tail:
        abort(_json({"error": "body too large"}, 413))
    return body


def create_app(store: HubStore, keys: HubKeys, tokens: dict[str, str],
               catalog_path: Path, staff_key: str | None = None) -> Flask:
    """`tokens` maps a bearer token to the kiosk id it belongs to ("*": any, for the demo)."""
    app = Flask("kiosk.hub")
    app.config.update(fault=None, after_store=None, max_items=MAX_ITEMS)

    def hook(name: str, *args: Any) -> Response | None:
        fn: Callable[..., Response | None] | None = app.config.get(name)
        return fn(*args) if fn else None

    def kiosk_id() -> str:
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else ""
        for known, owner in tokens.items():
            if token and hmac.compare_digest(known.encode(), token.encode()):
                claimed = request.headers.get("X-Kiosk-Id", "")
                if owner == "*" and claimed:
                    return claimed[:40]
                if owner == claimed or not claimed:
                    return owner
        abort(_json({"error": "unknown token for this kiosk"}, 401))

    @app.post("/v1/submissions")
    def submissions() -> Response:
        sender = kiosk_id()
        if (faulty := hook("fault", "submissions")) is not None:
            return faulty
        try:
            document = json.loads(_request_body())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _json({"error": "body is not JSON"}, 400)
        items = document.get("items") if isinstance(document, dict) else None
        if not isinstance(items, list):
            return _json({"error": "expected an object with an 'items' list"}, 400)
        if len(items) > app.config["max_items"]:
            return _json({"error": f"at most {app.config['max_items']} items per request"}, 413)
        results = store.receive(sender, items, keys.seal_private)
        if (faulty := hook("after_store", results)) is not None:
            return faulty
        return _json({"protocol": PROTOCOL, "results": results})

    @app.post("/v1/heartbeat")
    def heartbeat() -> Response:
        sender = kiosk_id()
        if (faulty := hook("fault", "heartbeat")) is not None:
            return faulty
        status = request.get_json(silent=True)
        status = status if isinstance(status, dict) else {}
        entries = status.pop("journal", None)
        store.heartbeat(sender, status)
        answer: dict[str, Any] = {"protocol": PROTOCOL, "ok": True}
        if isinstance(entries, list):  # the kiosk's audit journal rides along
            answer["journal_through"] = store.store_journal(sender, entries)
        return _json(answer)

    @app.get("/v1/catalog")
    def catalog() -> Response:
        kiosk_id()
        if (faulty := hook("fault", "catalog")) is not None:
            return faulty
        body = catalog_path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        signature = base64.b64encode(keys.sign_private.sign(body)).decode()
        return Response(body, mimetype="application/json",
                        headers={"ETag": etag, "X-Signature": signature})

    @app.get("/")
    def staff_page() -> str:
        if staff_key and not hmac.compare_digest(request.args.get("key", ""), staff_key):
            abort(403)
        rows = []
        for record in store.latest(200):
            try:
                content = json.dumps(open_payload(record, keys.seal_private), indent=1,
                                     ensure_ascii=False)
            except (EnvelopeError, ValueError):
                content = "(cannot be opened with this hub's key)"
            rows.append((record, content))
        return render_template_string(PAGE, rows=rows, total=store.count(), demo=keys.is_demo)

    return app
