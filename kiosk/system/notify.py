"""Telling the service manager how the kiosk is: systemd's notification protocol, sd_notify(3).

The unit is Type=notify with WatchdogSec=: systemd waits for READY=1 before it calls the kiosk
started, kills it (SIGABRT) when WATCHDOG=1 stops arriving for WatchdogSec, and shows the last
STATUS= line in `systemctl status`. STOPPING=1 says a stop is the kiosk's own (systemd then
stops watching and waits for the exit status, kiosk.system.exit_codes).

The protocol is one datagram of "KEY=value" lines to the unix socket named by $NOTIFY_SOCKET
(a path, or an abstract name written with a leading '@'), so it is written here rather than
taken from a library: `sdnotify` (the pure-Python one) has had no release since 2017 and hides
every error; `systemd-python` is a C extension built against libsystemd, a weight for the
bundle for these few lines. Outside systemd ($NOTIFY_SOCKET unset) nothing is sent: the kiosk
runs the same on a desk.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import MutableMapping

log = logging.getLogger(__name__)

SOCKET_VAR = "NOTIFY_SOCKET"
WATCHDOG_USEC_VAR = "WATCHDOG_USEC"
WATCHDOG_PID_VAR = "WATCHDOG_PID"

# What an IT officer reads in `systemctl status borne-kiosk` (French: the site's language).
STATUS_READY = "Borne prête (catalogue {catalog})"
STATUS_NIGHTLY_WAITING = ("Redémarrage de nuit prévu à {at} : en attente de la fin de la "
                          "session en cours")
STATUS_NIGHTLY = "Redémarrage de nuit"
STATUS_STOPPED_BY_STAFF = "Arrêt demandé par le personnel (« Arrêter la borne »)"
STATUS_STOPPED_BY_SYSTEM = "Arrêt demandé par le système (systemctl stop, extinction)"


def socket_address(value: str) -> str | bytes:
    """$NOTIFY_SOCKET as socket.sendto takes it: '@name' is the abstract name '\\0name'."""
    if value.startswith("@"):
        return b"\0" + value[1:].encode()
    return value


class ServiceNotifier:
    """Sends READY, WATCHDOG, STOPPING and STATUS to systemd; does nothing without a socket."""

    def __init__(self, address: str | None, watchdog_usec: int | None = None) -> None:
        self.address = address
        self.watchdog_usec = watchdog_usec
        self._socket: socket.socket | None = None
        self._failed = False

    @classmethod
    def from_environment(cls, environ: MutableMapping[str, str] | None = None,
                         unset: bool = True) -> ServiceNotifier:
        """Read (and by default remove, as sd_notify's `unset_environment` does) the
        variables systemd set: the voice worker and the players the kiosk starts must not
        inherit them and speak for the kiosk (NotifyAccess=all hears every process)."""
        environ = os.environ if environ is None else environ
        address = environ.get(SOCKET_VAR) or None
        watchdog_usec = _watchdog_usec(environ)
        if unset:
            for name in (SOCKET_VAR, WATCHDOG_USEC_VAR, WATCHDOG_PID_VAR):
                environ.pop(name, None)
        return cls(address, watchdog_usec)

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def watchdog_interval_ms(self) -> int | None:
        """How often to send WATCHDOG=1: half of WatchdogSec, as sd_watchdog_enabled(3)
        advises; None when the unit has no watchdog (or there is no service manager)."""
        if not self.enabled or not self.watchdog_usec:
            return None
        return max(1, self.watchdog_usec // 2000)

    def ready(self, status: str) -> None:
        self.send("READY=1", f"STATUS={status}")

    def watchdog(self) -> None:
        self.send("WATCHDOG=1")

    def stopping(self, status: str) -> None:
        self.send("STOPPING=1", f"STATUS={status}")

    def status(self, status: str) -> None:
        self.send(f"STATUS={status}")

    def send(self, *lines: str) -> bool:
        """One datagram. A failure is logged once and never stops the kiosk: a citizen's
        session matters more than systemd's bookkeeping (systemd restarts a kiosk whose
        watchdog goes quiet, which is the right outcome if the socket is truly gone)."""
        if self.address is None:
            return False
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)  # not inherited
                # Never wait on the GUI thread: a listener that stops reading fills its queue
                # (net.unix.max_dgram_qlen, 10 datagrams here) and a blocking send would
                # freeze the screen. A message that cannot go is dropped, and said once.
                self._socket.setblocking(False)
            self._socket.sendto("\n".join(lines).encode(), socket_address(self.address))
        except OSError as error:
            if not self._failed:
                log.warning("service manager: cannot write to %s=%s (%s); systemd does not "
                            "hear the kiosk", SOCKET_VAR, self.address, error)
                self._failed = True
            return False
        self._failed = False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def _watchdog_usec(environ: MutableMapping[str, str]) -> int | None:
    """$WATCHDOG_USEC, whoever $WATCHDOG_PID names. sd_watchdog_enabled(3) ignores a watchdog
    meant for another PID, but the unit's main process is the session script that runs cage,
    which runs the kiosk: WATCHDOG_PID is never the kiosk's, and the unit says NotifyAccess=all
    so that the kiosk, its grandchild, feeds it. The kiosk's own children never see the
    variables (from_environment removes them)."""
    try:
        usec = int(environ.get(WATCHDOG_USEC_VAR, ""))
    except ValueError:
        return None
    return usec if usec > 0 else None
