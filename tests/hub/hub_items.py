"""Sealed items and requests for the hub's tests (a uniquely named module, not conftest)."""

from __future__ import annotations

import base64
import gzip
import json
import uuid

import requests

from hub.keys import demo_keys_dir
from offline_cache.envelope import load_public_key, seal

DEMO_PUBLIC = load_public_key((demo_keys_dir() / "hub-x25519-public.pem").read_bytes())
DEMO = {"Authorization": "Bearer demo-token", "X-Kiosk-Id": "borne-test-03"}


def sealed_item(content: dict | None = None, item_id: str | None = None, public=DEMO_PUBLIC,
                **fields: str) -> dict:
    """An item in the wire form, sealed for `public` (the demo key unless told)."""
    item_id = item_id or str(uuid.uuid4())
    content = {"client_id": item_id, "language": "fr", "answers": {"nom": "Martin"},
               **(content or {})}
    blob = seal(public, json.dumps(content).encode(), item_id.encode())
    return {"uuid": item_id, "service": "acte-naissance", "routing": "commune-etat-civil",
            "created_at": "2024-06-01T10:00:00+00:00",
            "payload": base64.b64encode(blob).decode(), **fields}


def post_items(url: str, items, headers=DEMO, **extra) -> requests.Response:
    body = gzip.compress(json.dumps({"protocol": 1, "items": items}).encode())
    return requests.post(f"{url}/v1/submissions", data=body, timeout=20, headers={
        **headers, "Content-Encoding": "gzip", "Content-Type": "application/json", **extra})


def heartbeat(url: str, body: dict, headers=DEMO) -> requests.Response:
    return requests.post(f"{url}/v1/heartbeat", json=body, headers=headers, timeout=20)
