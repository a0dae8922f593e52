"""Running the hub: waitress (a maintained pure-Python WSGI server) on a chosen address.

`start_in_thread` is what `kiosk demo` and the tests use: a real server on loopback, port 0
picks a free port, and the returned function stops it and closes the database.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask
from waitress import wasyncore
from waitress.server import create_server

from kiosk.hub.app import create_app
from kiosk.hub.keys import HubKeys, load_keys
from kiosk.hub.store import HubStore
from kiosk.paths import catalog_dir

log = logging.getLogger(__name__)
DEMO_TOKENS = {"demo-token": "*"}
DB_NAME = "hub.sqlite3"


@dataclass(slots=True)
class Hub:
    """The pieces of a hub, for the command line, the demo and the tests."""

    data_dir: Path
    store: HubStore
    keys: HubKeys
    app: Flask
    url: str = ""
    tokens: dict[str, str] = field(default_factory=dict)
    _thread: threading.Thread | None = None
    _stopping: threading.Event = field(default_factory=threading.Event)

    def start(self, host: str = "127.0.0.1", port: int = 0, threads: int = 4) -> str:
        server = create_server(self.app, host=host, port=port, threads=threads,
                               channel_timeout=120, ident="kiosk-hub")
        self.url = f"http://{host}:{server.effective_port}"
        self._thread = threading.Thread(target=self._run, args=(server,), name="hub-server",
                                        daemon=True)
        self._thread.start()
        return self.url

    def _run(self, server: Any) -> None:
        # waitress's own run() only returns once every keep-alive channel is gone, so a client
        # holding a connection would block stop(); polling in short steps and closing from
        # this same thread stops promptly and without touching the map from two threads.
        while not self._stopping.is_set():
            wasyncore.loop(timeout=0.2, map=server._map, use_poll=True, count=1)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        self.store.close()


def open_hub(data_dir: Path, tokens: dict[str, str] | None = None,
             catalog_path: Path | None = None, staff_key: str | None = None) -> Hub:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    keys = load_keys(data_dir / "keys")
    if keys.is_demo:
        log.warning("hub: using the DEMO keys from %s; never use them for real data", keys.folder)
    tokens = dict(tokens or DEMO_TOKENS)
    store = HubStore(data_dir / DB_NAME)
    catalog = catalog_path or _default_catalog(data_dir)
    app = create_app(store, keys, tokens, catalog, staff_key)
    return Hub(data_dir, store, keys, app, tokens=tokens)


def _default_catalog(data_dir: Path) -> Path:
    local = data_dir / "catalog.json"
    return local if local.exists() else catalog_dir() / "catalog.json"


def start_in_thread(data_dir: Path, host: str = "127.0.0.1", port: int = 0,
                    tokens: dict[str, str] | None = None) -> tuple[str, Callable[[], None]]:
    """Start a hub in this process; returns its base URL and a function that stops it."""
    hub = open_hub(data_dir, tokens)
    return hub.start(host, port), hub.stop


def serve_forever(hub: Hub, host: str, port: int, threads: int = 4) -> None:
    """Blocking serve for `kiosk hub serve`; Ctrl-C stops it."""
    server = create_server(hub.app, host=host, port=port, threads=threads, ident="kiosk-hub")
    print(f"Hub listening on http://{host}:{server.effective_port}", flush=True)

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # systemd stops services with SIGTERM: close the file cleanly

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)  # a background job may start with SIGINT ignored
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        hub.store.close()
