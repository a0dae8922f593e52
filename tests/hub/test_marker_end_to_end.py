"""A citizen's answers, followed end to end with a marker no one else would type: queued by
the kiosk's own code (form engine, sealed outbox in a scratch data folder), sent by its sync
engine to the real hub in its own process, which mails the service through a real SMTP server
on loopback. The marker is read on the request's page by the service's agent (signed in over
HTTP, CSRF and all), and that reading is in the access log; it is never in the mail, the
tracking page, another service's CSV, the hub's output or the kiosk's logs."""

from __future__ import annotations

import logging
import re
import secrets
import string
import subprocess
import time
import uuid
from datetime import date

import hub_database
import pytest
import requests
from aiosmtpd.controller import Controller
from running_hub import RunningHub

from kiosk.catalog import load_catalog
from kiosk.forms.engine import FormEngine, Phase
from kiosk.local_hub import hub_command
from kiosk.outbox_service import OutboxService
from offline_cache.protocol import tracking_url
from tests.hub.smtp_inbox import Inbox, free_port

PASSWORD = "correct horse battery staple"
CIVIL_MAILBOX = "etat-civil@mairie.example.fr"
# The IT officer's set-up, through the hub's own command line: a mailbox, two agents.
SETUP = f"""
from django.contrib.auth import get_user_model
from hub.inbox.models import Service
users = get_user_model().objects
civil = Service.objects.get(routing="commune-etat-civil")
civil.mailbox = "{CIVIL_MAILBOX}"
civil.save()
civil.agents.add(users.create_user("claire", password="{PASSWORD}"))
roads = Service.objects.get(routing="commune-services-techniques")
roads.agents.add(users.create_user("marc", password="{PASSWORD}"))
"""
ANSWERS = {"text": "3 rue de la Paix", "name": "Martin", "date_of_birth": (14, 7, 1950),
           "yes_no": False, "postal_code": "75001", "phone": "06 12 34 56 78",
           "email": "a.martin@exemple.fr", "description": "Un trou dans la chaussée."}


def marker() -> str:
    """Letters only (the kiosk's name field takes no digits), unique to this run."""
    return "Zorglub" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def eventually(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not true after {timeout} s"
        time.sleep(0.05)


def fill_in_and_submit(outbox: OutboxService, service_id: str, typed: dict[str, str]) -> str:
    """A citizen answers every question of the form (`typed`: step id -> answer) and sends."""
    service = next(s for s in load_catalog().services if s.id == service_id)
    engine = FormEngine(service, outbox)
    while engine.phase is Phase.QUESTION:
        step = engine.current_step
        raw = typed.get(step.id, step.choices[0].value if step.choices else ANSWERS[step.kind])
        assert engine.answer(raw) is None, step.id
    assert engine.confirm_review()
    engine.give_consent()
    return engine.submit().client_id


def signed_in(hub_url: str, username: str) -> requests.Session:
    """A browser's session: the sign-in page's CSRF token, then the form posted."""
    session = requests.Session()
    page = session.get(f"{hub_url}/connexion/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    answer = session.post(f"{hub_url}/connexion/", timeout=10, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    assert answer.status_code == 302, answer.text[:300]
    return session


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture
def mailing_hub(tmp_path, smtp_server):
    """The hub's process, set up by its IT officer, mailing through the loopback server."""
    hub = RunningHub(tmp_path / "hub")
    setup = hub_command("manage", "--data-dir", str(hub.data_dir), "shell", "-c", SETUP)
    subprocess.run(setup, check=True, capture_output=True, timeout=120,
                   env=hub_database.cli_env(setup))
    hub.start(env={"HUB_EMAIL_HOST": "127.0.0.1", "HUB_EMAIL_PORT": str(smtp_server[1])})
    yield hub
    hub.stop()


def test_a_marker_typed_at_the_kiosk_is_read_only_by_the_services_agent_and_logged(
        make_config, mailing_hub, smtp_server, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    inbox, _ = smtp_server
    secret = marker()
    cfg = make_config(hub__url=mailing_hub.url)
    outbox = OutboxService.from_config(cfg)
    try:
        ours = fill_in_and_submit(outbox, "acte-naissance", {"nom": secret, "parent_1": secret})
        theirs = fill_in_and_submit(outbox, "signalement-rue", {})
        report = outbox.sync_now()
    finally:
        outbox.close()
    assert report is not None and set(mailing_hub.uuids()) == {ours, theirs}
    eventually(lambda: len(inbox.messages) == 1)
    [mail] = inbox.messages
    assert mail["To"] == CIVIL_MAILBOX and f"/demandes/{ours}/" in mail.get_body().get_content()
    assert secret.encode() not in inbox.raw[0]

    claire = signed_in(mailing_hub.url, "claire")
    page = claire.get(f"{mailing_hub.url}/demandes/{ours}/", timeout=10)
    assert page.status_code == 200 and secret in page.text
    assert secret not in claire.get(f"{mailing_hub.url}/demandes/", timeout=10).text
    [access] = mailing_hub.read(
        "SELECT a.username, a.reference, a.action, s.uuid FROM inbox_accesslog a "
        "JOIN intake_submission s ON s.id = a.submission_id")
    reference = next(row["reference"] for row in mailing_hub.submissions() if row["uuid"] == ours)
    assert (access["username"], access["reference"], access["action"]) == (
        "claire", reference, "view")
    assert uuid.UUID(str(access["uuid"])) == uuid.UUID(ours)

    tracking = requests.get(tracking_url(mailing_hub.url, ours, reference), timeout=10)
    assert tracking.status_code == 200 and reference in tracking.text
    assert secret not in tracking.text

    marc = signed_in(mailing_hub.url, "marc")
    today = date.today().isoformat()
    export = marc.get(f"{mailing_hub.url}/demandes/export.csv", timeout=10, params={
        "service": "commune-services-techniques", "du": today, "au": today})
    assert export.status_code == 200 and "3 rue de la Paix" in export.text  # their request
    assert secret not in export.text
    refused = marc.get(f"{mailing_hub.url}/demandes/{ours}/", timeout=10)
    assert refused.status_code == 404 and secret not in refused.text

    process = mailing_hub.process
    mailing_hub.stop()
    output = list(process.output)  # LocalHub keeps the last 50 lines: here, all of them
    assert len(output) < process.output.maxlen and "Hub listening on" in "".join(output)
    assert not [line for line in output if secret in line]
    assert secret not in caplog.text  # the kiosk's logs, sync engine included
    for folder in (mailing_hub.data_dir, cfg.data_dir):  # nothing left in clear on disk
        for path in folder.rglob("*"):
            assert not path.is_file() or secret.encode() not in path.read_bytes(), path

