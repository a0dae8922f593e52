"""The kiosk under its service manager (systemd, through cage): READY once the attract screen
is painted, the watchdog fed by the event loop, the nightly restart, and the two clean ways out,
each with STOPPING=1 and its exit status (kiosk.system.exit_codes).

Outside systemd the notifier is inert: "Arrêter la borne" quits as it always did (status 0),
and there is no nightly restart, since nobody would start the kiosk again.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from kiosk.system import notify
from kiosk.system.exit_codes import RESTART_REQUESTED, STOPPED_BY_STAFF
from kiosk.system.nightly import NightlyRestart, no_session_in_progress, parse_restart_hour
from kiosk.system.notify import ServiceNotifier
from ui.watchdog import WatchdogFeeder

log = logging.getLogger(__name__)


class ServiceLink(QObject):
    def __init__(self, kiosk, notifier: ServiceNotifier | None = None) -> None:
        """`kiosk`: the composition (ui.composition.KioskApp)."""
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.notifier = notifier or ServiceNotifier(None)
        self.feeder = WatchdogFeeder(self.notifier, parent=self)
        self.nightly = None  # ui.nightly_restart.NightlyRestartTimer, once ready

    def ready(self) -> None:
        """After the first paint: systemd counts the kiosk started from here."""
        catalog = self.kiosk.services.catalog_version or "?"
        self.notifier.ready(notify.STATUS_READY.format(catalog=catalog))
        self.feeder.start()
        at = parse_restart_hour(self.kiosk.config["field.nightly_restart"])
        if at is not None and self.notifier.enabled:  # else nobody would start it again
            self.start_nightly(NightlyRestart(at))

    def start_nightly(self, schedule: NightlyRestart, recheck_ms: int | None = None) -> None:
        from ui.nightly_restart import RECHECK_MS, NightlyRestartTimer

        kiosk = self.kiosk
        self.nightly = NightlyRestartTimer(
            schedule, at_rest=lambda: no_session_in_progress(kiosk.journey, kiosk.desk),
            restart=lambda: self.leave(RESTART_REQUESTED, notify.STATUS_NIGHTLY),
            waiting=lambda: self.notifier.status(
                notify.STATUS_NIGHTLY_WAITING.format(at=schedule.hour_text)),
            recheck_ms=recheck_ms or RECHECK_MS, parent=self)
        self.nightly.start()
        log.info("nightly restart at %s (next %s)", schedule.hour_text, schedule.due_at)

    def close_on_sigterm(self) -> None:
        """`systemctl stop` and a power-off send SIGTERM to the whole unit: the kiosk then
        leaves as for "Arrêter la borne" (the queue closed, status 0), instead of dying at
        once. Python runs a handler only when the GUI thread next runs Python code, which an
        idle kiosk may not do for a while: the wake-up socket makes the event loop do it.
        For `kiosk run` only: tests and tools keep their own handlers."""
        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        woken = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        woken.activated.connect(lambda *_: reader.recv(64))  # Python then runs the handler
        self._wake_up = (reader, writer, woken)  # kept for the life of the kiosk
        signal.signal(signal.SIGTERM,
                      lambda *_: self.leave(STOPPED_BY_STAFF, notify.STATUS_STOPPED_BY_SYSTEM))

    def stop_by_staff(self) -> None:
        """"Arrêter la borne": the service stays stopped (Restart=on-failure, status 0)."""
        self.leave(STOPPED_BY_STAFF, notify.STATUS_STOPPED_BY_STAFF)

    def leave(self, status: int, why: str) -> None:
        """STOPPING=1 first (systemd stops the watchdog and waits TimeoutStopSec, so closing
        the queue and joining the sync may take their time), then out of the event loop; the
        services close on aboutToQuit."""
        log.info("leaving with exit status %s: %s", status, why)
        self.feeder.stop()
        if self.nightly is not None:
            self.nightly.timer.stop()
        self.notifier.stopping(why)
        QApplication.exit(status)  # app.exec() returns it: `kiosk run`'s own exit status
