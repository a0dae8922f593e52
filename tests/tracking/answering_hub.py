"""A stand-in hub on loopback that answers heartbeats in protocol v1 with the states it is
given, and keeps each heartbeat body it received. Real HTTP, so the kiosk's real transport,
sync engine and hooks are exercised; the back office's own endpoint is tested in tests/hub
and end to end in test_tracking_end_to_end.py."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class AnsweringHub:
    def __init__(self) -> None:
        self.states: list[dict[str, Any]] = []
        self.bodies: list[dict[str, Any]] = []
        self.received = threading.Event()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path != "/v1/heartbeat":  # it stores nothing: "come back later"
                    self.send_error(503)
                    return
                body = json.loads(raw or b"{}")
                hub.bodies.append(body)
                answer = json.dumps({"protocol": 1, "ok": True, "states": hub.states}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
                hub.received.set()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def eventually(condition, timeout: float = 10.0) -> None:
    """Wait until `condition()` is true (polling), or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true after {timeout} s: {condition}")
        time.sleep(0.02)
