"""The kiosk starts the back office as its own process (`kiosk demo`, the tour) and reads the
state a tracking page shows."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests

from kiosk.local_hub import tracking_page_state
from kiosk.services import KioskServices

DEMO = {"Authorization": "Bearer demo-token", "X-Kiosk-Id": "borne-demo-01"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_demo_hub_listens_on_the_port_of_hub_url_and_stops_with_the_services(make_config):
    port = free_port()
    services = KioskServices(make_config(hub__url=f"http://127.0.0.1:{port}"), sync=False)
    url = services.start_demo_hub()
    assert url == f"http://127.0.0.1:{port}"
    assert requests.post(f"{url}/v1/heartbeat", json={}, headers=DEMO, timeout=10).json()["ok"]
    services.close()
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{url}/v1/heartbeat", json={}, headers=DEMO, timeout=10)


def test_a_taken_port_leaves_the_kiosk_queueing_without_a_demo_hub(make_config):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        services = KioskServices(make_config(hub__url=f"http://127.0.0.1:{port}"), sync=False)
        assert services.start_demo_hub() is None
        services.close()


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/suivi/known"):
            body = (b'<main><h1>Votre demande</h1><p id="etat" class="big">En <strong>cours'
                    b'</strong>\n de traitement</p><p>Mairie</p></main>')
            self.send_response(200)
        else:
            body = b"<p>Introuvable</p>"
            self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def pages():
    server = HTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_the_state_shown_on_a_tracking_page_is_the_text_of_its_etat_element(pages):
    assert tracking_page_state(f"{pages}/suivi/known?ref=K7M-4QF") == "En cours de traitement"


def test_a_tracking_page_that_does_not_answer_200_is_said_so(pages):
    assert tracking_page_state(f"{pages}/suivi/other?ref=K7M-4QF") == \
        "tracking page not available (HTTP 404)"
    assert tracking_page_state("http://127.0.0.1:9/suivi/x") == \
        "tracking page not available (ConnectionError)"
