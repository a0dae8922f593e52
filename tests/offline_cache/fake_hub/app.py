"""The fake hub's HTTP face (Flask): protocol v1 endpoints with hooks to misbehave.

`fault` and `after_store` (in `app.config`) make it fail as no healthy hub can be made to
(500, 429, an HTML page, a slow answer, an answer lost after storing); `max_items` lowers the
batch limit. The real hub (hub/, Django) answers the same protocol; the library's tests use
this one for the faults.
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

from flask import Flask, Response, abort, request

from fake_hub.store import HubStore
from hub.keys import HubKeys
from offline_cache.protocol import MAX_BODY, MAX_ITEMS, PROTOCOL


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
               catalog_path: Path) -> Flask:
    """`tokens` maps a bearer token to the kiosk id it belongs to ("*": any, for the demo)."""
    app = Flask("fake_hub")
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

    return app
