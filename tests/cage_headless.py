"""cage on wlroots' headless backend, started as the kiosk's unit starts it, and grim to take
its screen: the kiosk as a real Wayland client with no monitor, GPU or input device.

cage refuses to start as root (it checks that it could not take root back after dropping it).
As root, as CI runs, the session is started in a user namespace where this process is
`nobody`: cage is then content, and the files it opens are still read with this process's
own rights on disk (the checkout, the venv under /root).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from kiosk.system import install

SESSION_SCRIPT = Path(install.__file__).resolve().parents[2] / "assets/system/kiosk-session"
HEADLESS = {"WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
HEADLESS_SIZE = (1280, 720)  # wlroots' headless output
needs_cage = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("cage", "grim", "Xwayland")),
    reason="cage, grim and xwayland are not installed (./dev.sh installs them)")


def unprivileged(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["unshare", "--user", "--map-user=65534", "--map-group=65534", *command]


def session_env(folder: Path, unit_environment: dict[str, str]) -> dict[str, str]:
    """What systemd and logind give the unit's process, with the headless backend: a
    runtime folder of its own (0700), its RuntimeDirectory=, a home, the unit's
    Environment= lines; nothing from this test process (no offscreen Qt, no display)."""
    runtime = folder / "run"
    (runtime / "borne-kiosk").mkdir(parents=True)
    runtime.chmod(0o700)
    (folder / "home").mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(folder / "home"), "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(runtime), "RUNTIME_DIRECTORY": str(runtime / "borne-kiosk"),
            **HEADLESS, **unit_environment}


def run_session(command: list[str], env: dict[str, str], timeout: float = 60):
    """The session script with `command` as its kiosk, to its end."""
    return subprocess.run(unprivileged([str(SESSION_SCRIPT), *command]), env=env,
                          capture_output=True, text=True, timeout=timeout)


class HeadlessSession:
    """The session script running the kiosk in cage, stopped (with all it started) on exit."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log.open("w")
        self.started = time.monotonic()
        self.process = subprocess.Popen(unprivileged([str(SESSION_SCRIPT), *command]),
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    def screenshot(self, path: Path) -> bool:
        """grim through cage's screencopy; False while cage has no socket yet."""
        display = Path(self.env["XDG_RUNTIME_DIR"]) / "wayland-0"
        if not display.exists():
            return False
        done = subprocess.run(["grim", str(path)], capture_output=True, timeout=20,
                              env={**self.env, "WAYLAND_DISPLAY": "wayland-0"})
        return done.returncode == 0

    def wait_for(self, path: Path, shows, timeout: float = 90) -> float:
        """Seconds from the start until a screenshot for which `shows(image)` is true."""
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the session ended: {self.log.name}"
            if self.screenshot(path):
                with Image.open(path) as image:
                    if shows(image.convert("RGB")):
                        return time.monotonic() - self.started
            time.sleep(0.2)
        raise AssertionError(f"not shown within {timeout} s; last screenshot {path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.log.close()

    def leftovers(self, wait: float = 10) -> bool:
        """Whether any process of the session (cage, Xwayland, the kiosk) is still there."""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return False
            time.sleep(0.1)
        return True

    def __enter__(self) -> HeadlessSession:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def share_of(image: Image.Image, colour: str, box: tuple[int, int, int, int] | None = None,
             tolerance: int = 3) -> float:
    """The share of pixels (in `box`) within `tolerance` of `colour` ("#RRGGBB")."""
    part = image.crop(box) if box else image
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    close = sum(count for pixel, count in _colour_counts(part)
                if all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True)))
    return close / (part.width * part.height)


def _colour_counts(image: Image.Image):
    return [(pixel, count) for count, pixel in image.getcolors(image.width * image.height)]
