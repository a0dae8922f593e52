"""The kiosk's services behind one object: the request queue (opened on first use, because
SQLite and cryptography cost start-up time), the settings in effect and, for the demo, a hub
on loopback.

The UI talks to this object; it never builds storage or network parts itself. `config` is
the settings in effect: the site's TOML file with the back office's settings over it
(kiosk/remote_settings.py); a setting marked live changes here while the kiosk runs, and
`add_settings_listener` hears of it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kiosk import remote_settings
from kiosk.catalog import Catalog, CatalogError, load_catalog
from kiosk.config import KioskConfig
from kiosk.paths import downloaded_catalog_path
from offline_cache.settings_schema import Remote

if TYPE_CHECKING:
    from kiosk.outbox_service import OutboxService
    from kiosk.tracking.lookup import TrackingView
    from kiosk.tracking.store import StateBook
    from offline_cache.content_cache import ContentCache, RefreshResult
    from offline_cache.transport import HttpTransport

CATALOG_REFRESH_SECONDS = 6 * 3600  # a catalogue change is rare; a rural link is precious

log = logging.getLogger(__name__)


class KioskServices:
    def __init__(self, config: KioskConfig, sync: bool = True):
        """`sync=False` keeps the queue local (screenshots, tours without a hub)."""
        self.local_config = config  # the site's file: what must work offline
        self.remote = remote_settings.load_stored(config)  # the back office's, last accepted
        self.config = remote_settings.wanted(config, self.remote)  # in effect
        self.pending_restart: tuple[str, ...] = ()  # sent, accepted, waiting for a start
        self.settings_refusal = remote_settings.last_refusal(config)  # {"reason", "at"}
        self._settings_listeners: list[Callable[[dict[str, Any]], None]] = []
        self._settings_cache: ContentCache | None = None
        self.sync = sync
        self._outbox: OutboxService | None = None
        self._stop_hub: Callable[[], None] | None = None
        self._printer: object | None = None
        self._printer_checked = False
        self._closing = threading.Event()
        self._background: threading.Thread | None = None
        self._opening = threading.Lock()
        self.hub_url: str = config["hub.url"]
        self._states: StateBook | None = None
        self._opening_states = threading.Lock()
        self.catalog_version = ""  # of the catalogue the screens show (current_catalog)
        self.voice_state: str | None = None  # "ok" / "unavailable", once the voice says

    def outbox(self) -> OutboxService:
        """The encrypted request queue, syncing in the background once opened.

        Opening takes a few hundred milliseconds (keys, SQLite check): the kiosk does it on
        a worker right after the first paint; the lock makes a concurrent first use wait.
        """
        with self._opening:
            if self._closing.is_set():  # a late job must not reopen it and sync again
                raise ServicesClosed("the kiosk is shutting down: the request queue is closed")
            if self._outbox is None:
                from kiosk.outbox_service import OutboxService

                self._outbox = OutboxService.from_config(
                    self.config, heartbeat_status=self.heartbeat_status,
                    on_heartbeat_answer=self.record_heartbeat_answer)
                if self.sync:
                    self._outbox.start()
            return self._outbox

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        return self.outbox().enqueue(service_id, routing, payload)

    def printer(self):
        """The receipt printer from `printer.*`, or None when none is configured."""
        if not self._printer_checked:
            from kiosk.printing import printer_from_config

            self._printer = printer_from_config(self.config)
            self._printer_checked = True
        return self._printer

    def current_catalog(self) -> Catalog:
        """The last signed catalogue the hub sent, else the one shipped with the kiosk.

        A downloaded catalogue is only ever written after its signature verified; one that
        this kiosk version cannot read is skipped, with a warning, for the shipped one.
        """
        cached = downloaded_catalog_path(self.config.data_dir)
        catalog = None
        if cached.exists():
            try:
                catalog = load_catalog(cached)
            except CatalogError as error:
                log.warning("catalogue: the downloaded one is not usable (%s); using the "
                            "catalogue shipped with the kiosk", error)
        catalog = catalog or load_catalog()
        self.catalog_version = catalog.version
        return catalog

    def refresh_catalog(self, transport: HttpTransport | None = None) -> RefreshResult | None:
        """Ask the hub for a newer signed catalogue (If-None-Match); used from the next start."""
        result = self.outbox().refresh_catalog(transport)
        if result is not None:  # a refused signature is for the IT officer to see
            from offline_cache.content_cache import RefreshOutcome

            refused = result.outcome is RefreshOutcome.REJECTED
            log.log(logging.WARNING if refused else logging.INFO, "catalogue: %s (%s)",
                    result.outcome.value, result.detail)
        return result

    def add_settings_listener(self, listener: Callable[[dict[str, Any]], None]) -> None:
        """`listener(changes)` after live settings changed, on the background thread."""
        self._settings_listeners.append(listener)

    def refresh_settings(self, transport: HttpTransport) -> RefreshResult:
        """Ask the hub for this kiosk's settings (If-None-Match); apply a new accepted one.

        A refused one (unsigned, tampered, a key out of range or local-only) is recorded for
        the heartbeat and `kiosk doctor`; the settings in effect do not change.
        """
        from offline_cache.content_cache import RefreshOutcome
        from offline_cache.protocol import CONFIG_PATH

        cache = self._settings_document()
        result = cache.refresh(transport, CONFIG_PATH)
        if result.outcome is RefreshOutcome.REJECTED:
            if (self.settings_refusal or {}).get("reason") != result.detail:
                log.warning("settings from the back office refused: %s", result.detail)
            self.settings_refusal = remote_settings.record_refusal(self.config, result.detail)
        elif result.outcome is RefreshOutcome.UPDATED:
            self.take_settings(remote_settings.parse(cache.current() or b"",
                                                     self.local_config["site.kiosk_id"]))
        return result

    def take_settings(self, remote: remote_settings.RemoteSettings) -> None:
        """Apply accepted settings: the live ones now, the others marked for the next start."""
        target = remote_settings.wanted(self.local_config, remote)
        live = {key: target[key] for key in remote_settings.keys_that(Remote.LIVE)
                if target[key] != self.config[key]}
        self.config = self.config.overlaid(live)
        self.pending_restart = tuple(key for key in remote_settings.keys_that(Remote.AT_RESTART)
                                     if target[key] != self.config[key])
        self.remote = remote
        remote_settings.clear_refusal(self.config)
        self.settings_refusal = None
        log.info("settings from the back office: version %s in use%s%s", remote.version,
                 f", changed now: {', '.join(sorted(live))}" if live else "",
                 f", at the next start: {', '.join(self.pending_restart)}"
                 if self.pending_restart else "")
        if live:
            self._tell_settings_listeners(live)

    def _tell_settings_listeners(self, changes: dict[str, Any]) -> None:
        for listener in list(self._settings_listeners):
            try:
                listener(changes)
            except Exception:  # one broken listener must not keep the others from hearing
                log.exception("settings listener failed")

    def _settings_document(self) -> ContentCache:
        if self._settings_cache is None:
            from offline_cache.content_cache import ContentCache, ed25519_verifier

            key, _demo = self.local_config.key_file("hub.catalog_public_key")
            self._settings_cache = ContentCache(
                remote_settings.cache_dir(self.local_config), remote_settings.SETTINGS_FILE,
                ed25519_verifier(key.read_bytes()),
                accept=remote_settings.checker(self.local_config))
        return self._settings_cache

    def send_journal(self, transport: HttpTransport | None = None) -> int:
        """Send the mediators' audit journal to the hub with a heartbeat (blocking)."""
        from kiosk.journal_sync import send_journal
        from kiosk.mediator.common import mediator_dir
        from kiosk.mediator.journal import Journal
        from kiosk.outbox_service import transport_from_config

        folder = mediator_dir(self.config.data_dir)
        if not (folder / "journal.jsonl").exists():
            return 0
        own = transport is None
        transport = transport or transport_from_config(self.config,
                                                       self.record_heartbeat_answer)
        try:
            return send_journal(Journal(folder, self.config["site.kiosk_id"]), transport)
        finally:
            if own:
                transport.close()

    def start_background_jobs(self) -> None:
        """Until close(): the journal and the settings (a 304 when unchanged) every sync
        interval, the catalogue every few hours.

        The thread has its own HTTP client: the sync engine's is not thread-safe.
        """
        interval = self.config["sync.interval_seconds"]

        def loop() -> None:
            from kiosk.outbox_service import transport_from_config

            transport = transport_from_config(self.config, self.record_heartbeat_answer)
            seconds_to_catalog = 0.0
            waited = 0.0
            while not self._closing.wait(waited):
                jobs = [self.send_journal, self.refresh_settings]
                if seconds_to_catalog <= 0:
                    jobs.append(self.refresh_catalog)
                    seconds_to_catalog = CATALOG_REFRESH_SECONDS
                for job in jobs:
                    if self._closing.is_set():
                        break
                    try:
                        job(transport)
                    except Exception:  # a background job must never take the kiosk down
                        log.exception("background job %s failed", job.__name__)
                seconds_to_catalog -= interval
                waited = interval
            transport.close()

        self._background = threading.Thread(target=loop, name="kiosk-background", daemon=True)
        self._background.start()

    # -- "Suivre ma demande" and the kiosk's health for the back office ------------------

    def states(self) -> StateBook:
        """The requests' last known states (kiosk/tracking), opened on first use."""
        with self._opening_states:
            if self._states is None:
                from kiosk.tracking.store import StateBook

                self._states = StateBook(self.config.data_dir)
            return self._states

    def record_heartbeat_answer(self, answer: dict[str, Any]) -> None:
        """Every heartbeat answer, from any thread: keep the states it carries."""
        if not self._closing.is_set():
            self.states().record_answer(answer)

    def track(self, typed: str, lang: str) -> TrackingView:
        """What to tell a citizen who typed a reference (blocking: SQLite reads)."""
        from kiosk.tracking.lookup import look_up

        return look_up(typed, self.states(), self.outbox().items(), lang)

    def heartbeat_status(self) -> dict[str, Any]:
        """What each heartbeat tells the back office beside the queue's counts: cheap, no
        disk or device access (it runs every probe while the link is down)."""
        from kiosk import __version__

        status: dict[str, Any] = {
            "app_version": __version__, "catalog_version": self.catalog_version,
            "config_version": self.remote.version if self.remote else "",
            "site": self.config["site.name"],
            "printer": "none" if self.config["printer.kind"] == "none" else "configured",
        }
        if self.pending_restart:
            status["config_pending_restart"] = list(self.pending_restart)
        if self.settings_refusal:
            status["config_refused"] = self.settings_refusal
        if not self.config["voice.enabled"]:
            status["voice"] = "off"
        elif self.voice_state is not None:
            status["voice"] = self.voice_state
        return status

    def report_voice(self, unavailable: bool) -> None:
        """The voice's health as the UI's bridge learns it, for the next heartbeat."""
        self.voice_state = "unavailable" if unavailable else "ok"

    def link_up(self) -> bool:
        """Did the hub answer at the last exchange? False until the queue has been opened."""
        if self._outbox is None:
            return False
        from offline_cache.sync import LinkState

        return self._outbox.link is LinkState.ONLINE

    def start_demo_hub(self) -> str | None:
        """Start the back-office hub (its own process) on the loopback address and port of
        `hub.url`.

        Returns its URL, or None with the reason logged when it cannot (the port is taken,
        hub.url is not a loopback address, no hub in this installation, as in the bundle):
        the kiosk then simply queues offline.
        """
        parts = urlsplit(self.config["hub.url"])
        if parts.hostname not in ("127.0.0.1", "localhost") or parts.port is None:
            log.warning("demo hub not started: hub.url %s is not a loopback address with a port",
                        self.config["hub.url"])
            return None
        from kiosk.local_hub import HubUnavailable, start_local_hub

        try:
            hub = start_local_hub(demo_hub_dir(self.config), parts.hostname, parts.port)
        except HubUnavailable as error:
            log.warning("demo hub not started on port %s: %s; requests wait in the queue",
                        parts.port, error)
            return None
        self._stop_hub = hub.stop
        return hub.url

    def close(self) -> None:
        """Stop every thread this object started, then close the files: an orderly shutdown.

        The background jobs' thread is joined first (at most one HTTP exchange, bounded by the
        connect timeout plus the request deadline), so nothing reopens the queue after this.
        """
        self._closing.set()
        if self._background is not None:
            self._background.join(self.config["sync.connect_timeout_seconds"]
                                  + self.config["sync.request_deadline_seconds"])
            self._background = None
        with self._opening:
            self._close_files()

    def _close_files(self) -> None:
        if self._outbox is not None:
            self._outbox.close()
            self._outbox = None
        if self._states is not None:
            self._states.close()
            self._states = None
        if self._stop_hub is not None:
            self._stop_hub()
            self._stop_hub = None


class ServicesClosed(RuntimeError):
    """A job asked for the queue after close(): it is refused, not reopened."""


def demo_hub_dir(config: KioskConfig) -> Path:
    """Where the demo's hub keeps what it received: beside the kiosk's own data."""
    return config.data_dir / "demo-hub"
