"""Hypothesis drives enqueue, sync, crashes, hub failures and recovery in any order.

Invariants after every step: nothing queued is lost; whatever the kiosk marks sent is at the
hub; the hub holds nothing the kiosk did not queue and nothing twice; a sent item has no
payload; no item stays `sending` outside a sync. At the end, with the hub healthy, everything
arrives exactly once.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
from fake_hub import open_hub
from flask import Response
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sync_helpers import Kiosk, check_exactly_once

from offline_cache.outbox import ItemState

FAILURES = {
    "500": lambda: Response("boom", status=500),
    "429": lambda: Response("", status=429, headers={"Retry-After": "3"}),
    "portal": lambda: Response("<html>Wi-Fi login</html>", status=200, mimetype="text/html"),
    "401": lambda: Response('{"error": "token"}', status=401, mimetype="application/json"),
}
_hub_state: dict = {}


def shared_hub():
    """One hub for all examples (starting one per example would dominate the run time)."""
    if "hub" not in _hub_state:
        folder = Path(tempfile.mkdtemp(prefix="stateful-hub-"))
        hub = open_hub(folder)
        hub.start()
        _hub_state.update(hub=hub, folder=folder)
    return _hub_state["hub"]


@pytest.fixture(scope="module", autouse=True)
def _stop_shared_hub():
    yield
    if "hub" in _hub_state:
        _hub_state["hub"].stop()
        shutil.rmtree(_hub_state["folder"], ignore_errors=True)
        _hub_state.clear()


class OutboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.hub = shared_hub()
        self.hub.app.config.update(fault=None, after_store=None)
        self.folder = Path(tempfile.mkdtemp(prefix="stateful-kiosk-"))
        self.kiosk = Kiosk(self.folder, self.hub.url, batch_size=4)
        self.numbers = itertools.count()

    @rule(count=st.integers(1, 4))
    def enqueue(self, count):
        for _ in range(count):
            self.kiosk.enqueue(next(self.numbers))

    @rule()
    def sync(self):
        self.kiosk.engine.run_once(force=True)

    @rule()
    def crash_before_the_upload(self):
        self.kiosk.outbox.claim(3)  # marked sending, then the power goes
        self.kiosk.reopen()

    @rule()
    def crash_after_the_hub_stored(self):
        batch = self.kiosk.outbox.claim(3)
        if batch:
            self.kiosk.transport.post_batch(batch)  # the answer is never applied
        self.kiosk.reopen()

    @rule(kind=st.sampled_from(sorted(FAILURES)))
    def hub_fails(self, kind):
        self.hub.app.config["fault"] = lambda endpoint: FAILURES[kind]()

    @rule()
    def hub_loses_answers_after_storing(self):
        self.hub.app.config["after_store"] = lambda results: Response("", status=502)

    @precondition(lambda self: self.hub.app.config["fault"] or self.hub.app.config["after_store"])
    @rule()
    def hub_recovers(self):
        self.hub.app.config.update(fault=None, after_store=None)

    @invariant()
    def nothing_lost_nothing_doubled(self):
        outbox = self.kiosk.outbox
        mine = set(self.kiosk.queued)
        rows = {item.item_id: item for item in outbox.items(limit=100000)}
        assert set(rows) == mine
        at_hub = [u for u in self.hub.store.uuids() if u in mine]
        assert len(at_hub) == len(set(at_hub))
        sent = {i for i, item in rows.items() if item.state is ItemState.SENT}
        assert sent <= set(at_hub)
        assert outbox.counts()[ItemState.SENDING] == 0
        leftovers = outbox.store.read("SELECT count(*) AS n FROM items WHERE state = 'sent' "
                                      "AND payload IS NOT NULL")
        assert leftovers[0]["n"] == 0

    def teardown(self):
        try:
            self.hub.app.config.update(fault=None, after_store=None)
            self.kiosk.drain()
            check_exactly_once(self.kiosk, self.hub)
        finally:
            self.kiosk.close()
            shutil.rmtree(self.folder, ignore_errors=True)


OutboxMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestOutboxStateMachine = OutboxMachine.TestCase
