"""Broken links between kiosk and hub, through the fault proxy: none lost, none doubled."""

from __future__ import annotations

import pytest
from faultproxy import Fault
from sync_helpers import check_exactly_once

from offline_cache.outbox import ItemState
from offline_cache.sync import LinkState
from offline_cache.transport import FailureKind


def _queue(kiosk, n=12):
    for number in range(n):
        kiosk.enqueue(number)


@pytest.mark.parametrize("fault", [
    Fault("refuse"),
    Fault("reset"),
    Fault("stall_close", stall=0.5),
    Fault("cut_up", cut_after=300),  # the hub never gets the whole request
    Fault("cut_down", cut_after=60),  # the answer is cut inside its headers
    Fault("cut_down", cut_after=200),  # ... or inside its body (stored, answer truncated)
    Fault("drop_answer"),  # the hub stored the batch, the answer is lost
], ids=lambda f: f"{f.mode}-{f.cut_after}" if f.cut_after else f.mode)
def test_a_broken_exchange_is_retried_and_delivers_each_item_once(hub, proxy, make_kiosk, fault):
    kiosk = make_kiosk(proxy.url)
    _queue(kiosk)
    proxy.plan = [fault, fault]
    report = kiosk.engine.run_once()
    assert report.failure in (FailureKind.UNREACHABLE, FailureKind.GARBAGE)
    assert kiosk.outbox.counts()[ItemState.SENT] == 0
    assert kiosk.engine.status().link is LinkState.OFFLINE
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_latency_and_a_bandwidth_cap_slow_the_sync_but_change_nothing(hub, proxy, make_kiosk):
    proxy.latency, proxy.bandwidth = 0.05, 64_000 / 8
    kiosk = make_kiosk(proxy.url)
    _queue(kiosk, 20)
    assert kiosk.engine.run_once().sent == 20
    check_exactly_once(kiosk, hub)
    assert proxy.connections == 1  # one keep-alive connection for every batch


def test_a_trickling_link_trips_the_overall_deadline_not_just_a_read_timeout(hub, proxy,
                                                                             make_kiosk):
    # The answer trickles at 100 bytes a second in small pieces: no single read comes near
    # the read timeout, but the whole answer would take far longer than the deadline.
    proxy.bandwidth_down = 100
    kiosk = make_kiosk(proxy.url, deadline=1.5, read_timeout=1.0, batch_size=20)
    _queue(kiosk, 20)
    report = kiosk.engine.run_once()
    assert report.failure is FailureKind.UNREACHABLE
    assert "deadline" in kiosk.engine.status().last_error
    assert kiosk.engine._batch_limit == 10  # the next request is smaller
    proxy.bandwidth_down = None
    kiosk.drain()
    check_exactly_once(kiosk, hub)


def test_every_fault_in_a_row_then_recovery_still_gives_exactly_once(hub, proxy, make_kiosk):
    kiosk = make_kiosk(proxy.url, batch_size=5)
    _queue(kiosk, 23)
    proxy.plan = [Fault("drop_answer"), Fault("reset"), Fault("cut_down", cut_after=150),
                  Fault("stall_close", stall=0.3), Fault("drop_answer"),
                  Fault("cut_up", cut_after=500), Fault("refuse")]
    kiosk.drain(rounds=100)
    check_exactly_once(kiosk, hub)
    assert hub.store.count() == 23
