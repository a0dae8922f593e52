"""The offline_cache library's fake hub: in-process, on loopback, for faults the real one
cannot be made to show.

The real hub is the Django back office (hub/; tests start it with the `running_hub` fixture).
STYLE.md asks for the library to be tested against a fake in-process hub, so it stands alone:
this is the old Flask reference hub, kept here with its hooks (`app.config["fault"]`,
`["after_store"]`, `["max_items"]`) to answer 500, 429, HTML, slow or lost answers at will.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask
from waitress import wasyncore
from waitress.server import create_server

from fake_hub.app import create_app
from fake_hub.store import HubStore
from hub.keys import HubKeys, load_keys
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
             catalog_path: Path | None = None) -> Hub:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    keys = load_keys(data_dir / "keys")
    if keys.is_demo:
        log.info("fake hub: demo keys from %s", keys.folder)
    tokens = dict(tokens or DEMO_TOKENS)
    store = HubStore(data_dir / DB_NAME)
    catalog = catalog_path or _default_catalog(data_dir)
    app = create_app(store, keys, tokens, catalog)
    return Hub(data_dir, store, keys, app, tokens=tokens)


def _default_catalog(data_dir: Path) -> Path:
    local = data_dir / "catalog.json"
    return local if local.exists() else catalog_dir() / "catalog.json"
