"""The real kiosk (`ui.app.run_kiosk`, as `kiosk run` starts it) with three test-only levers,
for tests/test_watchdog_restart.py; none of them is in the kiosk itself:

- SIGUSR1 freezes the GUI thread: the handler runs on it and sleeps, so the event loop stops
  while every other thread (sync, background jobs, voice) goes on, as in a real deadlock.
- SIGUSR2 is a mediator stopping the kiosk: the staff screen opened, the PIN typed, the settings
  tab, "Arrêter la borne", "Oui, arrêter", through the real controller and buttons.
- $KIOSK_TEST_NIGHT_AT (a Unix time) sets the site's clock so that `field.nightly_restart`
  comes at that moment (a faketime for kiosk.system.nightly.local_now); a process started
  after it sees the hour passed and waits for the next night.

Usage: python tests/supervised_kiosk.py CONFIG [PIN]
"""

from __future__ import annotations

import os
import signal
import sys
import time
from datetime import date, datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import load_config
from kiosk.system import nightly
from ui.app import run_kiosk

NIGHT_AT_VAR = "KIOSK_TEST_NIGHT_AT"
# Printed with time.monotonic() (one clock for every process): the first paint, the freeze.
PAINTED, FROZEN = "PAINTED", "FROZEN"


def main() -> int:
    config = load_config(sys.argv[1])
    pin = sys.argv[2] if len(sys.argv) > 2 else ""
    if os.environ.get(NIGHT_AT_VAR):
        shift_the_night(float(os.environ[NIGHT_AT_VAR]), config["field.nightly_restart"])
    signal.signal(signal.SIGUSR1, freeze)
    signal.signal(signal.SIGUSR2, lambda *_: QTimer.singleShot(0, lambda: stop_as_staff(pin)))
    QTimer.singleShot(0, start_levers)
    return run_kiosk(config, fullscreen=False)


def freeze(*_) -> None:
    print(FROZEN, time.monotonic(), flush=True)
    time.sleep(3600)


def start_levers() -> None:
    """Python runs a signal handler only when the GUI thread next runs Python code: a
    short no-op timer makes that prompt. The kiosk's own watchdog timer is not this one."""
    app = QApplication.instance()
    app.setProperty("levers", QTimer(app, interval=50, timeout=lambda: None))
    app.property("levers").start()
    from ui.first_paint import after_first_paint

    after_first_paint(kiosk_window().attract,
                      lambda: print(PAINTED, time.monotonic(), flush=True))


def kiosk_window():
    from ui.main_window import KioskWindow

    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, KioskWindow)]
    return window


def shift_the_night(night_at: float, hour: str) -> None:
    at = datetime.combine(date.today(), nightly.parse_restart_hour(hour))
    nightly.local_now = lambda: at + timedelta(seconds=time.time() - night_at)


def stop_as_staff(pin: str) -> None:
    staff = kiosk_window().kiosk.staff
    staff.open()  # what the long press on the corner does
    [account] = staff.desk.accounts()
    staff.unlock(account.id, pin)  # checked on a worker; the dashboard opens when it is done

    def when_unlocked() -> None:
        if staff.dashboard is None or not staff.desk.staff_open:
            QTimer.singleShot(50, when_unlocked)
            return
        staff.dashboard_tab("settings")
        settings = staff.dashboard.panels["settings"]
        settings.stop_button.click()
        settings.stop_yes.click()

    when_unlocked()


if __name__ == "__main__":
    sys.exit(main())
