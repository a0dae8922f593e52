"""Receiving sealed submissions (POST /v1/submissions, and USB imports): each UUID once.

Why the checks open the envelope: an item sealed for another key or moved to another UUID
can never be read here, so it is answered `rejected` at once (the kiosk holds it for a
person) rather than stored as a request nobody can open. Opening also gives the clear fields
the back office routes and tracks by (language, assisted), which carry nothing personal.

Why a repeat with other content is answered `duplicate` (with `"conflict": true`, as ODK
Central tells a repeat from an edit): the kiosk must not hold it forever in the field; the
first content stays, and the second is kept as a Conflict for a person.

Why one transaction for the batch: the answer is built after the commit, so a kiosk that
reads `stored` may delete its copy; a crash before the commit means no answer, and a retry.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.intake.models import Conflict, Source, Submission
from hub.intake.signals import requests_stored
from hub.keys import current_keys
from hub.writes import writer
from offline_cache.envelope import EnvelopeError, open_sealed
from offline_cache.protocol import (
    CONFLICT_FIELD,
    MAX_BODY,
    MAX_LABEL,
    ItemStatus,
    reference_for,
)

MAX_LANGUAGE = 8


class BodyError(Exception):
    """A request body we cannot read; `status` is the HTTP answer (400 or 413)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_body(raw: bytes, content_encoding: str) -> bytes:
    """The request body, inflated when gzip; never more than MAX_BODY (a zip bomb stops)."""
    if len(raw) > MAX_BODY:
        raise BodyError(413, "body too large")
    if content_encoding.strip().lower() != "gzip":
        return raw
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, MAX_BODY)
    except zlib.error:
        raise BodyError(400, "body is not valid gzip") from None
    if inflater.unconsumed_tail:
        raise BodyError(413, "body too large")
    return body


def read_json(raw: bytes, content_encoding: str) -> Any:
    try:
        return json.loads(read_body(raw, content_encoding))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BodyError(400, "body is not JSON") from None


def maybe_gzip(body: bytes, accept_encoding: str) -> tuple[bytes, bool]:
    """Compress an answer when the client asked for it and it is worth it."""
    if len(body) > 256 and "gzip" in accept_encoding.lower():
        return gzip.compress(body, 6), True
    return body, False


@dataclass(frozen=True, slots=True)
class CheckedItem:
    """An item that can be stored: its clear fields, the sealed bytes and their hash."""

    uuid: str
    service: str
    routing: str
    created_at: datetime
    sealed: bytes
    sha256: str
    language: str
    assisted: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a stored item: its status, and whether it repeated a UUID with other
    content (kept as a Conflict)."""

    status: ItemStatus
    conflict: bool = False

    def answer(self, item_id: str) -> dict[str, object]:
        result: dict[str, object] = {"uuid": item_id, "status": self.status.value}
        if self.conflict:
            result[CONFLICT_FIELD] = True
        return result


STORED, DUPLICATE, CONFLICT = (Outcome(ItemStatus.STORED), Outcome(ItemStatus.DUPLICATE),
                               Outcome(ItemStatus.DUPLICATE, conflict=True))


class Rejected(Exception):
    """str() is the reason the kiosk shows a person."""


def _created_at(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Rejected("created_at is not an ISO 8601 date") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def clear_fields(document: dict[str, Any]) -> tuple[str, bool]:
    """(language, assisted) from an opened payload: what the back office shows in clear."""
    language = document.get("language")
    if not isinstance(language, str) or not language or len(language) > MAX_LANGUAGE:
        language = "fr"
    return language, bool(document.get("assisted_by"))


def open_document(private: X25519PrivateKey, sealed: bytes, item_id: str) -> dict[str, Any]:
    try:
        document = json.loads(open_sealed(private, sealed, item_id.encode()))
    except (ValueError, EnvelopeError):
        raise Rejected("payload does not open with the hub key (wrong key or damaged)") from None
    if not isinstance(document, dict):
        raise Rejected("payload is not a JSON object")
    return document


def check_item(item: Any, private: X25519PrivateKey) -> CheckedItem:
    """The item ready to store, or Rejected with the reason."""
    if not isinstance(item, dict):
        raise Rejected("not an object")
    try:
        item_id = str(uuid.UUID(str(item.get("uuid"))))
    except ValueError:
        raise Rejected("uuid is not a UUID") from None
    if item_id != item.get("uuid"):
        raise Rejected("uuid is not in canonical lowercase form")
    for field in ("service", "routing", "created_at"):
        value = item.get(field)
        if not isinstance(value, str) or not value or len(value) > MAX_LABEL:
            raise Rejected(f"{field} missing or too long")
    try:
        sealed = base64.b64decode(item.get("payload") or "", validate=True)
    except (binascii.Error, ValueError):
        raise Rejected("payload is not base64") from None
    language, assisted = clear_fields(open_document(private, sealed, item_id))
    return CheckedItem(item_id, item["service"], item["routing"], _created_at(item["created_at"]),
                       sealed, hashlib.sha256(sealed).hexdigest(), language, assisted)


def _keep_conflict(checked: CheckedItem) -> None:
    """The same UUID came with other content: keep that content once, for a person."""
    submission = Submission.objects.only("pk").get(uuid=checked.uuid)
    known = (bytes(p) for p in Conflict.objects.filter(submission=submission)
             .values_list("payload", flat=True))
    if checked.sealed not in known:
        Conflict.objects.create(submission=submission, payload=checked.sealed)


def _new_submission(kiosk: Kiosk, checked: CheckedItem, source: str,
                    received_at: datetime) -> Submission:
    return Submission(
        uuid=checked.uuid, reference=reference_for(checked.uuid), kiosk=kiosk,
        service=checked.service, routing=checked.routing, language=checked.language,
        assisted=checked.assisted, created_at=checked.created_at, received_at=received_at,
        source=source, payload=checked.sealed, payload_sha256=checked.sha256)


def store_checked(kiosk: Kiosk, checked: CheckedItem, source: str,
                  received_at: datetime | None = None) -> Outcome:
    """Store one checked item once; a repeat is a duplicate (a Conflict if its content differs).

    Call inside a transaction. The savepoint makes a race with another hub process on the same
    UUID (PostgreSQL) end as a duplicate rather than an error.
    """
    existing = Submission.objects.filter(uuid=checked.uuid).only("payload_sha256").first()
    if existing is None:
        try:
            with transaction.atomic():
                _new_submission(kiosk, checked, source, received_at or timezone.now()).save()
            return STORED
        except IntegrityError:
            existing = Submission.objects.only("payload_sha256").get(uuid=checked.uuid)
    if existing.payload_sha256 != checked.sha256:
        _keep_conflict(checked)
        return CONFLICT
    return DUPLICATE


def store_batch(kiosk: Kiosk, batch: list[CheckedItem], source: str) -> list[Outcome]:
    """Store a batch's checked items in a few queries (one lookup, one insert); their statuses.

    Call inside a transaction. A UUID twice in one batch is stored once, the second answered
    duplicate. If another hub process stored one of them meanwhile, the insert fails as a
    whole and the new items are stored one at a time instead.
    """
    held = {str(u): sha for u, sha in Submission.objects.filter(
        uuid__in=[c.uuid for c in batch]).values_list("uuid", "payload_sha256")}
    statuses: list[Outcome] = []
    new: dict[int, CheckedItem] = {}  # position in the batch -> item
    conflicts: list[CheckedItem] = []
    for position, checked in enumerate(batch):
        if checked.uuid in held:
            differs = held[checked.uuid] != checked.sha256
            statuses.append(CONFLICT if differs else DUPLICATE)
            if differs:
                conflicts.append(checked)
            continue
        held[checked.uuid] = checked.sha256
        statuses.append(STORED)
        new[position] = checked
    now = timezone.now()
    try:
        with transaction.atomic():
            stored = Submission.objects.bulk_create([_new_submission(kiosk, c, source, now)
                                                     for c in new.values()])
        if stored:
            requests_stored.send(Submission, submissions=stored)
    except IntegrityError:
        for position, checked in new.items():
            statuses[position] = store_checked(kiosk, checked, source, now)
    for checked in conflicts:
        _keep_conflict(checked)
    return statuses


def receive_items(kiosk: Kiosk, items: list[Any],
                  source: str = Source.NETWORK) -> list[dict[str, object]]:
    """One result per item, in order: stored, duplicate (a conflict said so) or rejected
    with its reason."""
    private = current_keys().seal_private
    # Opening envelopes is the slow part: done before taking the writer's turn.
    checked: list[CheckedItem | Rejected] = []
    for item in items:
        try:
            checked.append(check_item(item, private))
        except Rejected as reason:
            checked.append(reason)
    results: list[dict[str, object]] = []
    with writer(), transaction.atomic():
        statuses = iter(store_batch(kiosk, [c for c in checked if isinstance(c, CheckedItem)],
                                    source))
        for item, outcome in zip(items, checked, strict=True):
            if isinstance(outcome, CheckedItem):
                results.append(next(statuses).answer(outcome.uuid))
                continue
            echo = item.get("uuid") if isinstance(item, dict) else None
            if isinstance(echo, str) and _known_uuid(echo):
                results.append({"uuid": echo, "status": ItemStatus.DUPLICATE.value})
            else:
                results.append({"uuid": str(echo), "status": ItemStatus.REJECTED.value,
                                "reason": str(outcome)})
    return results


def _known_uuid(value: str) -> bool:
    try:
        return Submission.objects.filter(uuid=uuid.UUID(value)).exists()
    except ValueError:
        return False
