"""A signed document kept up to date from the hub: ETag, signature check, atomic swap.

Why: the catalogue and configuration a kiosk shows citizens come from the network, which on a
rural site may be a captive portal or a tampering proxy. An update is used only if its
Ed25519 signature verifies against a key the kiosk already trusts (from its config); it is
written beside the old one, flushed, then swapped in with `os.replace`, so a crash or a bad
update always leaves the previous good version in place.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from offline_cache.transport import BatchFailure, Fetched, HttpTransport

SIGNATURE_HEADER = "X-Signature"  # base64 Ed25519 signature of the exact body bytes


class RefreshOutcome(enum.Enum):
    UPDATED = "updated"  # a new signed version was verified and swapped in
    UNCHANGED = "unchanged"  # the hub said 304: our ETag is current
    REJECTED = "rejected"  # unsigned or badly signed: the previous version is kept
    FAILED = "failed"  # no usable answer; the previous version is kept


@dataclass(frozen=True, slots=True)
class RefreshResult:
    outcome: RefreshOutcome
    detail: str


def ed25519_verifier(public_pem: bytes) -> Callable[[bytes, bytes], bool]:
    key = serialization.load_pem_public_key(public_pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("expected an Ed25519 public key in PEM form")

    def verify(body: bytes, signature: bytes) -> bool:
        try:
            key.verify(signature, body)
        except InvalidSignature:
            return False
        return True

    return verify


def signed_properly(fetched: Fetched, verify: Callable[[bytes, bytes], bool]) -> bool:
    """Whether a fetched body carries a valid signature header (base64) for `verify`."""
    headers = {k.lower(): v for k, v in fetched.headers.items()}
    try:
        signature = base64.b64decode(headers.get(SIGNATURE_HEADER.lower(), ""), validate=True)
    except (binascii.Error, ValueError):
        return False
    return bool(signature) and verify(fetched.body, signature)


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.new")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class ContentCache:
    """One named document in `folder`, with its ETag in a sidecar file.

    `accept` looks at a body whose signature verified and returns why it cannot be used (a
    field this version does not know, a value out of range), or None: a signed document can
    still be wrong, and it is refused like an unsigned one, the previous one kept.
    """

    def __init__(self, folder: Path, name: str, verify: Callable[[bytes, bytes], bool],
                 accept: Callable[[bytes], str | None] | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / name
        self.meta_path = self.folder / f"{name}.meta.json"
        self.verify = verify
        self.accept = accept

    def current(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def etag(self) -> str | None:
        try:
            return json.loads(self.meta_path.read_text("utf-8")).get("etag")
        except (FileNotFoundError, ValueError):
            return None

    def refresh(self, transport: HttpTransport, url_path: str) -> RefreshResult:
        fetched = transport.fetch(url_path, self.etag() if self.path.exists() else None)
        if isinstance(fetched, BatchFailure):
            return RefreshResult(RefreshOutcome.FAILED, fetched.detail)
        if fetched.status == 304:
            return RefreshResult(RefreshOutcome.UNCHANGED, "already current")
        if not signed_properly(fetched, self.verify):
            return RefreshResult(RefreshOutcome.REJECTED, "unsigned or badly signed update "
                                 "refused; keeping the previous one")
        problem = self.accept(fetched.body) if self.accept is not None else None
        if problem is not None:
            return RefreshResult(RefreshOutcome.REJECTED, f"{problem}; keeping the previous one")
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.path, fetched.body)
        etag = {k.lower(): v for k, v in fetched.headers.items()}.get("etag")
        _write_atomically(self.meta_path, json.dumps({"etag": etag}).encode())
        return RefreshResult(RefreshOutcome.UPDATED, f"{len(fetched.body)} bytes")
