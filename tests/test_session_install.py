"""`kiosk install-session` / `uninstall-session` into a throw-away Debian-shaped root: the user,
the unit as systemd reads it (systemd-analyze verify), the boot symlink, idempotence, and an
uninstall that leaves the machine as it found it.

PID 1 here is not systemd: the unit is checked by systemd's own parser and `systemctl --root`
(which only writes symlinks), never started; tests/test_cage_session.py runs what it starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from session_root import (
    BUNDLE,
    ROOT_ONLY,
    debian_root,
    group_members,
    passwd_entry,
    tree_state,
    unit_entries,
)

from kiosk.system.exit_codes import RESTART_REQUESTED, STOPPED_BY_STAFF

pytestmark = ROOT_ONLY
UNIT = "etc/systemd/system/borne-kiosk.service"
BOOT_LINK = "etc/systemd/system/multi-user.target.wants/borne-kiosk.service"
SESSION_SCRIPT = "usr/local/lib/borne-kiosk/kiosk-session"
SHIPPED = Path(__file__).resolve().parent.parent / "assets" / "system"
ACCOUNT_FILES = {f"etc/{name}{backup}" for name in ("passwd", "group", "shadow", "gshadow")
                 for backup in ("", "-")}


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=120)


def install(root: Path, *options: str) -> subprocess.CompletedProcess:
    done = kiosk("install-session", "--root", str(root), "--bundle", BUNDLE, *options)
    assert done.returncode == 0, done.stderr
    return done


def without(state: dict, paths: set[str]) -> dict:
    return {path: what for path, what in state.items() if path not in paths}


@pytest.fixture
def root(tmp_path) -> Path:
    return debian_root(tmp_path / "root")


def test_install_writes_a_unit_that_runs_the_kiosk_in_cage_at_boot_as_its_own_user(root):
    done = install(root, "--watchdog-sec", "20")
    unit = unit_entries((root / UNIT).read_text("utf-8"))
    assert unit["Service.ExecStart"] == [
        f"/{SESSION_SCRIPT} {BUNDLE}/kiosk run --config /etc/borne-kiosk/kiosk.toml"]
    assert unit["Service.Type"] == ["notify"] and unit["Service.NotifyAccess"] == ["all"]
    assert unit["Service.WatchdogSec"] == ["20"]
    assert unit["Service.User"] == ["borne"]
    # The exit-status contract: a stop by staff stays stopped, a planned restart is no failure.
    assert unit["Service.Restart"] == ["always"]
    assert unit["Service.RestartPreventExitStatus"] == [str(STOPPED_BY_STAFF)]
    assert unit["Service.SuccessExitStatus"] == [str(RESTART_REQUESTED)]
    # Its own logind session on tty1, in place of the console's login prompt.
    assert unit["Service.PAMName"] == ["login"] and unit["Service.TTYPath"] == ["/dev/tty1"]
    assert unit["Unit.Conflicts"] == ["getty@tty1.service"]
    assert unit["Unit.OnSuccess"] == ["getty@tty1.service"]  # a staff stop: the prompt is back
    assert (root / BOOT_LINK).readlink() == Path("/" + UNIT)
    session = (root / SESSION_SCRIPT).read_text("utf-8")
    assert session == (SHIPPED / "kiosk-session").read_text("utf-8")  # what test_cage_session runs
    [cage_line] = [line for line in session.splitlines() if line.startswith("cage ")]
    assert cage_line.split(" -- ")[0] == "cage -d"  # no decorations; no -s: no VT switching
    assert os.access(root / SESSION_SCRIPT, os.X_OK)
    assert "created the system user borne" in done.stdout


def test_the_kiosk_user_is_a_system_account_that_cannot_log_in(root):
    install(root)
    _, _, uid, gid, _, home, shell = passwd_entry(root, "borne")
    assert int(uid) < 1000 and home == "/var/lib/borne" and shell == "/usr/sbin/nologin"
    assert (root / "var/lib/borne").stat().st_uid == int(uid)
    config = (root / "etc/borne-kiosk/kiosk.toml").stat()  # it holds the hub token
    assert (config.st_gid, config.st_mode & 0o777) == (int(gid), 0o640)
    for group in ("video", "audio"):  # the groups this machine has of video/render/input/audio
        assert "borne" in group_members(root, group), group


def test_systemd_reads_the_installed_unit_without_a_warning(root):
    install(root)
    verify = subprocess.run(["systemd-analyze", "verify", f"--root={root}",
                             "borne-kiosk.service"], capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0 and verify.stderr == "", verify.stderr


def test_systemd_analyze_verify_does_flag_a_unit_it_cannot_read(root):
    """The check above can fail: a wrong value in the same unit is reported."""
    install(root)
    unit = root / UNIT
    unit.write_text(unit.read_text("utf-8").replace("WatchdogSec=30", "WatchdogSec=soon"))
    verify = subprocess.run(["systemd-analyze", "verify", f"--root={root}",
                             "borne-kiosk.service"], capture_output=True, text=True, timeout=60)
    assert "Failed to parse sec value" in verify.stderr


def test_a_second_install_changes_nothing(root):
    install(root)
    before = tree_state(root)
    again = install(root)
    assert again.stdout == "nothing to change: already as asked\n"
    assert tree_state(root) == before


def test_installing_again_with_another_option_rewrites_only_the_unit(root):
    install(root)
    before = tree_state(root)
    again = install(root, "--watchdog-sec", "60")
    after = tree_state(root)
    assert again.stdout.splitlines()[0] == f"wrote /{UNIT}"
    assert {path for path in after if after[path] != before.get(path)} == {UNIT}
    assert unit_entries((root / UNIT).read_text("utf-8"))["Service.WatchdogSec"] == ["60"]


def test_uninstall_with_purge_leaves_the_machine_as_it_was(root):
    before = tree_state(root)
    install(root)
    done = kiosk("uninstall-session", "--root", str(root), "--purge")
    assert done.returncode == 0, done.stderr
    after = tree_state(root)
    # The account files are rewritten (and backed up in their usual `-` copies) by useradd
    # and userdel: they must hold the same lines again; every other path is as it was.
    assert without(after, ACCOUNT_FILES) == without(before, ACCOUNT_FILES)
    for name in ("passwd", "group", "shadow", "gshadow"):
        assert (root / "etc" / name).read_bytes() == before[f"etc/{name}"][4], name
    assert "deleted /var/lib/borne" in done.stdout


def test_uninstall_keeps_the_kiosk_data_unless_purged(root):
    install(root)
    (root / "var/lib/borne/queue.sqlite3").write_bytes(b"requests not sent yet")
    done = kiosk("uninstall-session", "--root", str(root))
    assert passwd_entry(root, "borne") is None
    assert not (root / UNIT).exists() and not (root / BOOT_LINK).exists()
    assert (root / "var/lib/borne/queue.sqlite3").exists()
    assert "kept /var/lib/borne: the kiosk's data" in done.stdout


def test_a_user_the_machine_already_had_is_used_and_never_removed(root):
    subprocess.run(["useradd", "--prefix", str(root), "--system", "borne"], check=True)
    done = install(root)
    assert "created the system user" not in done.stdout
    kiosk("uninstall-session", "--root", str(root), "--purge")
    assert passwd_entry(root, "borne") is not None


@pytest.mark.parametrize(("broken", "message"), [
    ("usr/bin/cage", "/usr/bin/cage: not found; run `apt-get install cage` first"),
    ("etc/borne-kiosk/kiosk.toml", "etc/borne-kiosk/kiosk.toml: file not found"),
])
def test_an_install_that_could_not_start_says_what_to_do_and_writes_nothing(root, broken,
                                                                              message):
    (root / broken).unlink()
    before = tree_state(root)
    done = kiosk("install-session", "--root", str(root), "--bundle", BUNDLE)
    assert done.returncode in (1, 2) and message in done.stderr
    assert "Traceback" not in done.stderr
    assert tree_state(root) == before


def test_another_user_name_is_the_unit_s_user_and_its_home(root):
    install(root, "--user", "kiosque")
    assert unit_entries((root / UNIT).read_text("utf-8"))["Service.User"] == ["kiosque"]
    assert passwd_entry(root, "kiosque")[5] == "/var/lib/kiosque"
    assert passwd_entry(root, "borne") is None


def test_every_user_an_install_made_is_removed_by_the_uninstall(root):
    install(root)
    install(root, "--user", "kiosque")  # the site changed its mind
    kiosk("uninstall-session", "--root", str(root), "--purge")
    assert passwd_entry(root, "borne") is None and passwd_entry(root, "kiosque") is None
