"""Behind the site's reverse proxy (HUB_TRUSTED_PROXY), each citizen keeps their own count of
tracking lookups, taken from the hop the proxy wrote in X-Forwarded-For; a header written by
a client, or by anyone when no proxy is trusted, changes nothing; sign-in lock-outs stay per
account whatever the address; forms posted on the https address pass the CSRF check. Real
hub processes, real HTTP requests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid

import pytest
import requests
from running_hub import RunningHub

from hub.tracking.views import LOOKUPS_PER_WINDOW

pytestmark = pytest.mark.slow
PASSWORD = "correct horse battery staple"


@pytest.fixture
def hub_behind_proxy(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    hub.start(env={"HUB_TRUSTED_PROXY": "127.0.0.1,::1"})  # the test plays the proxy
    yield hub
    hub.stop()


def lookup(hub: RunningHub, forwarded_for: str | None) -> int:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return requests.get(f"{hub.url}/suivi/{uuid.uuid4()}?ref=K7M-4QF", headers=headers,
                        timeout=10).status_code


def test_each_citizen_behind_the_proxy_has_their_own_count(hub_behind_proxy):
    for _ in range(LOOKUPS_PER_WINDOW):
        assert lookup(hub_behind_proxy, "203.0.113.5") == 404
    assert lookup(hub_behind_proxy, "203.0.113.5") == 429
    assert lookup(hub_behind_proxy, "198.51.100.9, 203.0.113.5") == 429  # a forged left hop
    assert lookup(hub_behind_proxy, "203.0.113.6") == 404  # the next citizen is served
    assert lookup(hub_behind_proxy, "203.0.113.6, 127.0.0.1") == 404  # through two proxies


def test_without_a_trusted_proxy_the_header_is_ignored(running_hub):
    for n in range(LOOKUPS_PER_WINDOW):
        assert lookup(running_hub, f"203.0.113.{n}") == 404
    assert lookup(running_hub, "198.51.100.77") == 429  # a fresh header buys no fresh count


def create_agent(hub: RunningHub) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "hub", "manage", "createsuperuser", "--noinput", "--username",
         "claire", "--email", "claire@mairie.example.fr", "--data-dir", str(hub.data_dir)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "DJANGO_SUPERUSER_PASSWORD": PASSWORD})
    assert made.returncode == 0, made.stderr


def sign_in(hub: RunningHub, username: str, password: str, forwarded_for: str,
            **headers: str):
    session = requests.Session()
    session.headers.update({"X-Forwarded-For": forwarded_for, **headers})
    page = session.get(f"{hub.url}/connexion/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return session.post(f"{hub.url}/connexion/", timeout=10, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": username, "password": password})


def test_five_wrong_passwords_from_five_addresses_still_lock_the_account(hub_behind_proxy):
    create_agent(hub_behind_proxy)
    for n in range(4):
        assert sign_in(hub_behind_proxy, "claire", "faux", f"203.0.113.{n}").status_code == 200
    assert sign_in(hub_behind_proxy, "claire", "faux", "203.0.113.4").status_code == 429
    locked = sign_in(hub_behind_proxy, "claire", PASSWORD, "203.0.113.99")
    assert locked.status_code == 429 and "Compte bloqué pour 15 minutes" in locked.text


def test_a_browser_on_the_https_address_signs_in_through_a_proxy_that_ends_tls(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    hub.start(env={"HUB_TRUSTED_PROXY": "127.0.0.1", "HUB_BASE_URL": "https://hub.example.fr"})
    try:
        create_agent(hub)
        # What nginx passes on: the public Host, and the browser's https Origin, over HTTP.
        answer = sign_in(hub, "claire", PASSWORD, "203.0.113.5", Host="hub.example.fr",
                         Origin="https://hub.example.fr")
        assert answer.status_code == 302, answer.text[:300]
        forged = sign_in(hub, "claire", PASSWORD, "203.0.113.5", Host="hub.example.fr",
                         Origin="https://elsewhere.example")
        assert forged.status_code == 403
    finally:
        hub.stop()


def test_a_proxy_setting_that_is_not_an_address_is_named(tmp_path):
    done = subprocess.run([sys.executable, "-m", "hub", "list", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HUB_TRUSTED_PROXY": "10.0.0.5,proxy.local"})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "kiosk-hub: a HUB_ setting is not understood (HUB_TRUSTED_PROXY: 'proxy.local' is not "
        "an IP address or network; expected e.g. HUB_TRUSTED_PROXY=10.0.0.5,10.0.1.0/24); "
        "see docs/backoffice.md"]
