"""The sync engine: drains the outbox to the hub from a background thread (no Qt).

Rules (docs/protocol.md has the full table):

- oldest first, in batches bounded by count and bytes; a batch that hits the deadline or a 413
  halves the next one, success doubles it back;
- an item is `sent` only when the hub's answer echoes its UUID as stored or duplicate; a
  rejected item is `held` and the rest carry on; items the answer forgets go back to `pending`;
- a link failure (unreachable, garbage, 5xx, 409, 429) puts the whole batch back with one
  shared backoff (full jitter, or the clamped `Retry-After`), so an outage costs one request
  per backoff step, not one per item;
- a hub's `Retry-After` (clamped) holds the WHOLE queue, items queued later included, until
  that moment; it is stored with the queue (meta `retry_after_until`), so a restart or the
  link coming back does not send early against the hub's request; only a person's forced sync
  overrides it;
- 401/403 stops automatic sending until a person asks (`run_once(force=True)`);
- it runs on a timer, when an item is queued (`trigger`), and when connectivity comes back:
  while offline a small heartbeat probes the hub every `probe_interval`, and the first answer
  resets the backoff and drains the queue at once (`connectivity_changed(True)` does the same
  for an operating-system signal).

Listeners receive a `SyncStatus` after each run and link change, on the engine's thread: a UI
must hop to its own thread (ui/ has a bridge for that).
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from offline_cache.backoff import Backoff
from offline_cache.outbox import ItemState, Outbox, OutboxItem
from offline_cache.transport import (
    CONFIRMED,
    BatchAnswer,
    BatchFailure,
    FailureKind,
    HttpTransport,
)

log = logging.getLogger(__name__)
DAY = 86400.0
REFUSED_PREFIX = "refused by the hub: "  # a held item's reason starts so; the hub's follows
RETRY_AFTER_KEY = "retry_after_until"  # meta: epoch seconds the hub asked us to wait until


class LinkState(enum.Enum):
    UNKNOWN = "unknown"  # nothing exchanged with the hub since start
    ONLINE = "online"  # the hub answered in protocol at the last exchange
    DEGRADED = "degraded"  # the hub answers but asks us to wait (5xx, 409, 429)
    OFFLINE = "offline"  # no answer, or one that is not the hub's (captive portal, proxy)
    REFUSED = "refused"  # the hub refused our token: automatic sending waits for a person


_LINK_AFTER = {
    FailureKind.UNREACHABLE: LinkState.OFFLINE, FailureKind.GARBAGE: LinkState.OFFLINE,
    FailureKind.SERVER_ERROR: LinkState.DEGRADED, FailureKind.THROTTLED: LinkState.DEGRADED,
    FailureKind.AUTH: LinkState.REFUSED,
}


@dataclass(frozen=True, slots=True)
class SyncStatus:
    counts: dict[str, int]  # items per state: pending, sending, sent, held
    oldest_pending_age: float | None  # seconds since the oldest unsent item was queued
    last_success_at: float | None  # epoch seconds of the last confirmed batch
    last_error: str | None
    last_error_at: float | None
    link: LinkState
    next_attempt_at: float | None  # epoch seconds; None when nothing waits
    alerts: tuple[str, ...]  # sentences for a mediator or IT: what needs a person
    hub_wait_until: float | None = None  # the hub's Retry-After: nothing is sent before


@dataclass(frozen=True, slots=True)
class SyncReport:
    sent: int = 0
    held: int = 0
    requests: int = 0
    bytes_sent: int = 0
    failure: FailureKind | None = None


class SyncEngine:
    """Owns the transport; call `start()` for the background thread or `run_once()` inline."""

    def __init__(self, outbox: Outbox, transport: HttpTransport, *, interval: float = 60.0,
                 batch_size: int = 50, max_batch_bytes: int = 256 * 1024,
                 backoff: Backoff | None = None, probe_interval: float = 15.0,
                 held_retention_days: float = 30.0, held_warning_days: float = 7.0,
                 clock: Callable[[], float] = time.time,
                 heartbeat_status: Callable[[], dict[str, Any]] | None = None) -> None:
        """`heartbeat_status` adds the caller's own facts (versions, devices) to each
        heartbeat, beside the queue's counts and oldest unsent item."""
        self.outbox, self.transport, self.clock = outbox, transport, clock
        self.heartbeat_status = heartbeat_status
        self.interval, self.probe_interval = interval, probe_interval
        self.batch_size, self.max_batch_bytes = batch_size, max_batch_bytes
        self.backoff = backoff or Backoff()
        self.held_retention, self.held_warning = held_retention_days * DAY, held_warning_days * DAY
        self._batch_limit = batch_size
        self._failures = 0
        self._not_before = 0.0
        self._hub_wait_until = _float(outbox.meta().get(RETRY_AFTER_KEY)) or 0.0
        self._link = LinkState.UNKNOWN
        self._last_probe = 0.0
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._run_lock = threading.Lock()  # one drain at a time (timer, trigger, manual)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._extra_alerts: tuple[str, ...] = ()
        self._force = threading.Event()  # a person asked for a sync: next wake forces it

    # -- control -------------------------------------------------------------------------

    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)

    def set_static_alerts(self, alerts: tuple[str, ...]) -> None:
        """Alerts owned by the caller (e.g. a demo key in use), shown in every status."""
        self._extra_alerts = alerts

    def start(self) -> None:
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._loop, name="sync-engine", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop and join the worker. It ends after the exchange in flight, if any: by default
        the wait is the transport's bound on one exchange (connect + deadline + read)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            if timeout is None:
                t = self.transport
                timeout = t.connect_timeout + t.deadline + t.read_timeout
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("sync: the worker did not stop within %.0f s", timeout)
            self._thread = None
        self.transport.close()

    def trigger(self) -> None:
        """Something was queued: try soon (no-op while backing off)."""
        self._wake.set()

    def request_sync(self) -> None:
        """A person asked: the worker thread syncs now, ignoring backoff and a refusal."""
        self._force.set()
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def connectivity_changed(self, up: bool) -> None:
        """The link came back (or went): reset backoff and drain at once when it is up."""
        if not up:
            self._set_link(LinkState.OFFLINE)
            return
        self._failures = 0
        self._not_before = 0.0
        self._batch_limit = self.batch_size
        self.outbox.make_all_due()
        if self._link is not LinkState.REFUSED:
            self._set_link(LinkState.ONLINE)
        self._wake.set()

    # -- one drain -----------------------------------------------------------------------

    def run_once(self, force: bool = False) -> SyncReport:
        """Send everything due now; `force` (a person asked) ignores backoff and a refusal."""
        with self._run_lock:
            if force:
                self._not_before = 0.0
                self.outbox.make_all_due()
            elif self._link is LinkState.REFUSED or self.clock() < self._waiting_until():
                return SyncReport()
            self._purge_held()
            report = self._drain()
        self._notify()
        return report

    def _waiting_until(self) -> float:
        """No automatic send before this: our own backoff, or the hub's Retry-After."""
        return max(self._not_before, self._hub_wait_until)

    def _drain(self) -> SyncReport:
        sent = held = requests = sent_bytes = 0
        while not self._stopping.is_set():
            batch = self.outbox.claim(self._batch_limit, self.max_batch_bytes)
            if not batch:
                break
            outcome = self.transport.post_batch(batch)
            requests += 1
            if isinstance(outcome, BatchAnswer):
                sent_bytes += outcome.bytes_sent
                confirmed, rejected = self._apply_answer(batch, outcome)
                sent, held = sent + confirmed, held + rejected
                if confirmed + rejected == 0:
                    break  # the hub answers but confirms nothing: do not spin
                continue
            sent_bytes += outcome.bytes_sent
            if outcome.kind in (FailureKind.TOO_LARGE, FailureKind.REJECTED):
                held += self._split_or_hold(batch, outcome)
                continue
            self._apply_failure(batch, outcome)
            return SyncReport(sent, held, requests, sent_bytes, outcome.kind)
        return SyncReport(sent, held, requests, sent_bytes)

    def _apply_answer(self, batch: list[OutboxItem], answer: BatchAnswer) -> tuple[int, int]:
        now = self.clock()
        confirmed = [r.item_id for r in answer.results.values() if r.status in CONFIRMED]
        self.outbox.mark_sent(confirmed)
        rejected = [r for r in answer.results.values() if r.status == "rejected"]
        for result in rejected:
            self.outbox.hold(result.item_id, f"{REFUSED_PREFIX}{result.reason}")
        forgotten = [item.item_id for item in batch if item.item_id not in answer.results]
        if forgotten:
            self.outbox.release(forgotten, "the hub did not confirm it",
                                now + max(1.0, self.backoff.delay(1)))
        self._failures = 0
        self._batch_limit = min(self.batch_size, self._batch_limit * 2)
        meta = {"last_success_at": repr(now)}
        if self._hub_wait_until:
            self._hub_wait_until = 0.0
            meta[RETRY_AFTER_KEY] = "0"
        self.outbox.set_meta(meta)
        self._set_link(LinkState.ONLINE)
        log.info("sync: %d confirmed, %d held, %d to retry", len(confirmed), len(rejected),
                 len(forgotten))
        return len(confirmed), len(rejected)

    def _split_or_hold(self, batch: list[OutboxItem], failure: BatchFailure) -> int:
        """A request the hub refuses as a whole: halve it until one item is to blame."""
        if len(batch) > 1:
            self._batch_limit = max(1, len(batch) // 2)
            self.outbox.release([i.item_id for i in batch], failure.detail, self.clock(),
                                count_attempt=False)
            return 0
        self.outbox.hold(batch[0].item_id, failure.detail)
        self._record_error(failure.detail)
        return 1

    def _apply_failure(self, batch: list[OutboxItem], failure: BatchFailure) -> None:
        self._failures += 1
        now = self.clock()
        self._not_before = now + self.backoff.delay(self._failures, failure.retry_after)
        if failure.retry_after is not None:  # the hub's wish: for the whole queue, kept
            self._hub_wait_until = self._not_before
            self.outbox.set_meta({RETRY_AFTER_KEY: repr(self._not_before)})
        if failure.kind is FailureKind.UNREACHABLE and len(batch) > 1:
            self._batch_limit = max(1, len(batch) // 2)  # a slow link may need smaller requests
        self.outbox.release([i.item_id for i in batch], failure.detail, self._not_before)
        self._record_error(failure.detail)
        self._set_link(_LINK_AFTER[failure.kind])
        log.warning("sync: %s (%s); next try in %.0f s", failure.kind.value, failure.detail,
                    self._not_before - now)

    def _record_error(self, detail: str) -> None:
        self.outbox.set_meta({"last_error": detail, "last_error_at": repr(self.clock())})

    def _purge_held(self) -> None:
        purged = self.outbox.purge_held(self.clock() - self.held_retention)
        if purged:
            log.warning("outbox: %d held items passed the retention limit and were deleted",
                        purged)

    # -- status --------------------------------------------------------------------------

    def _set_link(self, link: LinkState) -> None:
        if link is not self._link:
            self._link = link
            self._notify()

    @property
    def link(self) -> LinkState:
        """The link as last seen: one field, no database query (cheap for a screen to ask)."""
        return self._link

    def status(self) -> SyncStatus:
        now = self.clock()
        counts = self.outbox.counts()
        meta = self.outbox.meta()
        oldest = self.outbox.oldest_unsent_created_at()
        next_due = self.outbox.next_due_at()
        alerts = list(self._extra_alerts)
        if self._link is LinkState.REFUSED:
            alerts.append("The hub refused this kiosk's token: check hub.token, then sync.")
        if counts[ItemState.HELD]:
            alerts.append(f"{counts[ItemState.HELD]} request(s) refused by the hub need a person.")
        soon = self.outbox.held_touched_before(now - self.held_retention + self.held_warning)
        if soon:
            alerts.append(f"{soon} held request(s) will be deleted within "
                          f"{self.held_warning / DAY:.0f} days (retention limit).")
        if self.outbox.recovery is not None:
            rec = self.outbox.recovery
            alerts.append(f"The outbox file was damaged ({rec.reason}); it was moved to "
                          f"{rec.quarantined_to} and {rec.rows_recovered} rows were recovered.")
        return SyncStatus(
            counts={state.value: n for state, n in counts.items()},
            oldest_pending_age=None if oldest is None else max(0.0, now - oldest),
            last_success_at=_float(meta.get("last_success_at")),
            last_error=meta.get("last_error"),
            last_error_at=_float(meta.get("last_error_at")),
            link=self._link,
            next_attempt_at=None if next_due is None else max(next_due, self._waiting_until()),
            alerts=tuple(alerts),
            hub_wait_until=self._hub_wait_until if self._hub_wait_until > now else None,
        )

    def _notify(self) -> None:
        if not self._listeners:
            return
        snapshot = self.status()
        for listener in list(self._listeners):
            try:
                listener(snapshot)
            except Exception:  # a broken listener must not stop the sync; it is logged
                log.exception("sync status listener failed")

    # -- background thread ---------------------------------------------------------------

    def heartbeat_body(self) -> dict[str, Any]:
        """What a heartbeat tells the hub: the queue's state, then the caller's facts."""
        oldest = self.outbox.oldest_unsent_created_at()
        body: dict[str, Any] = {
            "counts": {s.value: n for s, n in self.outbox.counts().items()},
            "oldest_pending_at": None if oldest is None
            else datetime.fromtimestamp(oldest, UTC).isoformat(timespec="seconds"),
        }
        if self.heartbeat_status is not None:
            try:
                body.update(self.heartbeat_status())
            except Exception:  # the probe still goes: it is how the link is known
                log.exception("heartbeat status provider failed")
        return body

    def _probe(self) -> None:
        self._last_probe = self.clock()
        if self.transport.heartbeat(self.heartbeat_body()):
            if self._link in (LinkState.OFFLINE, LinkState.UNKNOWN):
                log.info("sync: the hub answers again; draining now")
                self.connectivity_changed(True)
        elif self._link is not LinkState.REFUSED:
            self._set_link(LinkState.OFFLINE)

    def _loop(self) -> None:
        next_tick = self.clock()
        while not self._stopping.is_set():
            try:
                now = self.clock()
                if now >= next_tick:
                    next_tick = now + self.interval
                    self._probe()
                elif (self._link is LinkState.OFFLINE
                      and now - self._last_probe >= self.probe_interval):
                    self._probe()
                forced = self._force.is_set()
                self._force.clear()
                self.run_once(force=forced)
            except Exception:  # keep the worker alive; the error is logged and shown
                log.exception("sync engine iteration failed")
                self._record_error("internal error in the sync engine (see the log)")
            self._wake.wait(self._seconds_to_next_wake(next_tick))
            self._wake.clear()

    def _seconds_to_next_wake(self, next_tick: float) -> float:
        now = self.clock()
        moments = [next_tick]
        if self._waiting_until() > now:
            moments.append(self._waiting_until())
        elif self._link is not LinkState.REFUSED:
            due = self.outbox.next_due_at()
            if due is not None:
                moments.append(max(due, now + 0.05))
        if self._link is LinkState.OFFLINE:
            moments.append(self._last_probe + self.probe_interval)
        return max(0.05, min(moments) - now)


def _float(value: str | None) -> float | None:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None
