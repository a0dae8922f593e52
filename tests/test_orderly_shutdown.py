"""Shutting the kiosk down joins every thread it started: nothing reopens the queue or starts
a new sync afterwards (issue 11). A real HTTP server on loopback holds the heartbeat open, so
the background job is caught mid-exchange when the kiosk closes."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.outbox_service import OUTBOX_FILE
from kiosk.services import KioskServices
from kiosk.session import MediatorDesk
from offline_cache.outbox import Outbox
from tests.mediator.mediator_helpers import CHEAP_KDF


class HeldHub:
    """Answers every request, but only once `release` is set; `arrived` marks the first."""

    def __init__(self) -> None:
        self.arrived, self.release = threading.Event(), threading.Event()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hub.arrived.set()
                hub.release.wait(20)
                self._answer({"journal_through": 10**6})

            def do_GET(self) -> None:
                self.send_response(404)
                self.end_headers()

            def _answer(self, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def held_hub():
    hub = HeldHub()
    yield hub
    hub.stop()


def alive(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


def test_close_waits_for_the_background_jobs_and_nothing_reopens_the_queue(make_config,
                                                                          held_hub):
    config = make_config(hub__url=held_hub.url)
    desk = MediatorDesk(config, kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", "2468")  # a journal entry for the heartbeat to carry
    desk.close()
    services = KioskServices(config, sync=True)
    services.start_background_jobs()
    assert held_hub.arrived.wait(20)  # the journal's heartbeat is in flight, held open
    closer = threading.Thread(target=services.close)
    closer.start()
    held_hub.release.set()
    closer.join(30)
    try:
        assert not closer.is_alive()
        assert not alive("kiosk-background")  # joined before close() returned
        for thread in alive("kiosk-background"):  # (today's main: let it run on, and see)
            thread.join(20)
        assert not alive("sync-engine")
        Outbox(config.data_dir / OUTBOX_FILE).close()  # the writer lock is free: not reopened
    finally:
        services.close()
