"""A region's back office: thousands of kiosks catching up at once, and pages over its history.

The load: N simulated kiosks, each with its own kiosk id and token, come back after a network
outage: each sends a heartbeat, then flushes its queue of 30 sealed requests in gzip batches
(the kiosk's default `sync.batch_size`, 50: one batch each), 32 connections at a time over
loopback (a kiosk answered 5xx, 409 or 429 or cut off tries again, as a real one does). Then
each kiosk sends one heartbeat per simulated minute (3 minutes; 1 in the full run), as fast
as the hub takes them. Measured for the back office (`python -m hub serve`, 8 threads) with
1 and 2 processes on one PostgreSQL 15, against the same hub on its SQLite default in the same
run (the baseline). PostgreSQL runs with fsync on, as SQLite runs with synchronous=FULL.
After each run the database is counted: every request sent is there once (zero lost, zero
duplicated).

The pages: a PostgreSQL database with 5,600 kiosks, filled to 10,000 then to 1,000,000
requests (two years of a region's history): the first page of the inbox (an administrator
and an agent of one service), of the admin's request list, of the kiosks page and of the
monthly report, medians of 3 after one warm-up. The figure is the time at 1,000,000 against
the same page at 10,000 (the baseline): a page that stays fast stays near 1x.

The default run is scaled down (300 kiosks, pages at 200,000) to stay within a few minutes;
REGION_BENCH_FULL=1 runs the issue's goal, 5,600 kiosks x 30 requests (168,000) absorbed in
under 5 minutes, and the pages at 1,000,000. REGION_BENCH_LOAD=0 / REGION_BENCH_PAGES=0 skip
a part.
Everything is bounded: a fixed number of requests, a time limit per run after which the
generator stops sending (what was not sent is counted as lost), loopback addresses only.
`python -m benchmarks.region_bench` prints the figures.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL = os.environ.get("REGION_BENCH_FULL", "").strip() == "1"
KIOSKS = 5600 if FULL else 300
PER_KIOSK = 30
BATCH = 50  # kiosk/config.py sync.batch_size
CONNECTIONS = 32
HEARTBEAT_MINUTES = 1 if FULL else 3  # simulated minutes: each kiosk one heartbeat a minute
TIME_LIMIT = 900.0 if FULL else 240.0  # seconds per catch-up, then the generator stops
ATTEMPTS = 8  # per HTTP request, as a kiosk retries with backoff
GOAL_SECONDS = 300.0  # the issue: 168,000 requests absorbed in under 5 minutes
PAGE_SIZES = (10_000, 1_000_000 if FULL else 200_000)  # seeding 1,000,000 takes minutes
PAGE_KIOSKS = 5600
SECRET = "region-bench-secret-key-not-for-production-0123456789"
HEARTBEAT = {"counts": {"pending": 0, "sending": 0, "sent": PER_KIOSK, "held": 0},
             "oldest_pending_at": None, "app_version": "1.0.0", "catalog_version": "2026-11",
             "voice": "ok", "printer": "ok", "site": "France Services", "journal": []}


def kiosk_id(n: int) -> str:
    return f"borne-r{n:05d}"


def kiosk_token(n: int) -> str:
    """A bench kiosk's bearer token (stored hashed by the hub, as a real one)."""
    return f"region-bench-token-{n:05d}-{SECRET}"


# -- inside a hub environment (a subprocess with HUB_DATA_DIR / HUB_DATABASE_URL set) ----------

def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def _make_kiosks(count: int) -> None:
    """`count` kiosks, each with its own token, in a few queries (the admin would take days)."""
    from hub.fleet.models import Kiosk, KioskToken, hash_token

    Kiosk.objects.bulk_create([Kiosk(kiosk_id=kiosk_id(n), site=f"France Services {n // 2}")
                               for n in range(count)], batch_size=1000)
    ids = dict(Kiosk.objects.values_list("kiosk_id", "pk"))
    KioskToken.objects.bulk_create([KioskToken(kiosk_id=ids[kiosk_id(n)],
                                               token_hash=hash_token(kiosk_token(n)),
                                               label="bench") for n in range(count)],
                                   batch_size=1000)


def task_kiosks(count: str) -> dict:
    _django()
    _make_kiosks(int(count))
    return {}


def task_census(uuid_file: str) -> dict:
    """What the database holds against what was sent: lost and duplicated requests."""
    _django()
    from hub.intake.models import Submission

    sent = set(Path(uuid_file).read_text().split())
    held = [str(u) for u in Submission.objects.values_list("uuid", flat=True).iterator(5000)]
    distinct = set(held)
    return {"rows": len(held), "lost": len(sent - distinct),
            "duplicated": len(held) - len(distinct), "unexpected": len(distinct - sent)}


SEED_SQL = """
INSERT INTO intake_submission (uuid, reference, kiosk_id, service, routing, language, assisted,
    created_at, received_at, source, payload, payload_sha256, state, state_changed_at,
    closed_at, assigned_to_id, citizen_message, content_deleted_at)
SELECT md5('region-' || n)::uuid, upper(substr(md5(n::text), 1, 3) || '-'
       || substr(md5(n::text), 4, 3)), %(first_kiosk)s + n %% %(kiosks)s,
       (%(services)s::text[])[1 + n %% %(service_count)s],
       (%(routings)s::text[])[1 + n %% %(service_count)s], 'fr', n %% 5 = 0,
       at - interval '5 minutes', at, 'network', '\\x00010203'::bytea, md5(n::text) || md5(n::text),
       state, CASE WHEN closed THEN at + interval '2 days' ELSE at END,
       CASE WHEN closed THEN at + interval '2 days' END, NULL, '', NULL
FROM (SELECT n, at, state, state IN ('done', 'refused') AS closed FROM (
        SELECT n, at, CASE
            WHEN at > now() - interval '30 days' THEN (ARRAY['new', 'new', 'new', 'new',
                'in_progress', 'in_progress', 'in_progress', 'waiting', 'done', 'done'])
                [1 + n %% 10]
            WHEN n %% 97 = 0 THEN 'waiting' WHEN n %% 10 = 0 THEN 'refused' ELSE 'done' END
            AS state
        FROM (SELECT n, now() - n * interval '63 seconds' AS at
              FROM generate_series(%(start)s, %(end)s) AS n) AS timed) AS stated) AS rows
"""


def _seed_requests(start: int, end: int) -> None:
    """Requests numbered start..end, newest first: two years of history at 1,000,000 (one
    every 63 s); the last 30 days mostly open, older ones mostly closed; payloads 4 bytes."""
    from django.db import connection

    from hub.catalog import catalogue
    from hub.fleet.models import Kiosk

    services = sorted(catalogue().services.values(), key=lambda s: s.id)
    first, last = (Kiosk.objects.order_by(o).values_list("pk", flat=True)[0]
                   for o in ("pk", "-pk"))
    assert last - first + 1 == Kiosk.objects.count(), "kiosk ids are not contiguous"
    with connection.cursor() as cursor:
        cursor.execute(SEED_SQL, {
            "first_kiosk": first, "kiosks": last - first + 1, "start": start, "end": end,
            "services": [s.id for s in services], "routings": [s.routing for s in services],
            "service_count": len(services)})
        cursor.execute("ANALYZE")


def _seed_fleet() -> None:
    """5,600 kiosks (a tenth silent, all with a heartbeat's status), the catalogue's services,
    an administrator and an agent of one service (CAF)."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from hub.catalog import catalogue
    from hub.fleet.models import Kiosk
    from hub.inbox.models import Service

    _make_kiosks(PAGE_KIOSKS)
    now, kiosks = timezone.now(), list(Kiosk.objects.all())
    status = {key: value for key, value in HEARTBEAT.items() if key != "journal"}
    for kiosk in kiosks:
        silent = kiosk.pk % 10 == 0
        kiosk.last_seen_at = now - timedelta(hours=3 if silent else 0, minutes=kiosk.pk % 5)
        kiosk.status = status | {"counts": {"pending": 3 if silent else 0, "held": 0}}
    Kiosk.objects.bulk_update(kiosks, ["last_seen_at", "status"], batch_size=1000)
    Service.objects.bulk_create([Service(routing=routing, name=titles[0])
                                 for routing, titles in catalogue().routings().items()],
                                ignore_conflicts=True)  # hub.inbox may have made them
    users = get_user_model().objects
    users.create_superuser("dsi", password="long enough passphrase")
    agent = users.create_user("agent-caf", password="long enough passphrase")
    Service.objects.get(routing="caf").agents.add(agent)


def task_times() -> dict[str, float]:
    """The pages' times on the database as it is (seeded by `pages`)."""
    _django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from hub.reports.figures import Month

    admin, agent = (get_user_model().objects.get(username=name) for name in ("dsi", "agent-caf"))
    month = Month.previous(timezone.now())
    pages = {"inbox, administrator": (admin, "/demandes/"),
             "inbox, agent of one service": (agent, "/demandes/"),
             "inbox, agent, new only": (agent, "/demandes/?etat=new"),
             "inbox, agent, page 40": (agent, "/demandes/?page=40"),
             "admin request list": (admin, "/admin/intake/submission/"),
             "admin, one state": (admin, "/admin/intake/submission/?state__exact=new"),
             "kiosks page": (admin, "/bornes/"),
             "monthly report": (admin, f"/rapports/?mois={month}")}
    times = {}
    for name, (user, url) in pages.items():
        client = Client()
        client.force_login(user)
        rounds = []
        for _ in range(4):
            start = time.perf_counter()
            answer = client.get(url)
            rounds.append(time.perf_counter() - start)
            if answer.status_code != 200:
                raise RuntimeError(f"{url}: HTTP {answer.status_code}")
        times[name] = statistics.median(rounds[1:]) * 1000
    return times


def task_pages() -> dict:
    _django()
    _seed_fleet()
    found, held = {}, 0
    for size in PAGE_SIZES:
        started = time.perf_counter()
        _seed_requests(held + 1, size)
        held = size
        print(f"region bench: {size:,} requests seeded in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        found[str(size)] = task_times()
    return found


TASKS = {"kiosks": task_kiosks, "census": task_census, "pages": task_pages,
         "times": task_times}


def _task(name: str, env: dict[str, str], *arguments: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.region_bench", name, *arguments],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600,
                          env={**os.environ, **env})
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"region bench task {name} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the load generator ----------------------------------------------------------------------

def _sealed_queues() -> tuple[list[list[bytes]], list[str]]:
    """Each kiosk's catch-up: its gzip batches; and every UUID sent. Sealed before any clock."""
    sys.path.insert(0, str(ROOT / "tests" / "hub"))
    from hub_items import sealed_item

    queues, uuids = [], []
    for n in range(KIOSKS):
        items = [sealed_item({"answers": {"nom": "Martin", "prenoms": "Anne Marie", "n": i},
                              "assisted_by": "med-1a2b" if i % 4 == 0 else None},
                             service="prime-activite", routing="caf")
                 for i in range(PER_KIOSK)]
        uuids += [item["uuid"] for item in items]
        queues.append([gzip.compress(json.dumps({"protocol": 1, "kiosk_id": kiosk_id(n),
                                                 "items": items[i:i + BATCH]}).encode())
                       for i in range(0, len(items), BATCH)])
    return queues, uuids


@dataclass
class Tally:
    stored: int = 0
    duplicate: int = 0
    rejected: int = 0
    retries: int = 0
    given_up: int = 0  # requests not sent: attempts or time ran out
    heartbeats: int = 0
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _post(session, url: str, n: int, body: bytes, gzipped: bool, tally: Tally):
    """One kiosk's POST, tried again on what a kiosk retries; the answer, or None."""
    import requests

    headers = {"Authorization": f"Bearer {kiosk_token(n)}", "X-Kiosk-Id": kiosk_id(n),
               "Content-Type": "application/json"}
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    for attempt in range(ATTEMPTS):
        start = time.perf_counter()
        try:
            answer = session.post(url, data=body, headers=headers, timeout=120)
            if answer.status_code == 200:
                return answer, time.perf_counter() - start
        except requests.RequestException:
            pass
        with tally.lock:
            tally.retries += 1
        time.sleep(random.uniform(0, min(0.2 * 2 ** attempt, 5.0)))  # full jitter
    return None, 0.0


def _drive(urls: list[str], jobs: list[int], work, deadline: float, tally: Tally) -> float:
    """CONNECTIONS threads take kiosks `jobs` in turn; kiosk n talks to hub n % len(urls)
    (a reverse proxy's round robin). Returns the seconds until the last answer."""
    import requests

    lock, todo = threading.Lock(), iter(jobs)

    def worker() -> None:
        sessions = [requests.Session() for _ in urls]
        while True:
            with lock:
                n = next(todo, None)
            if n is None:
                return
            if time.perf_counter() > deadline:
                with tally.lock:
                    tally.given_up += work(None, None, n, tally)
                continue
            work(sessions[n % len(urls)], urls[n % len(urls)], n, tally)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def _catch_up_work(queues: list[list[bytes]]):
    heartbeat = json.dumps(HEARTBEAT).encode()

    def work(session, url, n: int, tally: Tally) -> int:
        if session is None:  # past the time limit: what this kiosk would have sent
            return PER_KIOSK
        _post(session, f"{url}/v1/heartbeat", n, heartbeat, False, tally)
        for body in queues[n]:
            answer, seconds = _post(session, f"{url}/v1/submissions", n, body, True, tally)
            if answer is None:
                with tally.lock:
                    tally.given_up += len(json.loads(gzip.decompress(body))["items"])
                continue
            statuses = [r["status"] for r in answer.json()["results"]]
            with tally.lock:
                tally.latencies.append(seconds)
                tally.stored += statuses.count("stored")
                tally.duplicate += statuses.count("duplicate")
                tally.rejected += statuses.count("rejected")
        return 0

    return work


def _heartbeat_work():
    body = json.dumps(HEARTBEAT).encode()

    def work(session, url, n: int, tally: Tally) -> int:
        if session is None:
            return 0
        answer, _ = _post(session, f"{url}/v1/heartbeat", n % KIOSKS, body, False, tally)
        if answer is not None:
            with tally.lock:
                tally.heartbeats += 1
        return 0

    return work


@dataclass
class Run:
    name: str
    seconds: float
    tally: Tally
    heartbeat_rate: float
    census: dict

    @property
    def rate(self) -> float:
        return self.tally.stored / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.tally.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0

    def line(self) -> str:
        t, c = self.tally, self.census
        return (f"region bench: {self.name}: {t.stored:,} of {KIOSKS * PER_KIOSK:,} requests "
                f"stored in {self.seconds:.1f} s ({self.rate:.0f}/s), batch p50 "
                f"{self.percentile(0.5):.0f} ms p99 {self.percentile(0.99):.0f} ms, "
                f"{t.retries} retries, {t.given_up} not sent; heartbeats "
                f"{self.heartbeat_rate:.0f}/s; database: {c['rows']:,} rows, lost {c['lost']}, "
                f"duplicated {c['duplicated']}, unexpected {c['unexpected']}")


def _fresh_postgres(cluster) -> None:
    cluster.drop_database("hub")
    cluster.create_database("hub")


def _run(name: str, folder: Path, env: dict[str, str], processes: int, queues,
         uuid_file: Path) -> Run:
    from kiosk.local_hub import start_local_hub

    env = {"HUB_SECRET_KEY": SECRET, "HUB_DATA_DIR": str(folder / "p0"), **env}
    _task("kiosks", env, str(KIOSKS))
    hubs = [start_local_hub(folder / f"p{n}", env=env) for n in range(processes)]
    try:
        urls = [hub.url for hub in hubs]
        tally = Tally()
        seconds = _drive(urls, list(range(KIOSKS)), _catch_up_work(queues),
                         time.perf_counter() + TIME_LIMIT, tally)
        beats = Tally()
        beat_seconds = _drive(urls, list(range(KIOSKS * HEARTBEAT_MINUTES)), _heartbeat_work(),
                              time.perf_counter() + TIME_LIMIT, beats)
    finally:
        for hub in hubs:
            hub.stop()
    tally.heartbeats = beats.heartbeats
    run = Run(name, seconds, tally, beats.heartbeats / beat_seconds,
              _task("census", env, str(uuid_file)))
    print(run.line(), file=sys.stderr, flush=True)
    return run


class _DurableCluster:
    """tests/hub/pg_cluster.py's throw-away cluster, restarted with fsync on: its tests run
    with fsync off for speed, and a bench against SQLite's synchronous=FULL must not."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "hub"))
        import pg_cluster

        if not pg_cluster.available():
            raise RuntimeError("PostgreSQL 15 is not installed (./dev.sh installs it)")
        self.cluster = pg_cluster.PgCluster()
        self.cluster.stop()
        self.cluster.start(durable=True)

    def remove(self) -> None:
        self.cluster.remove()


def _load_figures(cluster, folder: Path) -> list[tuple]:
    started = time.perf_counter()
    queues, uuids = _sealed_queues()
    uuid_file = folder / "sent-uuids.txt"
    uuid_file.write_text("\n".join(uuids))
    print(f"region bench: {len(uuids):,} requests of {KIOSKS:,} kiosks sealed in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    pg = {"HUB_DATABASE_URL": cluster.cluster.url}
    runs = {}
    runs["sqlite"] = _run("SQLite, 1 process", folder / "sqlite", {}, 1, queues, uuid_file)
    for processes in (1, 2):
        _fresh_postgres(cluster.cluster)
        runs[processes] = _run(f"PostgreSQL, {processes} process{'es' * (processes > 1)}",
                               folder / f"pg{processes}", pg, processes, queues, uuid_file)
    base = runs["sqlite"]
    scale = f"{KIOSKS:,} kiosks x {PER_KIOSK}"
    found = []
    for processes in (1, 2):
        run = runs[processes]
        found += [
            (f"region: stored/s, PG {processes} proc ({scale})", run.rate, base.rate,
             run.rate / base.rate, "168,000 in < 300 s: > 560/s"),
            (f"region: batch p50 ms, PG {processes} proc", run.percentile(0.5),
             base.percentile(0.5), run.percentile(0.5) / max(base.percentile(0.5), 1e-9),
             "informative (SQLite baseline)"),
            (f"region: batch p99 ms, PG {processes} proc", run.percentile(0.99),
             base.percentile(0.99), run.percentile(0.99) / max(base.percentile(0.99), 1e-9),
             "informative (SQLite baseline)"),
            (f"region: heartbeats/s, PG {processes} proc", run.heartbeat_rate,
             base.heartbeat_rate, run.heartbeat_rate / base.heartbeat_rate,
             f"> {KIOSKS / 60:.0f}/s ({KIOSKS:,} kiosks, 1 a minute)"),
        ]
    for run in runs.values():
        bad = run.census["lost"] + run.census["duplicated"] + run.tally.given_up
        found.append((f"region: lost+duplicated, {run.name}", float(bad), 0.0, 0.0, "0"))
    if FULL:
        for run in runs.values():
            found.append((f"region: seconds for 168,000, {run.name}", run.seconds,
                          GOAL_SECONDS, run.seconds / GOAL_SECONDS, "< 300 s (ratio < 1)"))
    return found


def _page_figures(cluster) -> list[tuple]:
    _fresh_postgres(cluster.cluster)
    with tempfile.TemporaryDirectory(prefix="region-pages-") as folder:
        times = _task("pages", {"HUB_SECRET_KEY": SECRET, "HUB_DATA_DIR": folder,
                                "HUB_DATABASE_URL": cluster.cluster.url})
    small, large = (times[str(size)] for size in PAGE_SIZES)
    for name in large:
        print(f"region bench: {name}: {small[name]:.0f} ms at {PAGE_SIZES[0]:,}, "
              f"{large[name]:.0f} ms at {PAGE_SIZES[1]:,}", file=sys.stderr)
    label = f"{PAGE_SIZES[1] // 1000:,}k"
    return [(f"pages ms at {label} (10k base): {name}", large[name], small[name],
             large[name] / small[name], "< 300 ms; ratio near 1") for name in large]


def figures() -> list[tuple[str, float, float, float, str]]:
    cluster = _DurableCluster()
    try:
        found = []
        if os.environ.get("REGION_BENCH_LOAD", "1") != "0":
            with tempfile.TemporaryDirectory(prefix="region-bench-") as folder:
                found += _load_figures(cluster, Path(folder))
        if os.environ.get("REGION_BENCH_PAGES", "1") != "0":
            found += _page_figures(cluster)
    finally:
        cluster.remove()
    return found


def main(arguments: list[str]) -> int:
    if arguments and arguments[0] in TASKS:
        print(json.dumps(TASKS[arguments[0]](*arguments[1:])))
        return 0
    for figure in figures():
        print(f"{figure[0]:<52} {figure[1]:>10.1f} {figure[2]:>10.1f} {figure[3]:>6.2f}x  "
              f"{figure[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
