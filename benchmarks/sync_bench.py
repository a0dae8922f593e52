"""Draining 100 queued requests over a 64 kbit/s link with 300 ms round trips.

The link is the test suite's shaping proxy (tests/offline_cache/faultproxy.py): a serial line
at 8,000 bytes a second each way, 150 ms one way, the TCP handshake charged one round trip.
(A network namespace with `tbf` would shape the kernel's TCP too; the proxy was chosen because
it runs anywhere without root. The proxy counts payload bytes, not TCP/IP headers.)

Three runs on the same link, same kind of requests (synthetic citizens through the real form
engine, sealed like real ones), against the real hub:
- the sync engine as configured by default (batches of 50, gzip, one keep-alive connection);
- the physical floor: the sealed payloads' bytes / bandwidth + 2 round trips (handshake and one
  request); sealed payloads are already compressed and cannot shrink further;
- one POST per item: the same engine with batches of 1 (still gzip and keep-alive);
- one POST per item on a new connection each time, as a plain `requests.post` loop does.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE = 64_000 / 8  # bytes per second
ONE_WAY = 0.150
ITEMS = 100


def _kiosk(folder: Path, url: str, batch_size: int):
    from kiosk.config import validate
    from kiosk.outbox_service import OutboxService

    config = validate({"storage": {"data_dir": str(folder)}, "hub": {"url": url},
                       "sync": {"batch_size": batch_size}}, folder / "kiosk.toml")
    return OutboxService.from_config(config)


def _queue(service, count: int, seed: int) -> int:
    """Queue `count` synthetic requests; return the total bytes of their sealed payloads."""
    from kiosk.catalog.loader import load_catalog
    from kiosk.cli.simulate_cmd import fill_and_submit

    services = [s for s in load_catalog().services if s.steps]
    rng = random.Random(seed)
    for number in range(count):
        fill_and_submit(services[number % len(services)], service, rng)
    rows = service.outbox.store.read("SELECT sum(length(payload)) AS n FROM items "
                                     "WHERE state = 'pending'")
    return int(rows[0]["n"])


def _drain(service, proxy) -> tuple[float, int, int]:
    before = dict(proxy.bytes)
    started = time.monotonic()
    report = service.sync_now()
    elapsed = time.monotonic() - started
    if report.sent != ITEMS or report.failure is not None:
        raise RuntimeError(f"sync did not complete: {report}")
    return (elapsed, proxy.bytes["up"] - before["up"], proxy.bytes["down"] - before["down"])


def _new_connection_each_time(service, url: str) -> None:
    """Give the engine a transport that drops its connection after every request."""
    from offline_cache.transport import HttpTransport

    class NewConnectionEachTime(HttpTransport):
        def _exchange(self, *args, **kwargs):
            try:
                return super()._exchange(*args, **kwargs)
            finally:
                self.session.close()  # the next request pays a new TCP handshake

    service.engine.transport = NewConnectionEachTime(url, "demo-token", "borne-demo-01")


def figures() -> list[tuple[str, float, float, float, str]]:
    sys.path.insert(0, str(ROOT / "tests" / "offline_cache"))
    from faultproxy import FaultProxy

    from kiosk.local_hub import start_local_hub

    with tempfile.TemporaryDirectory(prefix="sync-bench-") as temporary:
        folder = Path(temporary)
        hub = start_local_hub(folder / "hub")  # the real back office, its own process
        proxy = FaultProxy(int(hub.url.rsplit(":", 1)[1]), latency=ONE_WAY, bandwidth=RATE,
                           buffer=4096)
        try:
            batched = _kiosk(folder / "batched", proxy.url, 50)
            sealed = _queue(batched, ITEMS, seed=1)
            ours, up, down = _drain(batched, proxy)
            batched.close()
            single = _kiosk(folder / "single", proxy.url, 1)
            _queue(single, ITEMS, seed=1)
            per_item, _, _ = _drain(single, proxy)
            single.close()
            naive = _kiosk(folder / "naive", proxy.url, 1)
            _new_connection_each_time(naive, proxy.url)
            _queue(naive, ITEMS, seed=1)
            per_item_new, _, _ = _drain(naive, proxy)
            naive.close()
        finally:
            proxy.stop()
            hub.stop()
    floor = sealed / RATE + 2 * (2 * ONE_WAY)
    wire = (up + down) / ITEMS
    print(f"sync bench: {ITEMS} requests, sealed payloads {sealed / ITEMS:.0f} B each; on the "
          f"wire {up / ITEMS:.0f} B up + {down / ITEMS:.0f} B down per request; batched "
          f"{ours:.2f} s, floor {floor:.2f} s, one POST per item {per_item:.2f} s",
          file=sys.stderr)
    return [
        ("sync: 100 requests, 64 kbit/s, 300 ms RTT (s)", ours, floor, ours / floor,
         "<= 1.5x the physical floor"),
        ("sync: one POST per item, keep-alive (s)", per_item, ours, per_item / ours,
         ">= 10x slower than batched"),
        ("sync: one POST per item, new connection (s)", per_item_new, ours,
         per_item_new / ours, ">= 10x slower than batched"),
        ("sync: bytes on the wire per request", wire, sealed / ITEMS, wire / (sealed / ITEMS),
         "informative: vs sealed payload"),
    ]


if __name__ == "__main__":
    for figure in figures():
        print(figure)
