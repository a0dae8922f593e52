"""Each new-request e-mail leaves once, however many hub processes share the database, and a
send cut short by a crash is made again by the job once its lease has expired."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta

import pg_cluster
import psycopg
import pytest
import requests
from aiosmtpd.controller import Controller
from hub_items import post_items, sealed_item
from running_hub import RunningHub
from smtp_inbox import Inbox, free_port
from test_hub_on_postgres import database, postgres  # noqa: F401  (fixtures)

from hub.notices.claims import LEASE
from offline_cache.protocol import reference_for

pytestmark = pytest.mark.slow
MAILBOX = "etat-civil@mairie.example.fr"


class SlowInbox(Inbox):
    """A mail server that takes its time over each message, as a busy one does: the
    window in which a second process could send the same notice stays open."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.1)
        return await super().handle_DATA(server, session, envelope)


class StallingInbox(Inbox):
    """Holds the first message in DATA until told (the test kills the hub meanwhile);
    that message is never accepted."""

    def __init__(self) -> None:
        super().__init__()
        self.stalled, self.release = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if not self.stalled.is_set():
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 the sender went away"
        return await super().handle_DATA(server, session, envelope)


def post_unanswered(url: str, items: list) -> None:
    """The kiosk's side of a hub that dies before it answers: no answer (kept, sent again)."""
    with contextlib.suppress(requests.ConnectionError):
        post_items(url, items)


def smtp_env(port: int) -> dict[str, str]:
    return {"HUB_EMAIL_HOST": "127.0.0.1", "HUB_EMAIL_PORT": str(port),
            "HUB_EMAIL_FROM": "borne@mairie.example.fr"}


def run_mail_job(hub: RunningHub, env: dict) -> str:
    done = subprocess.run([sys.executable, "-m", "hub", "manage", "run_jobs", "email-notices",
                           "--force", "--data-dir", str(hub.data_dir)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def references(inbox: Inbox) -> collections.Counter:
    return collections.Counter(message["Subject"].split()[2] for message in inbox.messages)


@pytest.mark.skipif(not pg_cluster.available() and not os.environ.get("CI"),
                    reason="PostgreSQL 15 is not installed (./dev.sh installs it)")
def test_two_hub_processes_and_their_jobs_send_each_notice_exactly_once(tmp_path, database):  # noqa: F811
    inbox, port = SlowInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    env = {**database, **smtp_env(port)}
    hubs = [RunningHub(tmp_path / f"hub-{n}") for n in (1, 2)]
    try:
        for hub in hubs:
            hub.start(env=env)
        with psycopg.connect(database["HUB_DATABASE_URL"], autocommit=True) as db:
            db.execute("UPDATE inbox_service SET mailbox = %s WHERE routing = %s",
                       (MAILBOX, "commune-etat-civil"))
        items = {hub.url: [sealed_item() for _ in range(30)] for hub in hubs}
        posting = True

        def send(hub: RunningHub) -> None:
            for start in range(0, 30, 10):
                answer = post_items(hub.url, items[hub.url][start:start + 10]).json()
                assert {r["status"] for r in answer["results"]} == {"stored"}

        def jobs(hub: RunningHub) -> None:
            while posting:  # the 5-minute job, run by hand in both processes' places
                run_mail_job(hub, env)

        senders = [threading.Thread(target=send, args=(hub,)) for hub in hubs]
        runners = [threading.Thread(target=jobs, args=(hub,)) for hub in hubs]
        for thread in runners + senders:
            thread.start()
        for thread in senders:
            thread.join()
        posting = False
        for thread in runners:
            thread.join()
        for hub in hubs:  # whatever a failed attempt left behind
            run_mail_job(hub, env)
        expected = {reference_for(item["uuid"]) for batch in items.values() for item in batch}
        deadline = time.monotonic() + 60
        while len(references(inbox)) < len(expected) and time.monotonic() < deadline:
            time.sleep(0.2)
        sent = references(inbox)
        assert set(sent) == expected
        assert [ref for ref, n in sent.items() if n > 1] == []
        with psycopg.connect(database["HUB_DATABASE_URL"]) as db:
            waiting = db.execute("SELECT count(*) FROM notices_notice WHERE sent_at IS NULL "
                                 "OR claimed_until IS NOT NULL").fetchone()[0]
        assert waiting == 0
    finally:
        for hub in hubs:
            hub.stop()
        controller.stop()


def test_a_send_cut_short_by_a_crash_is_made_by_the_job_once_the_lease_expires(tmp_path):
    inbox, port = StallingInbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    hub = RunningHub(tmp_path / "hub")
    hub_file = tmp_path / "hub" / "hub.sqlite3"
    try:
        env = smtp_env(port)
        hub.start(env=env)
        with sqlite3.connect(hub_file, timeout=20) as db:
            db.execute("UPDATE inbox_service SET mailbox = ? WHERE routing = ?",
                       (MAILBOX, "commune-etat-civil"))
        item = sealed_item()
        threading.Thread(target=post_unanswered, args=(hub.url, [item]), daemon=True).start()
        assert inbox.stalled.wait(30)  # the hub is in the middle of sending the notice
        hub.process.process.kill()  # and dies there
        hub.process.process.wait()
        inbox.release.set()

        assert run_mail_job(hub, env) == "email-notices: 0 sent, 0 failed"  # its lease holds
        assert inbox.messages == []
        with sqlite3.connect(hub_file, timeout=20) as db:  # the lease's minutes pass
            [(until,)] = db.execute("SELECT claimed_until FROM notices_notice").fetchall()
            earlier = datetime.fromisoformat(until) - LEASE - timedelta(seconds=1)
            db.execute("UPDATE notices_notice SET claimed_until = ?",
                       (earlier.isoformat(sep=" "),))
        assert run_mail_job(hub, env) == "email-notices: 1 sent, 0 failed"
        assert references(inbox) == {reference_for(item["uuid"]): 1}
        assert run_mail_job(hub, env) == "email-notices: 0 sent, 0 failed"
    finally:
        hub.stop()
        controller.stop()
