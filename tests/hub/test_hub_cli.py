"""`kiosk-hub` for the IT officer: every mistake is one line naming the thing, never a
traceback; serve starts on any free port, says so, and stops cleanly on SIGTERM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import hub_database
import pytest
from running_hub import RunningHub

from kiosk.local_hub import HubUnavailable


def hub_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          timeout=120, env=hub_database.cli_env(args, env))


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_port_already_in_use_is_named_with_what_to_do(running_hub, tmp_path):
    port = running_hub.url.rsplit(":", 1)[1]
    line = one_line_error(hub_cli("serve", "--data-dir", str(tmp_path / "other"),
                                  "--port", port))
    assert line.startswith(f"kiosk-hub: port {port} on 127.0.0.1 is already in use")
    assert "--port" in line


def test_the_local_hub_helper_reports_the_hubs_own_words(running_hub, tmp_path):
    port = int(running_hub.url.rsplit(":", 1)[1])
    with pytest.raises(HubUnavailable, match="already in use"):
        RunningHub(tmp_path / "other").start(port=port)


def test_a_data_folder_that_cannot_be_used_is_named(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    line = one_line_error(hub_cli("list", "--data-dir", str(blocker / "hub")))
    assert line.startswith(f"kiosk-hub: hub data folder {blocker / 'hub'} cannot be used")


def test_a_database_url_that_is_not_one_says_what_is_expected(tmp_path):
    line = one_line_error(hub_cli("list", "--data-dir", str(tmp_path),
                                  env={"HUB_DATABASE_URL": "nonsense://somewhere"}))
    assert line.startswith("kiosk-hub: HUB_DATABASE_URL is not understood")
    assert "postgres://user:password@host:5432/hub" in line


def test_a_database_that_does_not_answer_is_named(tmp_path):
    line = one_line_error(hub_cli(
        "serve", "--data-dir", str(tmp_path), "--port", "0",
        env={"HUB_DATABASE_URL": "postgres://hub:secret@127.0.0.1:9/hub"}))
    assert line.startswith("kiosk-hub: database 127.0.0.1:9/hub (HUB_DATABASE_URL) cannot be "
                           "used")
    assert "secret" not in line


def test_missing_files_are_named(tmp_path):
    missing = tmp_path / "nowhere.kiosk-export.jsonl"
    line = one_line_error(hub_cli("import", str(missing), "--data-dir", str(tmp_path)))
    assert line == (f"kiosk-hub: {missing}: no such file or folder; give a `kiosk outbox "
                    "export` file or the folder holding them")
    line = one_line_error(hub_cli("takeover", str(tmp_path / "old"), "--data-dir",
                                  str(tmp_path)))
    assert line.startswith(f"kiosk-hub: {tmp_path / 'old'}: no such file; give the old hub's")
    bad = tmp_path / "bad.kiosk-export.jsonl"
    bad.write_text("hello\n")
    line = one_line_error(hub_cli("import", str(bad), "--data-dir", str(tmp_path)))
    assert line.startswith(f"kiosk-hub: {bad}: not a readable outbox export")


def test_keys_and_token_files_are_never_overwritten(tmp_path):
    assert hub_cli("keygen", str(tmp_path / "keys")).returncode == 0
    line = one_line_error(hub_cli("keygen", str(tmp_path / "keys")))
    assert "refusing to overwrite a key" in line
    (tmp_path / "token").write_text("keep me")
    line = one_line_error(hub_cli("token", "create", "borne-1", "--to-file",
                                  str(tmp_path / "token"), "--data-dir", str(tmp_path)))
    assert line.startswith(f"kiosk-hub: {tmp_path / 'token'} exists; refusing to overwrite")
    assert (tmp_path / "token").read_text() == "keep me"


def test_sigterm_stops_the_hub_cleanly(tmp_path):
    hub = RunningHub(tmp_path / "hub")
    hub.start()
    running = hub.process
    hub.stop()
    assert running.process.returncode == 0
    assert not any("Traceback" in line for line in running.output)


def test_data_dir_may_come_before_the_command(tmp_path):
    done = hub_cli("--data-dir", str(tmp_path / "hub"), "list", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "hub" / "secret_key").exists()  # made in the data folder at first use


def test_the_first_administrator_is_made_through_djangos_own_command(tmp_path):
    made = hub_cli("manage", "createsuperuser", "--noinput", "--username", "admin",
                   "--email", "informatique@mairie.example", "--data-dir", str(tmp_path),
                   env={"DJANGO_SUPERUSER_PASSWORD": "une phrase de passe assez longue"})
    assert made.returncode == 0, made.stderr
    assert "Superuser created successfully." in made.stdout
    again = hub_cli("--data-dir", str(tmp_path), "manage", "createsuperuser", "--noinput",
                    "--username", "admin", "--email", "x@y.example",
                    env={"DJANGO_SUPERUSER_PASSWORD": "une phrase de passe assez longue"})
    assert again.returncode != 0 and "Traceback" not in again.stderr
    assert "already taken" in again.stderr


def test_every_command_is_in_the_it_officers_guide():
    from hub.cli import _parser

    guide = (Path(__file__).resolve().parents[2] / "docs" / "backoffice.md").read_text("utf-8")
    action = next(a for a in _parser()._actions if a.dest == "command")
    missing = [name for name in action.choices if f"`kiosk-hub {name}" not in guide]
    assert not missing, missing
