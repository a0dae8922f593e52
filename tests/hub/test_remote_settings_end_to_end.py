"""Issue 14's acceptance for remote configuration, on real parts: the hub in its own process,
an administrator on its pages over HTTP (sign-in, CSRF and all), a kiosk's real services with
their background loop, and a live kiosk window. A setting changed in the back office is
applied at the kiosk while it runs, and the kiosks page shows it applied; a tampered document
(body changed after signing by a proxy, or signed with another key) is refused, the previous
settings kept, and the refusal reaches the kiosks page."""

from __future__ import annotations

import base64
import html
import re
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import hub_database
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from running_hub import RunningHub

from kiosk.local_hub import hub_command
from kiosk.outbox_service import transport_from_config
from kiosk.services import KioskServices
from offline_cache.settings_schema import REMOTE_SETTINGS
from ui.app import build_window
from ui.voice_bridge import RecordingSpeaker

PASSWORD = "correct horse battery staple"
KIOSK_ID = "borne-valbonne-01"
SETUP = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_user("admin-it", password="{PASSWORD}", is_staff=True)
"""


def eventually(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not true after {timeout} s"
        time.sleep(0.1)


class BackOffice:
    """The IT officer's browser session on the running hub."""

    def __init__(self, url: str) -> None:
        self.url, self.session = url, requests.Session()
        page = self.session.get(f"{url}/connexion/", timeout=10).text
        answer = self.session.post(f"{url}/connexion/", timeout=10, allow_redirects=False,
                                   data={"csrfmiddlewaretoken": _csrf(page),
                                         "username": "admin-it", "password": PASSWORD})
        assert answer.status_code == 302, answer.text[:300]

    def set_for_every_kiosk(self, **values) -> None:
        """Fill the settings form for every kiosk as shown, and save it."""
        address = f"{self.url}/bornes/reglages/toutes/"
        page = self.session.get(address, timeout=10).text
        posted = {setting.key.replace(".", "__"): "" for setting in REMOTE_SETTINGS}
        posted.update({key.replace(".", "__"): str(value) for key, value in values.items()})
        answer = self.session.post(address, timeout=10, allow_redirects=False,
                                   data={**posted, "csrfmiddlewaretoken": _csrf(page)})
        assert answer.status_code == 302, html.unescape(answer.text)[:2000]

    def kiosk_row(self) -> str:
        page = html.unescape(self.session.get(f"{self.url}/bornes/", timeout=10).text)
        match = re.search(rf"<tr[^>]*>\s*<th scope=\"row\"><a [^>]*>{KIOSK_ID}</a>.*?</tr>",
                          page, re.S)
        return match.group(0) if match else ""


def _csrf(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.fixture
def hub(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    setup = hub_command("manage", "--data-dir", str(hub.data_dir), "shell", "-c", SETUP)
    subprocess.run(setup, check=True, capture_output=True, timeout=120,
                   env=hub_database.cli_env(setup))
    hub.start()
    yield hub
    hub.stop()


@pytest.fixture
def kiosk_config(make_config, hub):
    return make_config(hub__url=hub.url, site__kiosk_id=KIOSK_ID, sync__interval_seconds=5,
                       printer__kind="pdf")


def test_a_setting_changed_in_the_back_office_is_applied_by_a_running_kiosk_and_shown_applied(
        qtbot, hub, kiosk_config):
    office = BackOffice(hub.url)
    services = KioskServices(kiosk_config)
    window = build_window(kiosk_config, services=services, speaker=RecordingSpeaker())
    qtbot.addWidget(window)
    window.show()
    try:
        services.outbox()  # the queue's sync engine: its heartbeats tell the hub
        services.start_background_jobs()
        office.set_for_every_kiosk(**{"interface.idle_reset_seconds": 45,
                                      "interface.idle_warning_seconds": 240,
                                      "interface.languages": "fr",
                                      "interface.default_language": "fr"})

        # Live at the kiosk, without a restart: the window's idle warning counts from 45 s.
        qtbot.waitUntil(lambda: window.kiosk.idle_warning_seconds == 240, timeout=30000)
        window.kiosk.journey.start()
        window.kiosk.journey.idle_warning()
        assert "45 secondes" in window.idle.body.text()
        # Languages apply at the next start: accepted now, marked as waiting.
        assert services.pending_restart == ("interface.languages",)
        assert window.kiosk.journey.languages == tuple(kiosk_config["interface.languages"])

        version = services.remote.version
        applied = (f'envoyés <code>{version}</code>, appliqués <code>{version}</code> '
                   '<span class="ok">(à jour)</span>')
        eventually(lambda: applied in " ".join(office.kiosk_row().split()))
        row = office.kiosk_row()
        assert "Au prochain redémarrage : interface.languages" in row
    finally:
        services.close()

    # The next start runs what was sent, languages included.
    restarted = KioskServices(kiosk_config, sync=False)
    assert restarted.config["interface.languages"] == ["fr"]
    assert restarted.config["interface.idle_reset_seconds"] == 45


class TamperingProxy:
    """Between the kiosk and the hub, as a hostile network would be: passes every request
    on, and changes the settings document's body after the hub signed it (`mode` "edit"),
    or signs the changed body with its own key ("resign")."""

    def __init__(self, hub_url: str, mode: str) -> None:
        self.hub_url, self.mode, self.key = hub_url, mode, Ed25519PrivateKey.generate()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                proxy.forward(self, None)

            def do_POST(self):
                proxy.forward(self, self.rfile.read(int(self.headers["Content-Length"])))

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def forward(self, handler, body: bytes | None) -> None:
        headers = {k: v for k, v in handler.headers.items() if k.lower() != "host"}
        answer = requests.request(handler.command, self.hub_url + handler.path, data=body,
                                  headers=headers, timeout=10)
        content = answer.content
        if handler.path == "/v1/config" and answer.status_code == 200:
            content = content.replace(b'"interface.idle_reset_seconds":45',
                                      b'"interface.idle_reset_seconds":600')
            assert content != answer.content
        handler.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() in ("content-type", "etag", "x-signature"):
                if name.lower() == "x-signature" and self.mode == "resign":
                    value = base64.b64encode(self.key.sign(content)).decode()
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(content)))
        handler.end_headers()
        handler.wfile.write(content)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize("mode", ["edit", "resign"])
def test_a_tampered_settings_document_is_refused_the_previous_kept_and_the_refusal_shown(
        hub, kiosk_config, mode):
    office = BackOffice(hub.url)
    services = KioskServices(kiosk_config, sync=False)
    direct = transport_from_config(kiosk_config)
    office.set_for_every_kiosk(**{"interface.idle_reset_seconds": 30})
    assert services.refresh_settings(direct).outcome.value == "updated"
    kept = services.remote.version

    office.set_for_every_kiosk(**{"interface.idle_reset_seconds": 45})
    proxy = TamperingProxy(hub.url, mode)
    through_proxy = transport_from_config(kiosk_config.with_values({"hub.url": proxy.url}))
    try:
        result = services.refresh_settings(through_proxy)
        assert result.outcome.value == "rejected"
        assert services.config["interface.idle_reset_seconds"] == 30  # the previous, kept
        assert services.remote.version == kept
        assert through_proxy.heartbeat(services.heartbeat_status())
        row = office.kiosk_row()
        assert "Refusés par la borne : unsigned or badly signed update refused" in row
        # A restart keeps the previous settings too: the refused body was never written.
        assert KioskServices(kiosk_config, sync=False).config[
            "interface.idle_reset_seconds"] == 30
    finally:
        through_proxy.close()
        proxy.close()

    # The untampered document, on a clean link: accepted, and the refusal clears.
    assert services.refresh_settings(direct).outcome.value == "updated"
    assert services.config["interface.idle_reset_seconds"] == 45
    assert direct.heartbeat(services.heartbeat_status())
    direct.close()
    row = office.kiosk_row()
    assert "Refusés" not in row and f"appliqués <code>{services.remote.version}</code>" in row
