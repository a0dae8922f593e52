"""Requests stored per second at the back office, from many kiosks at once.

20 kiosks (threads, one keep-alive connection each) send 2,000 sealed requests in gzip
batches of 10 to a hub on loopback; the figure is requests durably stored (answered
`stored`) per second. Both hubs run in their own process, on SQLite with `synchronous=FULL`:
- the back office (`python -m hub serve`, Django, 8 waitress threads);
- the baseline: the old reference hub (Flask, one writer connection), kept as the library
  tests' fake hub (tests/offline_cache/fake_hub), 8 waitress threads too.
The requests are sealed before the clock starts: the figure is the hub's, not the sealing's.
The back office pays for the ORM, token lookup and middleware on every request; the old hub
wrote raw SQL. Both are far above need: 1,000 kiosks sending 50 requests a day is 0.6/s.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIOSKS = 20
ITEMS = 2000
BATCH = 10
OLD_HUB = """
import sys, threading
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from fake_hub import open_hub
hub = open_hub(Path(sys.argv[1]))
print("Hub listening on " + hub.start(threads=8), flush=True)
sys.stdin.read()
hub.stop()
"""


def _sealed_batches() -> list[list[bytes]]:
    sys.path.insert(0, str(ROOT / "tests" / "hub"))
    from hub_items import sealed_item

    items = [sealed_item({"answers": {"nom": "Martin", "n": n}}) for n in range(ITEMS)]
    bodies = [gzip.compress(json.dumps({"protocol": 1, "items": items[i:i + BATCH]}).encode())
              for i in range(0, ITEMS, BATCH)]
    return [bodies[k::KIOSKS] for k in range(KIOSKS)]


def _send(url: str, kiosk: int, bodies: list[bytes], stored: list[int]) -> None:
    import requests

    session = requests.Session()
    headers = {"Authorization": "Bearer demo-token", "X-Kiosk-Id": f"borne-bench-{kiosk:02d}",
               "Content-Encoding": "gzip", "Content-Type": "application/json"}
    for body in bodies:
        answer = session.post(f"{url}/v1/submissions", data=body, headers=headers, timeout=120)
        answer.raise_for_status()
        stored[kiosk] += sum(r["status"] == "stored" for r in answer.json()["results"])


def _rate(url: str, work: list[list[bytes]]) -> float:
    stored = [0] * KIOSKS
    threads = [threading.Thread(target=_send, args=(url, k, work[k], stored))
               for k in range(KIOSKS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if sum(stored) != ITEMS:
        raise RuntimeError(f"{sum(stored)} of {ITEMS} requests stored")
    return ITEMS / elapsed


def _old_hub(folder: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", OLD_HUB, str(folder), str(ROOT / "tests" / "offline_cache")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    if not line.startswith("Hub listening on "):
        raise RuntimeError("the old hub did not start")
    return process, line.split()[-1]


def figures() -> list[tuple[str, float, float, float, str]]:
    from kiosk.local_hub import start_local_hub

    work = _sealed_batches()
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as temporary:
        folder = Path(temporary)
        hub = start_local_hub(folder / "new")
        try:
            ours = _rate(hub.url, work)
        finally:
            hub.stop()
        old, url = _old_hub(folder / "old")
        try:
            baseline = _rate(url, work)
        finally:
            old.stdin.close()
            old.wait(30)
    print(f"hub bench: {KIOSKS} kiosks, {ITEMS} requests in batches of {BATCH}: back office "
          f"{ours:.0f}/s, old hub {baseline:.0f}/s", file=sys.stderr)
    return [("hub: requests stored per second, 20 kiosks", ours, baseline, ours / baseline,
             "informative: a region's 1,000 kiosks need ~1/s")]


if __name__ == "__main__":
    for figure in figures():
        print(figure)
