"""An IT officer sets a kiosk up, checks it and repairs it from the command line, and never
reads a traceback (issue 11). Every test runs the installed `kiosk` command as a subprocess."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hub.keys import demo_keys_dir

KIOSK = Path(sys.executable).parent / "kiosk"
DEMO_KEYS = demo_keys_dir()  # the hub's demo keys, private halves included


def run(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    """`kiosk ARGS` as an officer types it, with a home of its own (the demo's data folder)."""
    env = {**os.environ, "HOME": str(cwd / "home"), "XDG_DATA_HOME": str(cwd / "home" / "data")}
    env.pop("KIOSK_CONFIG", None)
    result = subprocess.run([str(KIOSK), *args], cwd=cwd, input=stdin, capture_output=True,
                            text=True, env=env, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def site(tmp_path: Path, extra: str = "") -> Path:
    config = tmp_path / "site.toml"
    config.write_text('[storage]\ndata_dir = "data"\n[hub]\nurl = "http://127.0.0.1:9"\n'
                      + extra, encoding="utf-8")
    return config


# -- options wherever they are typed; a missing file is an error ---------------------------

def test_the_config_option_before_the_subcommand_is_used(tmp_path):
    config = site(tmp_path)
    added = run("--config", str(config), "mediator", "add", "Claire", cwd=tmp_path,
                stdin="2468\n2468\n")
    assert added.returncode == 0, added.stderr
    assert (tmp_path / "data" / "mediator" / "mediator.db").exists()
    assert not (tmp_path / "home").exists()  # nothing landed in the demo's data folder
    listed = run("mediator", "list", "--config", str(config), cwd=tmp_path)
    assert listed.stdout.startswith("Claire")


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_missing_config_file_is_always_an_error(tmp_path, where):
    missing = str(tmp_path / "absent.toml")
    args = (["--config", missing, "mediator", "list"] if where == "before"
            else ["mediator", "list", "--config", missing])
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Configuration error:" in result.stderr
    assert "absent.toml: file not found" in result.stderr


# -- every file a setting names is checked at load ------------------------------------------

KEY_CASES = {
    "missing": ("hub.public_key", lambda d: d / "nope.pem", "does not exist"),
    "not PEM": ("hub.public_key", lambda d: d / "site.toml", "not a PEM public key"),
    "the other key": ("hub.public_key", lambda d: DEMO_KEYS / "catalog-ed25519-public.pem",
                      "holds an Ed25519 key"),
    "a private key": ("hub.public_key", lambda d: DEMO_KEYS / "hub-x25519-private.pem",
                      "PRIVATE key"),
    "catalogue key swapped": ("hub.catalog_public_key",
                              lambda d: DEMO_KEYS / "hub-x25519-public.pem",
                              "holds an X25519 key"),
}


@pytest.mark.parametrize("case", sorted(KEY_CASES))
@pytest.mark.parametrize("command", [["outbox", "status"], ["simulate", "--requests", "1"],
                                     ["doctor"], ["config", "check"]])
def test_a_bad_key_file_stops_every_command_with_the_key_named(tmp_path, case, command):
    key, path_of, problem = KEY_CASES[case]
    name = key.split(".")[1]
    config = site(tmp_path)
    config.write_text(config.read_text().replace(
        "[hub]\n", f'[hub]\n{name} = "{path_of(tmp_path)}"\n'), encoding="utf-8")
    result = run(*command, "--config", str(config), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Configuration error: {config}: key '{key}': ")
    assert problem in result.stderr
    assert "use " in result.stderr or "copy " in result.stderr or "Delete" in result.stderr


def test_a_thermal_printer_without_a_device_is_refused_at_load(tmp_path):
    config = site(tmp_path, '[printer]\nkind = "escpos-usb"\n')
    result = run("outbox", "status", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 2
    assert "key 'printer.device' is empty" in result.stderr and "/dev/usb/lp0" in result.stderr


def test_config_check_prints_every_value_with_its_origin(tmp_path):
    config = site(tmp_path, '[site]\nname = "Mairie de Cluny"\n')
    result = run("config", "check", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{config}: ok (every value valid, every file it names usable)"
    assert any(line.startswith('site.name = "Mairie de Cluny"') and line.endswith("# file")
               for line in lines)
    assert any(line.startswith("sync.batch_size = 50") and line.endswith("# default")
               for line in lines)
    [key] = [line for line in lines if line.startswith("hub.public_key")]
    assert "# default; DEMO key" in key and "hub-x25519-public.pem" in key
    [data] = [line for line in lines if line.startswith("storage.data_dir")]
    assert data.endswith(f"# file; {tmp_path / 'data'}")


# -- kiosk doctor ----------------------------------------------------------------------------

def test_doctor_reports_demo_keys_staff_printer_disk_and_catalogue(tmp_path):
    config = site(tmp_path, '[printer]\nkind = "escpos-usb"\ndevice = "/dev/usb/lp7"\n')
    result = run("doctor", "--json", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    checks = {check["check"]: check for check in report["checks"]}
    assert not report["ok"] and report["kiosk_id"] == "borne-demo-01"
    assert not checks["hub.public_key"]["ok"] and "DEMO key" in checks["hub.public_key"]["message"]
    assert not checks["hub.catalog_public_key"]["ok"]
    assert not checks["staff accounts"]["ok"]
    assert "kiosk mediator add NAME" in checks["staff accounts"]["message"]
    assert not checks["printer"]["ok"]
    assert "/dev/usb/lp7 does not exist" in checks["printer"]["message"]
    assert "MB free" in checks["data folder"]["message"]
    assert "in use (shipped)" in checks["catalogue update"]["message"]


def test_doctor_is_content_with_site_keys_and_a_staff_account(tmp_path):
    keys = tmp_path / "keys"
    keys.mkdir()
    for name in ("hub-x25519-public.pem", "catalog-ed25519-public.pem"):
        (keys / name).write_bytes((DEMO_KEYS / name).read_bytes())
    config = site(tmp_path, "")
    config.write_text(config.read_text().replace("[hub]\n", '[hub]\npublic_key = "keys/hub-'
                      'x25519-public.pem"\ncatalog_public_key = "keys/catalog-ed25519-public'
                      '.pem"\n'), encoding="utf-8")
    run("mediator", "add", "Claire", "--config", str(config), cwd=tmp_path,
        stdin="2468\n2468\n")
    result = run("doctor", "--config", str(config), cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert f"ok       hub.public_key: {keys / 'hub-x25519-public.pem'} (X25519 key)" in lines
    assert "ok       staff accounts: 1 active account(s)" in lines
    assert any(line.startswith("ok       printer: none configured") for line in lines)


def test_doctor_tells_a_newer_catalogue_waits_at_the_hub(tmp_path):
    from running_hub import RunningHub

    from kiosk.paths import catalog_dir

    data = json.loads((catalog_dir() / "catalog.json").read_text(encoding="utf-8"))
    data["version"] = "2099.1.1"
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "catalog.json").write_text(json.dumps(data), encoding="utf-8")
    hub = RunningHub(tmp_path / "hub")
    url = hub.start()
    try:
        config = site(tmp_path)
        config.write_text(config.read_text().replace("http://127.0.0.1:9", url))
        result = run("doctor", "--config", str(config), cwd=tmp_path)
    finally:
        hub.stop()
    [line] = [line for line in result.stdout.splitlines() if "catalogue update:" in line]
    assert "a newer one waits at the hub: version 2099.1.1" in line


# -- the queue: looking changes nothing; repairing is its own command -----------------------

def queue_with_rows(tmp_path: Path, config: Path, requests: int = 40) -> Path:
    assert run("simulate", "--requests", str(requests), "--config", str(config),
               cwd=tmp_path).returncode == 0
    return tmp_path / "data" / "outbox.sqlite3"


def damage(path: Path) -> None:
    """Overwrite one page in the middle, as a failing SD card does."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def writer_lock():
    """What the running kiosk holds: the outbox's writer lock."""
    held = []

    def take(outbox: Path) -> None:
        fd = os.open(f"{outbox}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.append(fd)

    yield take
    for fd in held:
        os.close(fd)


@pytest.mark.parametrize("harm", ["page", "not a database", "empty"])
@pytest.mark.parametrize("action", ["status", "list"])
def test_a_damaged_queue_is_named_while_the_kiosk_runs(tmp_path, writer_lock, harm, action):
    config = site(tmp_path)
    outbox = queue_with_rows(tmp_path, config, 5 if harm != "page" else 40)
    writer_lock(outbox)
    {"page": damage, "not a database": lambda p: p.write_bytes(b"PK\x03\x04" * 1024),
     "empty": lambda p: p.write_bytes(b"")}[harm](outbox)
    before = digest(outbox)
    result = run("outbox", action, "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{outbox} is damaged (" in result.stderr
    assert "Nothing was changed" in result.stderr and "kiosk outbox repair" in result.stderr
    assert digest(outbox) == before and not (outbox.parent / "quarantine").exists()


def test_status_and_list_change_nothing_when_the_kiosk_is_stopped(tmp_path):
    config = site(tmp_path)
    outbox = queue_with_rows(tmp_path, config, 3)
    db = sqlite3.connect(outbox)
    db.execute("UPDATE items SET state = 'sending' WHERE seq = 1")  # a crash mid-upload
    db.commit()
    db.close()
    before = digest(outbox)
    for action in ("status", "list"):
        assert run("outbox", action, "--config", str(config), cwd=tmp_path).returncode == 0
    assert digest(outbox) == before
    db = sqlite3.connect(f"file:{outbox}?mode=ro", uri=True)
    assert db.execute("SELECT state FROM items WHERE seq = 1").fetchone() == ("sending",)
    db.close()


def test_repair_keeps_the_damaged_file_and_recovers_the_readable_rows(tmp_path):
    config = site(tmp_path)
    outbox = queue_with_rows(tmp_path, config, 40)
    damage(outbox)
    damaged = digest(outbox)
    result = run("outbox", "repair", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{outbox} was damaged (" in result.stdout
    [kept] = (outbox.parent / "quarantine").glob("outbox.sqlite3.*/outbox.sqlite3")
    assert digest(kept) == damaged
    recovered = int(result.stdout.split(" readable row(s)")[0].rsplit(" ", 1)[1])
    status = run("outbox", "status", "--json", "--config", str(config), cwd=tmp_path)
    counts = json.loads(status.stdout)["counts"]
    assert 0 < counts["pending"] < 40 and recovered >= counts["pending"]
    again = run("outbox", "repair", "--config", str(config), cwd=tmp_path)
    assert again.returncode == 0 and "is sound: nothing to repair" in again.stdout


def test_repair_waits_for_the_kiosk_to_stop(tmp_path, writer_lock):
    config = site(tmp_path)
    outbox = queue_with_rows(tmp_path, config, 2)
    writer_lock(outbox)
    result = run("outbox", "repair", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1 and "Stop the kiosk first" in result.stderr


def test_the_python_sqlite_is_the_systems_own():
    """The repair runs on the SQLite the kiosk links to: Debian 12's 3.40.1 here, where the
    `sqlite3 .recover` step once documented fails."""
    assert sqlite3.sqlite_version_info >= (3, 40, 1)
