"""The hub on loopback (its own process): one row per UUID, tokens, USB imports, CLI."""

from __future__ import annotations

import base64
import gzip
import json
import subprocess
import sys
import uuid
from pathlib import Path

import hub_database
import pytest
import requests

from hub.keys import demo_keys_dir, generate_keys, load_keys
from offline_cache.envelope import load_public_key, seal

PUBLIC = load_public_key((demo_keys_dir() / "hub-x25519-public.pem").read_bytes())
AUTH = {"Authorization": "Bearer demo-token", "X-Kiosk-Id": "borne-test-02"}


def _item(content: dict, item_id: str | None = None) -> dict:
    item_id = item_id or str(uuid.uuid4())
    sealed = seal(PUBLIC, json.dumps(content).encode(), item_id.encode())
    return {"uuid": item_id, "service": "acte-naissance", "routing": "etat-civil",
            "created_at": "2024-06-01T10:00:00+00:00",
            "payload": base64.b64encode(sealed).decode()}


@pytest.fixture
def hub(running_hub):
    return running_hub


def _post(url, items, headers=AUTH):
    body = gzip.compress(json.dumps({"protocol": 1, "items": items}).encode())
    return requests.post(f"{url}/v1/submissions", data=body, timeout=10, headers={
        **headers, "Content-Encoding": "gzip", "Content-Type": "application/json"})


def test_each_uuid_is_stored_once_and_a_repeat_is_answered_duplicate(hub):
    items = [_item({"n": n}) for n in range(3)]
    first = _post(hub.url, items).json()["results"]
    second = _post(hub.url, [*items, _item({"n": 9})]).json()["results"]
    assert [r["status"] for r in first] == ["stored"] * 3
    assert [r["status"] for r in second] == ["duplicate"] * 3 + ["stored"]
    assert hub.count() == 4
    assert [r["uuid"] for r in first] == [i["uuid"] for i in items]


def test_an_item_that_does_not_open_with_the_hub_key_is_rejected_alone(hub):
    good, bad = _item({"n": 1}), _item({"n": 2})
    bad["payload"] = good["payload"]  # sealed for another UUID
    results = _post(hub.url, [good, bad, {"uuid": "not-a-uuid"}]).json()["results"]
    assert [r["status"] for r in results] == ["stored", "rejected", "rejected"]
    assert "does not open" in results[1]["reason"]


def test_an_unknown_token_or_a_token_for_another_kiosk_is_refused(hub, tmp_path):
    made = _hub_cli("token", "create", "borne-a", "--to-file", str(tmp_path / "tok-a"),
                    "--data-dir", str(hub.data_dir))
    assert made.returncode == 0, made.stderr
    token = (tmp_path / "tok-a").read_text().strip()
    assert _post(hub.url, [_item({})], {"Authorization": "Bearer nope"}).status_code == 401
    wrong_kiosk = {"Authorization": f"Bearer {token}", "X-Kiosk-Id": "borne-b"}
    assert _post(hub.url, [_item({})], wrong_kiosk).status_code == 401
    right = {"Authorization": f"Bearer {token}", "X-Kiosk-Id": "borne-a"}
    assert _post(hub.url, [_item({})], right).status_code == 200


def test_a_heartbeat_is_recorded_and_answered_in_protocol(hub):
    answer = requests.post(hub.url + "/v1/heartbeat", json={"counts": {"pending": 2}},
                           headers=AUTH, timeout=10)
    assert answer.json() == {"protocol": 1, "ok": True, "states": []}
    assert hub.heartbeats()[0]["kiosk_id"] == "borne-test-02"


def test_a_zip_bomb_or_garbage_body_is_refused_without_storing(hub):
    bomb = gzip.compress(b"[" + b" " * (20 * 1024 * 1024) + b"]")
    answer = requests.post(hub.url + "/v1/submissions", data=bomb, timeout=10, headers={
        **AUTH, "Content-Encoding": "gzip"})
    assert answer.status_code == 413
    assert _post(hub.url, "not a list").status_code == 400
    assert hub.count() == 0


def test_keys_made_by_keygen_replace_the_demo_keys(tmp_path):
    generate_keys(tmp_path / "hub" / "keys")
    keys = load_keys(tmp_path / "hub" / "keys")
    assert not keys.is_demo
    assert load_keys(tmp_path / "elsewhere").is_demo
    with pytest.raises(FileExistsError):
        generate_keys(tmp_path / "hub" / "keys")


def _hub_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True,
                          text=True, timeout=120, env=hub_database.cli_env(args))


def _kiosk(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(config)],
                          capture_output=True, text=True, timeout=120,
                          env=hub_database.cli_env(args))


def test_a_usb_export_imports_once_even_twice_and_alongside_the_network(hub, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
                      f'[hub]\nurl = "{hub.url}"\n', encoding="utf-8")
    simulated = _kiosk(config, "simulate", "--requests", "6", "--seed", "3")
    assert simulated.returncode == 0, simulated.stderr
    status = json.loads(_kiosk(config, "outbox", "status", "--json").stdout)
    assert status["counts"]["pending"] == 6
    assert _kiosk(config, "outbox", "export", str(tmp_path / "usb")).returncode == 0
    synced = _kiosk(config, "outbox", "sync")
    assert "sent 6" in synced.stdout, synced.stderr
    hub.stop()  # import works on the hub's files while it is stopped
    imported = _kiosk(config, "hub", "import", str(tmp_path / "usb"), "--data-dir",
                      str(tmp_path / "hub"))
    assert imported.stdout.strip() == "duplicate 6", imported.stderr
    listed = _kiosk(config, "hub", "list", "--data-dir", str(tmp_path / "hub"))
    assert "6 request(s) received" in listed.stdout


def test_outbox_status_json_while_the_kiosk_holds_the_outbox(tmp_path):
    from kiosk.config import validate
    from kiosk.outbox_service import OutboxService

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    running = OutboxService.from_config(validate(
        {"storage": {"data_dir": str(tmp_path / "data")}}, config))
    running.enqueue("acte-naissance", "etat-civil", {"nom": "Dupont"})
    try:
        status = _kiosk(config, "outbox", "status", "--json")
        assert json.loads(status.stdout)["counts"]["pending"] == 1
        refused = _kiosk(config, "outbox", "sync")
        assert refused.returncode == 1 and "kiosk running" in refused.stderr
    finally:
        running.close()


def test_the_command_line_spells_the_outbox_states_as_the_outbox_does():
    from kiosk.cli.outbox_cmd import STATES
    from offline_cache.outbox import ItemState

    assert tuple(state.value for state in ItemState) == STATES
