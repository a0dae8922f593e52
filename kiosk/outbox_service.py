"""The kiosk's one door to its outbox: seal, queue, sync, report. No Qt.

Built from the configuration by `OutboxService.from_config(cfg)`. The UI and the demo use:

    service.start()                                   # background sync thread
    ref = service.enqueue(service_id, routing, payload_dict)   # -> UUID string, durable
    service.sync_now()                                # ask the worker to sync now
    service.status()                                  # -> offline_cache.sync.SyncStatus
    service.add_listener(fn)                          # fn(SyncStatus), on the sync thread
    service.retry(uuid); service.items(); service.export(folder); service.close()

Why the payload is sealed here, before it reaches the outbox: the kiosk holds only the hub's
public key, so what a citizen typed is unreadable on the kiosk's disk from the moment it is
queued (a stolen kiosk shows nothing), and the queue can be exported to a USB stick as is.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from kiosk.config import KioskConfig
from kiosk.paths import downloaded_catalog_path
from offline_cache.backoff import Backoff
from offline_cache.content_cache import ContentCache, RefreshResult, ed25519_verifier
from offline_cache.envelope import load_public_key, seal
from offline_cache.outbox import DuplicateItem, ItemState, Outbox, OutboxItem
from offline_cache.protocol import CATALOG_PATH, EXPORT_FORMAT, EXPORT_SUFFIX
from offline_cache.store import Recovery
from offline_cache.sync import LinkState, SyncEngine, SyncReport, SyncStatus
from offline_cache.transport import HttpTransport, item_to_wire

log = logging.getLogger(__name__)
OUTBOX_FILE = "outbox.sqlite3"
AnswerHook = Callable[[dict[str, Any]], None]
DEMO_KEY_ALERT = "Demo encryption key in use (hub.public_key is empty): not for real data."


def transport_from_config(cfg: KioskConfig, on_heartbeat_answer: AnswerHook | None = None
                          ) -> HttpTransport:
    """An HTTP client for the hub in `hub.url`, with the kiosk's token and deadlines.

    One per thread: the sync engine has its own; the background jobs make theirs.
    `on_heartbeat_answer` reads each heartbeat answer (the requests' states).
    """
    return HttpTransport(cfg["hub.url"], cfg["hub.token"], cfg["site.kiosk_id"],
                         connect_timeout=cfg["sync.connect_timeout_seconds"],
                         deadline=cfg["sync.request_deadline_seconds"],
                         on_heartbeat_answer=on_heartbeat_answer)


class OutboxService:
    def __init__(self, outbox: Outbox, engine: SyncEngine, public_key: X25519PublicKey, *,
                 kiosk_id: str, demo_key: bool = False,
                 catalog: ContentCache | None = None) -> None:
        self.outbox, self.engine, self.public_key = outbox, engine, public_key
        self.kiosk_id, self.demo_key, self.catalog = kiosk_id, demo_key, catalog
        if demo_key:
            engine.set_static_alerts((DEMO_KEY_ALERT,))

    @classmethod
    def from_config(cls, cfg: KioskConfig, *, clock: Callable[[], float] = time.time,
                    readonly: bool = False,
                    heartbeat_status: Callable[[], dict[str, Any]] | None = None,
                    on_heartbeat_answer: AnswerHook | None = None) -> OutboxService:
        """Open (or create) the outbox in the data folder.

        Raises offline_cache.store.StoreBusy when another process (the running kiosk) holds
        it; `readonly=True` then gives a view for status and lists (no sync, no changes).
        `heartbeat_status` adds the kiosk's facts to each heartbeat; `on_heartbeat_answer`
        reads each answer.
        """
        key_path, demo = cfg.key_file("hub.public_key")  # checked when cfg was loaded
        public_key = load_public_key(key_path.read_bytes())
        if demo and not readonly:
            log.warning("outbox: sealing with the DEMO hub key; set hub.public_key for real use")
        outbox = Outbox(cfg.data_dir / OUTBOX_FILE, clock=clock, readonly=readonly)
        transport = transport_from_config(cfg, on_heartbeat_answer)
        engine = SyncEngine(
            outbox, transport, interval=cfg["sync.interval_seconds"],
            probe_interval=cfg["sync.probe_seconds"], batch_size=cfg["sync.batch_size"],
            backoff=Backoff(cap=cfg["sync.max_backoff_seconds"],
                            retry_after_max=cfg["sync.max_backoff_seconds"]),
            held_retention_days=cfg["outbox.held_retention_days"],
            held_warning_days=cfg["outbox.held_warning_days"], clock=clock,
            heartbeat_status=heartbeat_status,
        )
        catalog_key, _ = cfg.key_file("hub.catalog_public_key")
        cached = downloaded_catalog_path(cfg.data_dir)
        catalog = ContentCache(cached.parent, cached.name,
                               ed25519_verifier(catalog_key.read_bytes()))
        return cls(outbox, engine, public_key, kiosk_id=cfg["site.kiosk_id"], demo_key=demo,
                   catalog=catalog)

    # -- what the journey and the UI call -------------------------------------------------

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        """Seal and queue one citizen request; returns its UUID once it is durable on disk.

        The UUID is the payload's `client_id` when it carries one (the form engine makes it
        when the citizen starts, so a retried submit is the same request), else a new one.
        Queuing the same `client_id` twice keeps one item. Raises offline_cache.store.DiskFull
        when the disk is full (nothing queued earlier is touched).
        """
        item_id = _item_id(payload.get("client_id"))
        plaintext = json.dumps(dict(payload), ensure_ascii=False,
                               separators=(",", ":")).encode()
        try:
            self.outbox.enqueue(item_id, service_id, routing,
                                seal(self.public_key, plaintext, item_id.encode()))
        except DuplicateItem:
            return item_id  # a retried submit: already durable
        finally:
            del plaintext
        log.debug("outbox: queued %s for %s", item_id, service_id)
        self.engine.trigger()
        return item_id

    def start(self) -> None:
        self.engine.start()

    def sync_now(self) -> SyncReport | None:
        """Sync at once: on the worker thread if it runs (returns None), else inline."""
        if self.engine.running:
            self.engine.request_sync()
            return None
        return self.engine.run_once(force=True)

    def status(self) -> SyncStatus:
        return self.engine.status()

    def add_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self.engine.add_listener(listener)

    def retry(self, item_id: str) -> bool:
        done = self.outbox.retry(item_id)
        if done:
            self.engine.trigger()
        return done

    def items(self, states: tuple[ItemState, ...] | None = None, limit: int = 1000
              ) -> list[OutboxItem]:
        return self.outbox.items(states, limit)

    def export(self, folder: Path) -> tuple[Path, int]:
        """Write every unsent sealed item to one file in `folder` (a USB stick)."""
        return export_outbox(self.outbox, self.kiosk_id, folder)

    def staff_alerts(self, status: SyncStatus, lang: str = "fr") -> list[str]:
        """What needs a person, in the mediator's words (SyncStatus.alerts is English, for IT)."""
        from kiosk.mediator.messages import text

        engine, alerts = self.engine, []
        if self.demo_key:
            alerts.append(text("queue.alert.demo_key", lang))
        if status.link is LinkState.REFUSED:
            alerts.append(text("queue.alert.refused", lang))
        if status.counts.get("held"):
            alerts.append(text("queue.alert.held", lang, count=status.counts["held"]))
        soon = self.outbox.held_touched_before(
            engine.clock() - engine.held_retention + engine.held_warning)
        if soon:
            alerts.append(text("queue.alert.held_soon", lang, count=soon,
                               days=round(engine.held_warning / 86400)))
        if self.outbox.recovery is not None:
            alerts.append(text("queue.alert.recovered", lang,
                               count=self.outbox.recovery.rows_recovered))
        if status.hub_wait_until:
            alerts.append(text("queue.alert.hub_wait", lang, time=time.strftime(
                "%H:%M", time.localtime(status.hub_wait_until))))
        return alerts

    @property
    def link(self) -> LinkState:
        return self.engine.link

    def refresh_catalog(self, transport: HttpTransport | None = None) -> RefreshResult | None:
        """From another thread than the sync engine's, pass a transport of that thread's own:
        the engine's is not thread-safe (see transport_from_config)."""
        if self.catalog is None:
            return None
        return self.catalog.refresh(transport or self.engine.transport, CATALOG_PATH)

    def close(self) -> None:
        self.engine.stop()
        self.outbox.close()


def repair_outbox(cfg: KioskConfig) -> tuple[Path, Recovery | None]:
    """`kiosk outbox repair`: the outbox file checked and, if damaged, rebuilt (kiosk stopped).

    Raises offline_cache.store.StoreBusy while the kiosk runs. Recovery is None when the file
    was sound (or absent): nothing was changed then.
    """
    from offline_cache.outbox import MIGRATIONS, SALVAGE_TABLES
    from offline_cache.store import Store

    path = cfg.data_dir / OUTBOX_FILE
    if not path.exists():
        return path, None
    return path, Store.repair(path, MIGRATIONS, SALVAGE_TABLES)


def _item_id(client_id: Any) -> str:
    if isinstance(client_id, str):
        try:
            return str(uuid.UUID(client_id))
        except ValueError:
            pass
    return str(uuid.uuid4())


def export_outbox(outbox: Outbox, kiosk_id: str, folder: Path) -> tuple[Path, int]:
    """The items stay queued: the hub stores each UUID once, whichever way it arrives first."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{kiosk_id}-{stamp}{EXPORT_SUFFIX}"
    header = {"format": EXPORT_FORMAT, "version": 1, "kiosk_id": kiosk_id,
              "exported_at": datetime.now(UTC).isoformat(timespec="seconds")}
    count = 0
    temporary = path.with_suffix(".partial")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(header) + "\n")
        for item in outbox.export_items():
            handle.write(json.dumps(item_to_wire(item)) + "\n")
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path, count
