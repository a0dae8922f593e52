"""The kiosk heals alone (issue 14): the real kiosk process (offscreen Qt, a throw-away data
folder) under a service manager with systemd's semantics (tests/notify_supervisor.py: PID 1 is
not systemd here, so not `systemd-run --user`; it mimics the installed unit's Type=notify,
NotifyAccess=all, WatchdogSec=, Restart= rules as systemd.service(5) and sd_notify(3) describe
them, the kiosk running as a child of the unit's main process as it does under cage).

The GUI thread is frozen on purpose by tests/supervised_kiosk.py (SIGUSR1: a handler that
sleeps on the GUI thread, while the other threads run on); "Arrêter la borne" is tapped there
through the real staff screens (SIGUSR2).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from notify_supervisor import NotifySupervisor

from kiosk.catalog import load_catalog
from kiosk.config import load_config
from kiosk.paths import downloaded_catalog_path
from kiosk.session import MediatorDesk
from kiosk.system.exit_codes import RESTART_REQUESTED, STOPPED_BY_STAFF
from tests.mediator.mediator_helpers import CHEAP_KDF
from tests.test_catalog_updates import hub_with_new_catalog  # noqa: F401 (a fixture)

LAUNCHER = Path(__file__).resolve().parent / "supervised_kiosk.py"
WATCHDOG_SEC = 3.0  # the test's WatchdogSec; the unit's own is longer (kiosk.system.install)
START_SEC = 60  # a loaded CI machine; the measured start is under a second here
PIN = "2468"


def kiosk_toml(tmp_path: Path, hub_url: str = "http://127.0.0.1:9", **field) -> Path:
    lines = ["[storage]", f'data_dir = "{tmp_path / "data"}"', "[hub]", f'url = "{hub_url}"',
             "[voice]", "enabled = false", "[field]",
             *(f'{key} = "{value}"' for key, value in field.items())]
    path = tmp_path / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def supervise(tmp_path):
    """Start the kiosk of `config` under the supervisor; everything stopped afterwards."""
    started: list[NotifySupervisor] = []

    def start(config: Path, env: dict[str, str] | None = None) -> NotifySupervisor:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
                       **(env or {})}
        environment.pop("NOTIFY_SOCKET", None)
        logs = tmp_path / "runs"
        logs.mkdir(exist_ok=True)
        supervisor = NotifySupervisor([sys.executable, str(LAUNCHER), str(config), PIN],
                                      environment, logs, watchdog_sec=WATCHDOG_SEC)
        started.append(supervisor.start())
        assert supervisor.wait_for(lambda: supervisor.runs and supervisor.current.ready,
                                   START_SEC), run_log(tmp_path, 1)
        return supervisor

    yield start
    for supervisor in started:
        supervisor.stop()


def marked(tmp_path: Path, marker: str) -> float:
    """When the first run printed `marker` (tests/supervised_kiosk.py), on time.monotonic()."""
    assert eventually(lambda: marker in run_log(tmp_path, 1)), run_log(tmp_path, 1)
    return float(run_log(tmp_path, 1).split(marker, 1)[1].split()[0])


def eventually(condition, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def run_log(tmp_path: Path, number: int) -> str:
    path = tmp_path / "runs" / f"run-{number}.log"
    return path.read_text(errors="replace") if path.exists() else ""


def test_ready_goes_out_only_once_the_attract_screen_is_painted(tmp_path, supervise):
    supervisor = supervise(kiosk_toml(tmp_path))
    run = supervisor.current
    painted = marked(tmp_path, "PAINTED")
    assert run.started < painted < run.ready  # time.monotonic(): one clock for both processes
    shipped = load_catalog().version
    assert run.statuses[0] == f"Borne prête (catalogue {shipped})"  # `systemctl status`
    assert supervisor.wait_for(lambda: len(run.watchdogs) >= 3, 4 * WATCHDOG_SEC)
    gaps = [b - a for a, b in zip(run.watchdogs, run.watchdogs[1:], strict=False)]
    assert all(gap < WATCHDOG_SEC for gap in gaps)  # half WatchdogSec: never close to the limit


def test_a_frozen_screen_is_killed_and_the_kiosk_is_ready_again_within_the_watchdog_time(
        tmp_path, supervise):
    supervisor = supervise(kiosk_toml(tmp_path))
    first = supervisor.current
    assert supervisor.wait_for(lambda: len(first.watchdogs) >= 2, 2 * WATCHDOG_SEC)
    signalled = supervisor.signal_kiosk(signal.SIGUSR1)  # the GUI thread sleeps; the others run on
    assert supervisor.wait_for(lambda: len(supervisor.runs) == 2 and supervisor.current.ready,
                               WATCHDOG_SEC + START_SEC), run_log(tmp_path, 2)
    second = supervisor.current
    frozen_at = marked(tmp_path, "FROZEN")
    assert signalled < frozen_at
    assert all(beat < frozen_at + 0.05 for beat in first.watchdogs)  # no feeding once frozen
    assert first.aborted - frozen_at <= WATCHDOG_SEC + 0.5  # killed within WatchdogSec
    assert first.returncode == -signal.SIGABRT  # the main process, killed with the kiosk
    assert "Current thread" in run_log(tmp_path, 1)  # faulthandler: where the GUI thread hung
    assert "supervised_kiosk.py" in run_log(tmp_path, 1).split("Current thread", 1)[1]
    assert "could not be opened" not in run_log(tmp_path, 2)  # the queue reopens after a kill
    print(f"\nsignal -> frozen {frozen_at - signalled:.2f} s; last WATCHDOG=1 -> SIGABRT "
          f"{first.aborted - first.watchdogs[-1]:.2f} s; "
          f"freeze -> SIGABRT {first.aborted - frozen_at:.2f} s, -> exit "
          f"{first.ended - frozen_at:.2f} s, -> READY again {second.ready - frozen_at:.2f} s "
          f"(WatchdogSec={WATCHDOG_SEC:g}, RestartSec=0.1, the new start "
          f"{second.ready - second.started:.2f} s)")


def test_arreter_la_borne_ends_the_service_cleanly_and_nothing_starts_it_again(tmp_path,
                                                                              supervise):
    config = kiosk_toml(tmp_path)
    desk = MediatorDesk(load_config(config), kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    desk.close()
    supervisor = supervise(config)
    run = supervisor.current
    assert supervisor.wait_for(lambda: (tmp_path / "data" / "outbox.sqlite3").exists(), 20)
    supervisor.signal_kiosk(signal.SIGUSR2)  # a mediator: PIN, settings, "Arrêter la borne", "Oui"
    assert supervisor.wait_for(lambda: supervisor.result, 60), run_log(tmp_path, 1)
    assert run.stopping is not None and run.stopping < run.ended
    assert run.statuses[-1] == "Arrêt demandé par le personnel (« Arrêter la borne »)"
    assert run.returncode == STOPPED_BY_STAFF
    assert supervisor.result == "exit-0" and len(supervisor.runs) == 1  # RestartPrevent…=0
    time.sleep(0.5)  # 5 × RestartSec: a restart would have begun
    assert len(supervisor.runs) == 1
    # The queue was closed, not abandoned: SQLite folds and removes its WAL at the last close.
    assert not (tmp_path / "data" / "outbox.sqlite3-wal").exists()


def test_sigterm_from_a_stop_or_a_power_off_closes_the_queue_as_arreter_la_borne_does(
        tmp_path, supervise):
    supervisor = supervise(kiosk_toml(tmp_path))
    run = supervisor.current
    assert supervisor.wait_for(lambda: (tmp_path / "data" / "outbox.sqlite3").exists(), 20)
    supervisor.signal_kiosk(signal.SIGTERM)  # what `systemctl stop` sends each process
    assert supervisor.wait_for(lambda: supervisor.result, 60), run_log(tmp_path, 1)
    assert run.returncode == 0 and run.stopping is not None
    assert run.statuses[-1] == "Arrêt demandé par le système (systemctl stop, extinction)"
    assert not (tmp_path / "data" / "outbox.sqlite3-wal").exists()  # closed, not abandoned


def test_the_nightly_restart_comes_back_with_the_catalogue_the_hub_sent_during_the_day(
        tmp_path, supervise, hub_with_new_catalog):  # noqa: F811 (the fixture)
    night_at = time.time() + 8  # the kiosk's clock reads 03:30 then (supervised_kiosk.py)
    night_monotonic = time.monotonic() + 8
    supervisor = supervise(kiosk_toml(tmp_path, hub_with_new_catalog, nightly_restart="03:30"),
                           env={"KIOSK_TEST_NIGHT_AT": str(night_at)})
    first = supervisor.current
    shipped = load_catalog().version
    assert first.statuses[0] == f"Borne prête (catalogue {shipped})"
    downloaded = downloaded_catalog_path(tmp_path / "data")
    assert supervisor.wait_for(downloaded.exists, night_at - time.time()), (
        "the catalogue was not downloaded before the night: " + run_log(tmp_path, 1))
    assert supervisor.wait_for(lambda: len(supervisor.runs) == 2 and supervisor.current.ready,
                               night_at - time.time() + START_SEC), run_log(tmp_path, 1)
    second = supervisor.current
    assert first.statuses[-1] == "Redémarrage de nuit" and first.stopping is not None
    assert first.returncode == RESTART_REQUESTED
    assert first.stopping >= night_monotonic - 0.1  # at the hour, not before
    assert second.statuses[0] == "Borne prête (catalogue 2099.1.1)"  # the new one, at last
    time.sleep(2 * WATCHDOG_SEC)  # the restarted kiosk sees 03:30 passed: it waits a day
    assert len(supervisor.runs) == 2 and second.ended is None
