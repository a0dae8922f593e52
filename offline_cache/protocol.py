"""What both ends of protocol v1 share (docs/protocol.md): limits, statuses, request states,
the receipt reference and the tracking link. The kiosk and the hub import it; it imports
neither.
"""

from __future__ import annotations

import enum
import uuid
from urllib.parse import quote

from offline_cache.digits import western_digits

PROTOCOL = 1
MAX_ITEMS = 500  # items per POST /v1/submissions; more is answered 413
MAX_BODY = 16 * 1024 * 1024  # a decompressed request body; a zip bomb stops here
MAX_PAYLOAD = 8 * 1024 * 1024  # one inflated sealed payload
MAX_LABEL = 120  # service, routing, created_at
MAX_JOURNAL_ENTRIES = 200  # per heartbeat
MAX_STATES = 200  # request states per heartbeat answer
TRACKING_PATH = "/suivi/"
CATALOG_PATH = "/v1/catalog"  # the signed catalogue, with ETag and its signature header
# The settings the back office sends this kiosk, signed and with ETag like the catalogue: a JSON
# object {"protocol", "kiosk_id", "version", "settings": {key: value}} (offline_cache/
# settings_schema.py says which keys may come and what values they take).
CONFIG_PATH = "/v1/config"
# A USB export (`kiosk outbox export`, read by `kiosk-hub import`): a header line with this
# format and version 1, then one item per line in the wire form.
EXPORT_FORMAT = "kiosk-outbox-export"
EXPORT_SUFFIX = ".kiosk-export.jsonl"


class ItemStatus(enum.Enum):
    """The hub's answer for one submitted item."""

    STORED = "stored"  # new, durably stored: the kiosk deletes its sealed copy
    DUPLICATE = "duplicate"  # already stored earlier: same as stored for the kiosk
    REJECTED = "rejected"  # can never be accepted as is: held for a person on the kiosk


# In an item's result beside `"status": "duplicate"`: this UUID was stored earlier with other
# content; the first is kept, this one set aside for a person. The kiosk treats it as
# duplicate (and reads no field it does not know).
CONFLICT_FIELD = "conflict"


class RequestState(enum.Enum):
    """Where a request is in the back office; travels to the kiosk in heartbeat answers."""

    NEW = "new"  # arrived, nobody has taken it yet
    IN_PROGRESS = "in_progress"  # an agent works on it
    WAITING = "waiting"  # waiting for the citizen (a document, an answer)
    DONE = "done"  # handled: closed
    REFUSED = "refused"  # cannot be handled: closed, with a message saying why

    @property
    def closed(self) -> bool:
        return self in (RequestState.DONE, RequestState.REFUSED)


# Of each look-alike pair only one stays: no 0/O, 1/I/L at all; 5 not S, 8 not B, 2 not Z.
ALPHABET = "23456789ACDEFGHJKMNPQRTUVWXY"
REFERENCE_LENGTH = 6


def reference_for(client_id: str | uuid.UUID) -> str:
    """The short reference of a request, e.g. "K7M-4QF"; the same UUID always gives the same.

    Derived from the UUID so the kiosk can print it offline and the hub computes the same one.
    """
    number = uuid.UUID(str(client_id)).int
    chars = []
    for _ in range(REFERENCE_LENGTH):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    half = REFERENCE_LENGTH // 2
    return "".join(chars[:half]) + "-" + "".join(chars[half:])


def normalize_reference(typed: str) -> str | None:
    """A reference as a person typed or dictated it ("k7m 4qf", "k٧m 4qf" from an Arabic
    keyboard), or None if it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    chars = [c for c in western_digits(typed).upper() if c not in " -._"]
    if len(chars) != REFERENCE_LENGTH or any(c not in ALPHABET for c in chars):
        return None
    half = REFERENCE_LENGTH // 2
    return "".join(chars[:half]) + "-" + "".join(chars[half:])


def tracking_url(base_url: str, client_id: str, reference: str) -> str:
    """The link in the receipt's QR code: the hub's tracking page, nothing personal."""
    return (f"{base_url.rstrip('/')}{TRACKING_PATH}{quote(str(client_id), safe='')}"
            f"?ref={quote(reference, safe='-')}")
