"""Kiosk tokens: made by `kiosk-hub token`, stored hashed, revocable; the demo token only on
the demo keys."""

from __future__ import annotations

import hashlib
import stat
import subprocess
import sys

import hub_database
from hub_items import post_items, sealed_item
from running_hub import RunningHub

from hub.keys import SEAL_PUBLIC, generate_keys
from offline_cache.envelope import load_public_key


def hub_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          timeout=120, env=hub_database.cli_env(args))


def make_token(hub: RunningHub, kiosk_id: str, tmp_path, label: str = "") -> str:
    file = tmp_path / f"{kiosk_id}-{label}.token"
    made = hub_cli("token", "create", kiosk_id, "--label", label, "--to-file", str(file),
                   "--data-dir", str(hub.data_dir))
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    return file.read_text().strip()


def bearer(token: str, kiosk_id: str = "") -> dict:
    return {"Authorization": f"Bearer {token}", "X-Kiosk-Id": kiosk_id}


def test_a_token_is_stored_only_as_its_hash_and_works_with_or_without_the_kiosk_id(
        running_hub, tmp_path):
    token = make_token(running_hub, "borne-mairie-01", tmp_path)
    [(stored,)] = running_hub.read("SELECT token_hash FROM fleet_kiosktoken")
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in running_hub.everything_held()
    assert post_items(running_hub.url, [sealed_item()], bearer(token, "borne-mairie-01")) \
        .status_code == 200
    assert post_items(running_hub.url, [sealed_item()], bearer(token)).status_code == 200
    assert {row["kiosk_id"] for row in running_hub.submissions()} == {"borne-mairie-01"}
    listed = hub_cli("token", "list", "--data-dir", str(running_hub.data_dir)).stdout
    assert "never used" not in listed and "active" in listed


def test_printing_a_new_token_shows_it_once_and_the_list_never_shows_it(running_hub):
    printed = hub_cli("token", "create", "borne-02", "--label", "accueil",
                      "--data-dir", str(running_hub.data_dir))
    token = printed.stdout.splitlines()[0]
    assert len(token) >= 40 and "shown once" in printed.stdout
    listed = hub_cli("token", "list", "--data-dir", str(running_hub.data_dir)).stdout
    assert "borne-02" in listed and "accueil" in listed and token not in listed


def test_a_revoked_token_is_refused_and_the_kiosks_other_token_still_works(running_hub,
                                                                            tmp_path):
    old = make_token(running_hub, "borne-03", tmp_path, label="ancien")
    new = make_token(running_hub, "borne-03", tmp_path, label="nouveau")
    revoked = hub_cli("token", "revoke", "borne-03", "--label", "ancien",
                      "--data-dir", str(running_hub.data_dir))
    assert revoked.stdout.strip() == "1 token(s) of borne-03 revoked", revoked.stderr
    assert post_items(running_hub.url, [sealed_item()], bearer(old)).status_code == 401
    assert post_items(running_hub.url, [sealed_item()], bearer(new)).status_code == 200
    again = hub_cli("token", "revoke", "borne-03", "--label", "ancien",
                    "--data-dir", str(running_hub.data_dir))
    assert again.returncode == 1
    assert again.stderr.strip() == ("kiosk-hub: no active token for kiosk borne-03 with "
                                    "label 'ancien'")


def test_the_demo_token_works_on_the_demo_keys_for_any_kiosk_and_makes_its_row(running_hub):
    for kiosk_id in ("borne-a", "borne-b"):
        answer = post_items(running_hub.url, [sealed_item()], bearer("demo-token", kiosk_id))
        assert answer.json()["results"][0]["status"] == "stored"
    assert {row["kiosk_id"] for row in running_hub.submissions()} == {"borne-a", "borne-b"}


def test_a_hub_with_its_own_keys_refuses_the_demo_token(tmp_path):
    generate_keys(tmp_path / "hub" / "keys")
    hub = RunningHub(tmp_path / "hub")
    hub.start()
    try:
        assert not any("DEMO KEYS" in line for line in hub.process.output)
        own_key = load_public_key((tmp_path / "hub" / "keys" / SEAL_PUBLIC).read_bytes())
        refused = post_items(hub.url, [sealed_item(public=own_key)],
                             bearer("demo-token", "borne-a"))
        assert refused.status_code == 401
        assert refused.json() == {"error": "the demo token is refused by a hub with its own "
                                           "keys"}
        token = make_token(hub, "borne-a", tmp_path)
        item = sealed_item(public=own_key)
        stored = post_items(hub.url, [item, sealed_item()], bearer(token, "borne-a")).json()
        assert [r["status"] for r in stored["results"]] == ["stored", "rejected"]
        assert stored["results"][1]["reason"].startswith("payload does not open")
    finally:
        hub.stop()


def test_the_demo_hub_warns_loudly_at_start(running_hub):
    assert any(line.startswith("WARNING: this hub runs on the PUBLIC DEMO KEYS")
               for line in running_hub.process.output)


def test_a_token_of_one_kiosk_cannot_speak_for_another(running_hub, tmp_path):
    token = make_token(running_hub, "borne-x", tmp_path)
    answer = post_items(running_hub.url, [sealed_item()], bearer(token, "borne-y"))
    assert answer.status_code == 401
    assert running_hub.count() == 0
