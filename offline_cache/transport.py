"""HTTP to the hub: one keep-alive session, gzip, and deadlines that a trickling link cannot dodge.

Why an overall deadline: `requests` timeouts bound each socket operation, so a link that
delivers one byte every few seconds never trips them and a sync could hang for hours. Here the
request body is read through `_DeadlineBody` and the answer in small chunks, and both check a
wall-clock deadline between blocks; each block is itself bounded by the read timeout, so a
request ends within `deadline + read_timeout`, whatever the link does.

Why so suspicious of answers: on a rural site the "internet" may be a captive portal, an ISP
error page or a connection cut mid-answer. Only a JSON body in the protocol's shape, naming the
UUIDs we sent, counts; everything else is a `BatchFailure` to retry later.
"""

from __future__ import annotations

import base64
import enum
import gzip
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests
import urllib3

from offline_cache.backoff import parse_retry_after
from offline_cache.outbox import OutboxItem

log = logging.getLogger(__name__)
PROTOCOL = 1
MAX_ANSWER_BYTES = 4 * 1024 * 1024
CONFIRMED = frozenset({"stored", "duplicate"})


class FailureKind(enum.Enum):
    UNREACHABLE = "unreachable"  # no answer: refused, reset, timeout, deadline, cut mid-answer
    GARBAGE = "garbage"  # an answer that is not the hub's: portal page, proxy error, bad JSON
    SERVER_ERROR = "server_error"  # the hub answered 5xx
    THROTTLED = "throttled"  # 409 or 429: same batch, same keys, later
    AUTH = "auth"  # 401 or 403: the token is wrong; a person must fix it
    TOO_LARGE = "too_large"  # 413: send fewer items per request
    REJECTED = "rejected"  # another 4xx for the whole request


@dataclass(frozen=True, slots=True)
class ItemResult:
    item_id: str
    status: str  # "stored", "duplicate" or "rejected"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class BatchAnswer:
    results: dict[str, ItemResult]
    bytes_sent: int
    bytes_received: int


@dataclass(frozen=True, slots=True)
class BatchFailure:
    kind: FailureKind
    detail: str
    retry_after: float | None = None
    bytes_sent: int = 0


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int  # 200, or 304 when the ETag still matches
    body: bytes
    headers: dict[str, str]


class DeadlineExceeded(Exception):
    """The overall deadline passed while sending or receiving."""


class _DeadlineBody(io.BytesIO):
    """A request body that refuses to hand out more bytes once the deadline has passed."""

    def __init__(self, data: bytes, deadline: float, clock: Callable[[], float]) -> None:
        super().__init__(data)
        self._deadline, self._clock = deadline, clock

    def read(self, size: int | None = -1) -> bytes:
        if self._clock() > self._deadline:
            raise DeadlineExceeded("deadline passed while sending")
        return super().read(size)


def item_to_wire(item: OutboxItem) -> dict[str, Any]:
    return {
        "uuid": item.item_id, "service": item.service, "routing": item.routing,
        "created_at": datetime.fromtimestamp(item.created_at, UTC).isoformat(),
        "payload": base64.b64encode(item.payload or b"").decode("ascii"),
    }


def parse_answer(body: bytes, sent_ids: set[str]) -> dict[str, ItemResult] | None:
    """The per-item results if `body` is a protocol answer, else None (garbage)."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        return None
    results: dict[str, ItemResult] = {}
    for entry in data["results"]:
        if not isinstance(entry, dict):
            return None
        item_id, status = entry.get("uuid"), entry.get("status")
        if item_id in sent_ids and status in (*CONFIRMED, "rejected"):
            results[item_id] = ItemResult(item_id, status, str(entry.get("reason", ""))[:500])
    return results


class HttpTransport:
    """Talks protocol v1 to one hub. Not thread-safe: the sync engine owns it.

    `on_heartbeat_answer` receives every heartbeat answer that is the hub's, whichever job
    sent the heartbeat (probe, journal): the caller reads what it knows in it.
    """

    def __init__(self, base_url: str, token: str, kiosk_id: str, *,
                 connect_timeout: float = 10.0, read_timeout: float = 20.0,
                 deadline: float = 120.0, clock: Callable[[], float] = time.monotonic,
                 on_heartbeat_answer: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.on_heartbeat_answer = on_heartbeat_answer
        self.base_url = base_url.rstrip("/")
        self.kiosk_id = kiosk_id
        self.connect_timeout, self.read_timeout, self.deadline = (
            connect_timeout, min(read_timeout, deadline), deadline)
        self.clock = clock
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {token}", "X-Kiosk-Id": kiosk_id,
            "User-Agent": f"offline-cache/{PROTOCOL}", "Accept": "application/json",
        })

    def close(self) -> None:
        self.session.close()

    def _exchange(self, method: str, path: str, body: bytes | None,
                  headers: dict[str, str]) -> tuple[requests.Response, bytes]:
        """One request under the overall deadline; returns the response and its whole body."""
        deadline = self.clock() + self.deadline
        data = _DeadlineBody(body, deadline, self.clock) if body is not None else None
        response = self.session.request(
            method, self.base_url + path, data=data, headers=headers, stream=True,
            timeout=(self.connect_timeout, self.read_timeout),
        )
        chunks, size = [], 0
        try:
            # read1: at most one socket read per call, so the deadline is checked as bytes
            # trickle in (read(n) would block until n bytes or the end, however slow).
            while chunk := response.raw.read1(4096, decode_content=True):
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    raise DeadlineExceeded("answer larger than allowed")
                chunks.append(chunk)
                if self.clock() > deadline:
                    raise DeadlineExceeded("deadline passed while receiving")
        except BaseException:
            response.close()  # drops the connection: it is in an unknown state
            raise
        response.raw.release_conn()  # read to the end: the connection can be reused
        return response, b"".join(chunks)

    def _guarded(self, method: str, path: str, body: bytes | None, headers: dict[str, str]
                 ) -> tuple[requests.Response, bytes] | BatchFailure:
        try:
            return self._exchange(method, path, body, headers)
        except DeadlineExceeded as error:
            self.session.close()  # the connection is in an unknown state: never reuse it
            return BatchFailure(FailureKind.UNREACHABLE, str(error))
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            self.session.close()
            return BatchFailure(FailureKind.UNREACHABLE, f"{type(error).__name__}: {error}"[:300])

    def post_batch(self, items: Sequence[OutboxItem], now: float | None = None
                   ) -> BatchAnswer | BatchFailure:
        document = {"protocol": PROTOCOL, "kiosk_id": self.kiosk_id,
                    "items": [item_to_wire(item) for item in items]}
        body = gzip.compress(json.dumps(document, separators=(",", ":")).encode(), 6)
        outcome = self._guarded("POST", "/v1/submissions", body, {
            "Content-Type": "application/json", "Content-Encoding": "gzip",
        })
        if isinstance(outcome, BatchFailure):
            return BatchFailure(outcome.kind, outcome.detail, bytes_sent=len(body))
        response, answer = outcome
        status = response.status_code
        retry_after = parse_retry_after(response.headers.get("Retry-After"),
                                        time.time() if now is None else now)
        if status in (401, 403):
            return BatchFailure(FailureKind.AUTH, f"the hub refused the token ({status})")
        if status in (409, 429):
            return BatchFailure(FailureKind.THROTTLED, f"the hub asked to wait ({status})",
                                retry_after, len(body))
        if status == 413:
            return BatchFailure(FailureKind.TOO_LARGE, "request too large (413)",
                                bytes_sent=len(body))
        if status >= 500:
            return BatchFailure(FailureKind.SERVER_ERROR, f"hub error {status}", retry_after,
                                len(body))
        if 400 <= status < 500:
            return BatchFailure(FailureKind.REJECTED, f"hub refused the request ({status}): "
                                f"{answer[:200].decode('utf-8', 'replace')}", bytes_sent=len(body))
        content_type = response.headers.get("Content-Type", "")
        results = parse_answer(answer, {item.item_id for item in items})
        if status != 200 or not content_type.startswith("application/json") or results is None:
            return BatchFailure(FailureKind.GARBAGE, f"answer is not the hub's (HTTP {status}, "
                                f"{content_type or 'no content type'})", bytes_sent=len(body))
        return BatchAnswer(results, len(body), len(answer))

    def heartbeat(self, status: dict[str, Any]) -> bool:
        """True only if the hub itself answered (a portal's 200 page does not count)."""
        return self.heartbeat_answer(status) is not None

    def heartbeat_answer(self, status: dict[str, Any]) -> dict[str, Any] | None:
        """The hub's JSON answer to a heartbeat, or None when it was not the hub's."""
        body = json.dumps({"protocol": PROTOCOL, "kiosk_id": self.kiosk_id, **status}).encode()
        outcome = self._guarded("POST", "/v1/heartbeat", body,
                                {"Content-Type": "application/json"})
        if isinstance(outcome, BatchFailure):
            return None
        response, answer = outcome
        try:
            document = json.loads(answer)
        except ValueError:
            return None
        if response.status_code != 200 or not isinstance(document, dict) \
                or document.get("protocol") != PROTOCOL:
            return None
        if self.on_heartbeat_answer is not None:
            try:
                self.on_heartbeat_answer(document)
            except Exception:  # the caller's reading must not make the hub look offline
                log.exception("heartbeat answer hook failed")
        return document

    def fetch(self, path: str, etag: str | None) -> Fetched | BatchFailure:
        headers = {"If-None-Match": etag} if etag else {}
        outcome = self._guarded("GET", path, None, headers)
        if isinstance(outcome, BatchFailure):
            return outcome
        response, body = outcome
        code = response.status_code
        if code in (401, 403):
            return BatchFailure(FailureKind.AUTH, f"the hub refused the token ({code})")
        if code not in (200, 304):
            return BatchFailure(FailureKind.SERVER_ERROR, f"HTTP {code}")
        return Fetched(response.status_code, body, dict(response.headers))
