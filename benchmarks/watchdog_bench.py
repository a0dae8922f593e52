"""How long a frozen kiosk stays frozen: from the GUI thread's freeze to READY=1 from the
kiosk started again, under tests/notify_supervisor.py (a service manager with systemd's
semantics, as tests/test_watchdog_restart.py uses it), offscreen.

The freeze comes right after a WATCHDOG=1, the worst case: detection takes all of WatchdogSec.
The baseline is WatchdogSec itself, the floor; what is above it is the kill, RestartSec and the
new kiosk's start to its first paint. The installed unit's WatchdogSec is 30 s; 3 s here keeps
the run short and changes only the floor; RestartSec is systemd's default 0.1 s here, the
unit's 3 s adds to it on a kiosk (so about 30 + 3 + one start there).
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
WATCHDOG_SEC = 3.0


def one_freeze(folder: Path) -> float:
    """Seconds from the freeze to READY=1 from the new kiosk."""
    from notify_supervisor import NotifySupervisor

    config = folder / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{folder / "data"}"\n[hub]\n'
                      'url = "http://127.0.0.1:9"\n[voice]\nenabled = false\n', "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder)}
    env.pop("NOTIFY_SOCKET", None)
    launcher = ROOT / "tests" / "supervised_kiosk.py"
    supervisor = NotifySupervisor([sys.executable, str(launcher), str(config)], env, folder,
                                  watchdog_sec=WATCHDOG_SEC).start()
    try:
        if not supervisor.wait_for(lambda: supervisor.runs and len(supervisor.current.watchdogs)
                                   >= 2, 90):
            raise RuntimeError(f"the kiosk did not start: see {folder}/run-1.log")
        frozen = supervisor.signal_kiosk(signal.SIGUSR1)
        if not supervisor.wait_for(lambda: len(supervisor.runs) == 2
                                   and supervisor.current.ready, 90):
            raise RuntimeError(f"the kiosk was not started again: see {folder}")
        return supervisor.current.ready - frozen
    finally:
        supervisor.stop()


def figures() -> list[tuple[str, float, float, float, str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as folder:
            runs.append(one_freeze(Path(folder)))
    frozen = statistics.median(runs)
    return [("watchdog: freeze to READY again (s)", frozen, WATCHDOG_SEC,
             frozen / WATCHDOG_SEC, "<= WatchdogSec + RestartSec + 5 s")]
