"""The agents' inbox with a region's history: 100,000 requests in the database.

An agent of one service opens the first page of `/demandes/` (50 rows, counts per state) and
a filtered page (state "new", oldest first). The baseline, measured in the same run on the
same database: the same 50 rows fetched by one hand-written SQL query, the floor any page
must pay. Runs in its own process with a scratch data folder (SQLite), so the Django
settings of the caller are untouched. Medians of 7 rounds after one warm-up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = 100_000
SCRIPT = r"""
import json, os, statistics, sys, time, uuid
from datetime import timedelta
os.environ["HUB_DATA_DIR"] = sys.argv[1]
os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings"
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django.contrib.auth import get_user_model
from hub.fleet.models import Kiosk
from hub.inbox.models import Service
from hub.intake.models import Submission
from offline_cache.protocol import RequestState, reference_for

call_command("migrate", verbosity=0)
rows = int(sys.argv[2])
kiosks = [Kiosk.objects.create(kiosk_id=f"borne-{n:03d}", site=f"Site {n}") for n in range(40)]
routings = ["commune-etat-civil", "commune-services-techniques", "caf", "cpam"]
states = [s.value for s in RequestState]
now = timezone.now()
batch = []
for n in range(rows):
    client_id = uuid.uuid4()
    batch.append(Submission(
        uuid=client_id, reference=reference_for(client_id), kiosk=kiosks[n % 40],
        service="acte-naissance", routing=routings[n % 4], created_at=now,
        received_at=now - timedelta(minutes=n), payload=b"x", payload_sha256="0" * 64,
        state=states[n % 5]))
    if len(batch) == 5000:
        Submission.objects.bulk_create(batch)
        batch = []
Submission.objects.bulk_create(batch)
agent = get_user_model().objects.create_user("agent", password="x" * 16)
Service.objects.get(routing="commune-etat-civil").agents.add(agent)
client = Client()
client.force_login(agent)

def timed(action):
    action()
    times = []
    for _ in range(7):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

def page(query):
    def get():
        response = client.get("/demandes/" + query)
        assert response.status_code == 200, response.status_code
    return get

def raw():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.reference, s.service, s.received_at, s.state, k.kiosk_id, k.site "
            "FROM intake_submission s JOIN fleet_kiosk k ON k.id = s.kiosk_id "
            "WHERE s.routing = %s ORDER BY s.received_at DESC LIMIT 50",
            ["commune-etat-civil"])
        assert len(cursor.fetchall()) == 50

print(json.dumps({"first": timed(page("")), "filtered": timed(page("?etat=new&ordre=ancien")),
                  "raw": timed(raw)}))
"""


def figures() -> list[tuple[str, float, float, float, str]]:
    with tempfile.TemporaryDirectory(prefix="inbox-bench-") as scratch:
        done = subprocess.run([sys.executable, "-c", SCRIPT, scratch, str(ROWS)], cwd=ROOT,
                              capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    ms = {key: value * 1000 for key, value in result.items()}
    return [
        ("inbox first page, 100k requests (ms)", ms["first"], ms["raw"],
         ms["first"] / ms["raw"], "page under 300 ms (raw SQL floor as baseline)"),
        ("inbox 'new', oldest first, 100k (ms)", ms["filtered"], ms["raw"],
         ms["filtered"] / ms["raw"], "page under 300 ms (raw SQL floor as baseline)"),
    ]
