"""What borne-kiosk.service starts, run for real: its ExecStart= and Environment= (as
`kiosk install-session` writes them) inside cage on the headless backend, the kiosk a real
Wayland client, its screen taken by grim and checked as a citizen would see it; and the
kiosk's exit status reaching systemd through cage, which 0.1.4 does not pass on by itself.

What systemd adds on a real kiosk (the logind session on tty1, the notify socket and the
watchdog, the restarts) cannot run here, PID 1 being no systemd; tests/test_session_install.py
checks those lines of the unit with systemd's own parser.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from cage_headless import (
    HEADLESS_SIZE,
    HeadlessSession,
    needs_cage,
    run_session,
    session_env,
    share_of,
    unprivileged,
)
from PIL import Image
from session_root import DEMO_CONFIG, unit_entries, unit_environment

from kiosk.system import install
from kiosk.system.exit_codes import RESTART_REQUESTED, STOPPED_BY_STAFF
from ui.theme import STANDARD

TITLE_BAR = (0, 0, HEADLESS_SIZE[0], 40)  # where Qt would draw a title bar and a close button


def unit_for(config: Path) -> dict[str, list[str]]:
    kiosk = str(Path(sys.executable).with_name("kiosk"))
    return unit_entries(install.unit_text(install.SessionOptions(
        root=Path("/"), kiosk=kiosk, config=str(config))))


def site_config(folder: Path) -> Path:
    """The demo's file as a site would set it for the kiosk PC: full screen, its own data."""
    text = DEMO_CONFIG.read_text("utf-8").replace("fullscreen = false", "fullscreen = true")
    text = text.replace('data_dir = ""', f'data_dir = "{folder / "data"}"')
    assert "fullscreen = true" in text and str(folder / "data") in text
    path = folder / "kiosk.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return session_env(tmp_path, unit_environment(unit_for(tmp_path / "kiosk.toml")))


@needs_cage
def test_cage_alone_loses_the_kiosk_exit_status(env):
    """Why the unit runs kiosk-session: Debian 12's cage exits 0 after a client that
    asked for a restart (this fails once Debian ships a cage that passes it through)."""
    done = subprocess.run(unprivileged(["cage", "--", "/bin/sh", "-c",
                                        f"exit {RESTART_REQUESTED}"]),
                          env=env, capture_output=True, timeout=60)
    assert done.returncode == 0


@needs_cage
@pytest.mark.parametrize("status", [STOPPED_BY_STAFF, RESTART_REQUESTED, 1])
def test_the_session_exits_with_the_kiosk_status_for_systemd_to_read(env, status):
    done = run_session(["/bin/sh", "-c", f"exit {status}"], env)
    assert done.returncode == status, done.stderr


@needs_cage
def test_a_kiosk_killed_by_a_signal_is_a_failure_systemd_restarts(env):
    done = run_session(["/bin/sh", "-c", "kill -KILL $$"], env)
    assert done.returncode == 128 + 9, done.stderr


@needs_cage
def test_a_session_whose_kiosk_never_reports_is_a_failure(env):
    """The kiosk's reporting shell itself gone (killed with it): not mistaken for a stop."""
    done = run_session(["/bin/sh", "-c", "kill -KILL $PPID"], env)
    assert done.returncode not in (STOPPED_BY_STAFF, RESTART_REQUESTED)
    assert "did not report its exit status" in done.stderr


def attract_screen_shown(image) -> bool:
    return (image.size == HEADLESS_SIZE and share_of(image, STANDARD.background) > 0.6
            and share_of(image, STANDARD.primary) > 0.05)


@needs_cage
def test_the_unit_command_shows_the_attract_screen_full_screen_without_decorations(
        tmp_path, env, record_property):
    config = site_config(tmp_path)
    [exec_start] = unit_for(config)["Service.ExecStart"]
    command = shlex.split(exec_start)[1:]  # the kiosk and its arguments, after the script
    shot = tmp_path / "attract.png"
    with HeadlessSession(command, env, tmp_path / "session.log") as session:
        seconds = session.wait_for(shot, attract_screen_shown)
    # SIGTERM to every process, as `systemctl stop` does to the unit's cgroup: none stays.
    assert not session.leftovers()
    record_property("cage_start_to_attract_screen_s", round(seconds, 2))
    print(f"cage start to attract screen in the screenshot: {seconds:.2f} s")
    with Image.open(shot) as image:
        image = image.convert("RGB")
        assert image.size == HEADLESS_SIZE  # the whole output: full screen
        assert share_of(image, STANDARD.background, TITLE_BAR) > 0.99  # no title bar drawn
        # The start button's blue, low on the screen, across most of its width.
        assert share_of(image, STANDARD.primary, (0, 560, 1280, 720)) > 0.3
