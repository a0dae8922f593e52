"""Backups that bring a hub back: `kiosk-hub backup` of the SQLite default taken while kiosks
are sending, and PostgreSQL's pg_dump / pg_restore (the commands of docs/deployment.md); a
hub started on either serves the same requests and stores new ones."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pg_cluster
import pytest
import requests
from hub_items import post_items, sealed_item
from running_hub import RunningHub
from test_hub_on_postgres import database, listed, postgres  # noqa: F401  (fixtures)

from offline_cache.protocol import reference_for, tracking_url

pytestmark = pytest.mark.slow
DEPLOYMENT = Path(__file__).resolve().parents[2] / "docs" / "deployment.md"
needs_postgres = pytest.mark.skipif(not pg_cluster.available() and not os.environ.get("CI"),
                                    reason="PostgreSQL 15 is not installed (./dev.sh does)")


def hub_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def tracked_state(hub: RunningHub, item_id: str) -> int:
    return requests.get(tracking_url(hub.url, item_id, reference_for(item_id)),
                        timeout=10).status_code


def serves_the_same_requests(hub: RunningHub, env: dict, expected: set[str]) -> None:
    """Listed, tracked, a repeat still a duplicate, and a new request stored."""
    assert {row["uuid"] for row in listed(hub, env)} == expected
    some = sorted(expected)[0]
    assert tracked_state(hub, some) == 200
    [repeat] = post_items(hub.url, [sealed_item(item_id=some)]).json()["results"]
    assert repeat["status"] == "duplicate"
    [fresh] = post_items(hub.url, [sealed_item()]).json()["results"]
    assert fresh["status"] == "stored"
    assert len(listed(hub, env)) == len(expected) + 1


def test_a_backup_taken_while_kiosks_send_starts_a_hub_with_the_same_requests(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    hub.start()
    acknowledged: list[str] = []
    sending = threading.Event()
    sending.set()

    def kiosks() -> None:
        while sending.is_set():
            batch = [sealed_item() for _ in range(10)]
            answer = post_items(hub.url, batch).json()["results"]
            assert {r["status"] for r in answer} == {"stored"}
            acknowledged.extend(item["uuid"] for item in batch)

    sender = threading.Thread(target=kiosks)
    backup = tmp_path / "backups" / "hub-backup.sqlite3"
    backup.parent.mkdir()
    backup.write_bytes(b"yesterday's backup")
    try:
        for item in [sealed_item() for _ in range(20)]:
            post_items(hub.url, [item])
            acknowledged.append(item["uuid"])
        sender.start()
        before = set(acknowledged)
        done = hub_cli("backup", str(backup), "--data-dir", str(hub.data_dir))
        assert len(acknowledged) > len(before)  # the kiosks were sending all along
    finally:
        sending.clear()
        sender.join()
        hub.stop()
    everything = set(acknowledged)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Backup of {hub.data_dir / 'hub.sqlite3'} written to "
                                  f"{backup} (")
    assert sorted(p.name for p in backup.parent.iterdir()) == ["hub-backup.sqlite3"]
    assert oct(backup.stat().st_mode & 0o777) == "0o600"

    restored = RunningHub(tmp_path / "restored")
    restored.data_dir.mkdir()
    shutil.copy(backup, restored.data_dir / "hub.sqlite3")  # keys: the demo ones for both
    restored.start()
    try:
        kept = set(restored.uuids())
        assert before <= kept <= everything  # at least what was stored before it began
        assert (len(kept) - 20) % 10 == 0  # one moment: whole batches, never half of one
        assert restored.integrity_check() == "ok"
        serves_the_same_requests(restored, {}, kept)
    finally:
        restored.stop()


def test_backup_names_what_to_do_when_it_cannot(tmp_path):
    empty = tmp_path / "empty"
    line = hub_cli("backup", str(tmp_path / "b.sqlite3"), "--data-dir", str(empty)).stderr
    assert line == (f"kiosk-hub: {empty / 'hub.sqlite3'}: no hub database there yet, nothing "
                    "to back up; check --data-dir\n")
    on_postgres = hub_cli("backup", str(tmp_path / "b"), "--data-dir", str(empty), env={
        "HUB_DATABASE_URL": "postgres://hub:secret@127.0.0.1:9/hub"})
    assert on_postgres.returncode == 1
    assert on_postgres.stderr == ("kiosk-hub: this hub's database is PostgreSQL "
                                  "(HUB_DATABASE_URL): back it up with pg_dump -Fc, as "
                                  "docs/deployment.md says\n")
    assert hub_cli("list", "--data-dir", str(empty)).returncode == 0  # now a database exists
    line = hub_cli("backup", str(tmp_path / "nowhere" / "b"), "--data-dir", str(empty)).stderr
    assert line == f"kiosk-hub: {tmp_path / 'nowhere'}: no such folder; create it or give " \
                   "another DEST\n"


def documented_commands() -> list[str]:
    """The ```sh lines of docs/deployment.md's "Nightly dumps and their restore" section: the
    dump and its restore, as an operator types them (the server named by PGHOST, PGPORT,
    PGUSER). The page's other sections have their own tests."""
    section = re.search(r"^### Nightly dumps and their restore.*?(?=^#)",
                        DEPLOYMENT.read_text("utf-8"), flags=re.M | re.S).group(0)
    blocks = re.findall(r"^```sh\n(.*?)^```$", section, flags=re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


@needs_postgres
def test_pg_dump_then_pg_restore_into_a_fresh_database_serves_the_same_requests(
        tmp_path, postgres, database):  # noqa: F811
    hub = RunningHub(tmp_path / "hub")
    hub.start(env=database)
    try:
        items = [sealed_item() for _ in range(25)]
        for start in range(0, 25, 5):
            post_items(hub.url, items[start:start + 5])
        original = listed(hub, database)
    finally:
        hub.stop()
    operator = {**os.environ, "PATH": f"{pg_cluster.BIN}:/usr/bin:/bin", "PGHOST": "127.0.0.1",
                "PGPORT": str(postgres.port), "PGUSER": "postgres"}
    lines = documented_commands()
    assert [line.split()[0] for line in lines] == ["pg_dump", "createdb", "pg_restore"]
    for line in lines:
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=operator,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (line, done.stderr)

    restored_env = {"HUB_DATABASE_URL": database["HUB_DATABASE_URL"].rsplit("/", 1)[0]
                    + "/hub_restored"}
    restored = RunningHub(tmp_path / "restored")
    restored.start(env=restored_env)
    try:
        assert listed(restored, restored_env) == original  # every field, in the same order
        serves_the_same_requests(restored, restored_env, {item["uuid"] for item in items})
    finally:
        restored.stop()
