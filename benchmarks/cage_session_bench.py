"""The kiosk's session as its unit starts it: from cage's start to grim's screenshot of the
attract screen, on wlroots' headless backend (pixman, no GPU), median of a few runs.

Baseline: the same session script and cage with a client that only waits, to its first
screenshot: cage's own start and grim, the floor under any client. On a kiosk, power-on to
the attract screen is the boot up to tty1 plus this.

The session helpers are the tests' (tests/cage_headless.py), so the benchmark measures
exactly what tests/test_cage_session.py checks.
"""

from __future__ import annotations

import shlex
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from cage_headless import HeadlessSession, session_env, share_of
from session_root import DEMO_CONFIG, unit_entries, unit_environment

from kiosk.system import install
from ui.theme import STANDARD

RUNS = 3


def attract_screen(image) -> bool:
    return share_of(image, STANDARD.background) > 0.6 and share_of(image, STANDARD.primary) > 0.05


def any_screen(_image) -> bool:
    return True


def one_session(client: list[str] | None, shows) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        config = folder / "kiosk.toml"
        config.write_text(DEMO_CONFIG.read_text("utf-8")
                          .replace("fullscreen = false", "fullscreen = true")
                          .replace('data_dir = ""', f'data_dir = "{folder / "data"}"'), "utf-8")
        unit = unit_entries(install.unit_text(install.SessionOptions(
            root=Path("/"), kiosk=str(Path(sys.executable).with_name("kiosk")),
            config=str(config))))
        command = client or shlex.split(unit["Service.ExecStart"][0])[1:]
        with HeadlessSession(command, session_env(folder, unit_environment(unit)),
                             folder / "session.log") as session:
            return session.wait_for(folder / "screen.png", shows)


def figures() -> list[tuple[str, float, float, float, str]]:
    kiosk_runs, bare_runs = [], []
    for _ in range(RUNS):  # interleaved, so machine noise hits both alike
        kiosk_runs.append(one_session(None, attract_screen))
        bare_runs.append(one_session(["/bin/sleep", "60"], any_screen))
    kiosk_value, bare_value = statistics.median(kiosk_runs), statistics.median(bare_runs)
    return [("session: cage start to attract screen (s)", kiosk_value, bare_value,
             kiosk_value / bare_value, "<= 3 s")]


if __name__ == "__main__":
    for row in figures():
        print(row)
