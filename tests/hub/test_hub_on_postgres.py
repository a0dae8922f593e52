"""The hub on PostgreSQL, as in production: the same protocol, several hub processes on one
database, and the database going away for real while a hub runs (503, then back)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pg_cluster
import pytest
from hub_items import heartbeat, post_items, sealed_item
from running_hub import RunningHub

# Where PostgreSQL must run (CI, root on Debian) a missing one fails loudly instead of skipping.
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not pg_cluster.available() and not pg_cluster.required(),
                                 reason=pg_cluster.unavailable_reason())]


@pytest.fixture(scope="module")
def postgres():
    cluster = pg_cluster.PgCluster()
    yield cluster
    cluster.remove()


@pytest.fixture
def database(postgres):
    """An empty hub database for each test."""
    postgres.drop_database("hub")
    postgres.create_database("hub")
    return {"HUB_DATABASE_URL": postgres.url}


def listed(hub: RunningHub, env: dict) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "hub", "list", "--json", "--limit", "1000",
                           "--data-dir", str(hub.data_dir)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_protocol_behaves_the_same_on_postgresql(tmp_path, database):
    hub = RunningHub(tmp_path / "hub")
    hub.start(env=database)
    try:
        first = sealed_item()
        changed = sealed_item({"answers": {"nom": "Autre"}}, item_id=first["uuid"])
        statuses = [r["status"] for r in post_items(hub.url, [first, sealed_item()]).json()
                    ["results"]]
        assert statuses == ["stored", "stored"]
        assert post_items(hub.url, [changed]).json()["results"][0]["status"] == "duplicate"
        entries = [{"seq": n, "hash": f"h{n}", "prev": ""} for n in (1, 2, 4)]
        assert heartbeat(hub.url, {"journal": entries}).json()["journal_through"] == 2
        assert {row["uuid"] for row in listed(hub, database)} >= {first["uuid"]}
        assert len(listed(hub, database)) == 2
        assert not (tmp_path / "hub" / "hub.sqlite3").exists()
    finally:
        hub.stop()


def test_two_hub_processes_on_one_database_store_each_request_once(tmp_path, database):
    hubs = [RunningHub(tmp_path / f"hub-{n}") for n in (1, 2)]
    for hub in hubs:
        hub.start(env=database)
    try:
        items = [sealed_item() for _ in range(60)]
        answers: dict[str, list] = {}

        def send(hub: RunningHub) -> None:
            results = []
            for start in range(0, len(items), 10):  # the same batches, at the same time
                results += post_items(hub.url, items[start:start + 10]).json()["results"]
            answers[hub.url] = results

        threads = [threading.Thread(target=send, args=(hub,)) for hub in hubs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for index, item in enumerate(items):
            pair = sorted(answers[hub.url][index]["status"] for hub in hubs)
            assert pair == ["duplicate", "stored"], (item["uuid"], pair)
        assert len(listed(hubs[0], database)) == 60
    finally:
        for hub in hubs:
            hub.stop()


def test_kiosks_get_503_while_the_database_is_down_and_are_served_when_it_is_back(
        tmp_path, postgres, database):
    hub = RunningHub(tmp_path / "hub")
    hub.start(env=database)
    try:
        assert post_items(hub.url, [sealed_item()]).status_code == 200
        postgres.stop()
        try:
            down = post_items(hub.url, [sealed_item()])
            assert down.status_code == 503
            assert down.json() == {"error": "database unavailable, retry later"}
            assert down.headers["Retry-After"] == "30"
            assert heartbeat(hub.url, {"counts": {}}).status_code == 503
        finally:
            postgres.start()
        back = post_items(hub.url, [sealed_item()])
        assert back.status_code == 200 and back.json()["results"][0]["status"] == "stored"
        assert len(listed(hub, database)) == 2
    finally:
        hub.stop()
