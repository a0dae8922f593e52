"""A small service manager with systemd's semantics for the kiosk's unit, because PID 1 here is
not systemd (`ps -p 1` shows the sandbox's process_api; `systemd --user` exits at once without
a system manager to hand it a session) so `systemd-run --user` cannot be used.

What it mimics, from systemd.service(5), systemd.kill(5) and sd_notify(3), for the unit that
`kiosk install-session` writes (Type=notify, NotifyAccess=all, WatchdogSec=, Restart=always,
RestartPreventExitStatus=0, the default WatchdogSignal=SIGABRT and KillMode=control-group):

- The service gets $NOTIFY_SOCKET (here an abstract '@' name; systemd's own /run/systemd/notify
  is a path: kiosk.system.notify handles both), $WATCHDOG_USEC and $WATCHDOG_PID, the main
  process's PID; the kiosk runs as that process's child, as it does under kiosk-session.
- It counts as started at READY=1 (TimeoutStartSec= before that); the watchdog runs from then
  on: each WATCHDOG=1 resets it; when WatchdogSec passes without one, the service's processes
  get WatchdogSignal, and SIGKILL after TimeoutAbortSec (= TimeoutStopSec by default).
- STOPPING=1 ends watchdog supervision and arms TimeoutStopSec (service_enter_stop_by_notify
  sets SERVICE_STOP_SIGTERM, and service_set_state stops the watchdog outside the running
  states); STATUS= lines are kept, as `systemctl status` shows the last.
- Restart=always with RestartPreventExitStatus=0: started again after RestartSec unless the
  exit status is 0 (STOPPED_BY_STAFF); RESTART_REQUESTED, a crash and a watchdog kill all
  come back (Restart=on-failure, which kiosk/system/exit_codes.py describes, gives the same
  for these three). A start limit (StartLimitBurst=5 within 10 s, systemd's default; the
  unit turns it off) stops a test that loops.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.system.exit_codes import STOPPED_BY_STAFF

RESTART_PREVENT_EXIT_STATUS = (STOPPED_BY_STAFF,)
START_LIMIT_BURST, START_LIMIT_INTERVAL = 5, 10.0
# The unit's main process, as kiosk-session is under the real unit (it runs cage, which runs
# the kiosk): the kiosk is its child, so WATCHDOG_PID ($$, exactly systemd's MAINPID) is not
# the kiosk's PID. `exit $?` keeps sh from exec'ing the kiosk in its place.
MAIN_PROCESS = 'WATCHDOG_PID=$$; export WATCHDOG_PID; "$@"; exit $?'


class NotifyListener:
    """The service manager's end of $NOTIFY_SOCKET: a datagram socket on an abstract name
    (`address` as systemd would put it in the variable, '@' first), or on a file path."""

    def __init__(self, path: Path | None = None) -> None:
        self.address = str(path) if path else f"@borne-kiosk-test-{uuid.uuid4().hex}"
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(str(path) if path else b"\0" + self.address[1:].encode())

    def receive(self, timeout: float) -> list[str] | None:
        """The lines of the next datagram, or None when none came within `timeout`."""
        self.socket.settimeout(timeout)
        try:
            return self.socket.recv(4096).decode().splitlines()
        except TimeoutError:
            return None

    def drain(self) -> list[str]:
        """Every line waiting now."""
        lines: list[str] = []
        while (datagram := self.receive(0.01)) is not None:
            lines += datagram
        return lines

    def close(self) -> None:
        self.socket.close()


@dataclass
class Run:
    """One start of the service, with the monotonic times of what happened to it."""

    pid: int
    started: float
    ready: float | None = None
    watchdogs: list[float] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    stopping: float | None = None
    aborted: float | None = None  # WatchdogSignal sent
    signalled: float | None = None  # WatchdogSignal or SIGTERM sent: SIGKILL follows
    killed: bool = False
    ended: float | None = None
    returncode: int | None = None  # negative: the signal that ended it


class NotifySupervisor:
    def __init__(self, argv: list[str], env: dict[str, str], log_dir: Path,
                 watchdog_sec: float, restart_sec: float = 0.1,
                 timeout_start_sec: float = 90.0, timeout_stop_sec: float = 90.0) -> None:
        """`log_dir`: each run's output (what the journal would hold): run-1.log, run-2.log"""
        self.argv, self.env = argv, env
        self.watchdog_sec, self.restart_sec = watchdog_sec, restart_sec
        self.timeout_start_sec, self.timeout_stop_sec = timeout_start_sec, timeout_stop_sec
        self.log_dir = log_dir
        self.listener = NotifyListener()
        self.runs: list[Run] = []
        self.result = ""  # once the service stays down: "exit-0", "start-limit-hit"
        self._process: subprocess.Popen | None = None
        self._quit = threading.Event()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._manage, name="notify-supervisor",
                                        daemon=True)

    def start(self) -> NotifySupervisor:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._quit.set()
        self._thread.join(60)
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(10)
        if self.runs:
            _signal_group(self.current.pid, signal.SIGKILL)
        self.listener.close()

    @property
    def current(self) -> Run:
        return self.runs[-1]

    def wait_for(self, predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(min(left, 0.1))
        return True

    # The manager's loop ---------------------------------------------------------------------
    def _manage(self) -> None:
        starts: list[float] = []
        while not self._quit.is_set():
            now = time.monotonic()
            starts = [t for t in starts if now - t < START_LIMIT_INTERVAL]
            if len(starts) >= START_LIMIT_BURST:
                self._finish("start-limit-hit")
                return
            starts.append(now)
            run = self._spawn()
            if not self._supervise(run):
                return
            if run.returncode in RESTART_PREVENT_EXIT_STATUS:
                self._finish(f"exit-{run.returncode}")
                return
            if self._quit.wait(self.restart_sec):
                return

    def _spawn(self) -> Run:
        env = {**self.env, "NOTIFY_SOCKET": self.listener.address,
               "WATCHDOG_USEC": str(int(self.watchdog_sec * 1_000_000))}
        log = self.log_dir / f"run-{len(self.runs) + 1}.log"
        with open(log, "wb") as out:  # the child keeps its own copy of the descriptor
            self._process = subprocess.Popen(
                ["sh", "-c", MAIN_PROCESS, "kiosk-session", *self.argv], env=env, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)
        run = Run(pid=self._process.pid, started=time.monotonic())
        self._changed_with(lambda: self.runs.append(run))
        return run

    def signal_kiosk(self, signum: int) -> float:
        """A signal to the kiosk alone, the main process's child: a test's lever (SIGUSR1,
        SIGUSR2), or the SIGTERM a stop sends; the monotonic time just before it was sent
        (after, the kiosk may already have acted on it)."""
        main = self.current.pid
        [kiosk] = Path(f"/proc/{main}/task/{main}/children").read_text().split()
        sent = time.monotonic()
        os.kill(int(kiosk), signum)
        return sent

    def _supervise(self, run: Run) -> bool:
        """Until the main process ends (True), or the supervisor is stopped (False)."""
        process = self._process
        while process.poll() is None:
            if self._quit.is_set():
                return False
            self._receive(run)
            deadline, signum = self._deadline(run)
            now = time.monotonic()
            if signum is not None and now >= deadline:
                if signum is signal.SIGABRT:
                    self._changed_with(lambda at=now: setattr(run, "aborted", at))
                if signum is not signal.SIGKILL:
                    run.signalled = now
                else:
                    run.killed = True
                _signal_group(run.pid, signum)
        self._receive(run)  # what it said just before it ended
        _signal_group(run.pid, signal.SIGKILL)  # what is left of its control group goes too
        self._changed_with(lambda: (setattr(run, "returncode", process.returncode),
                                    setattr(run, "ended", time.monotonic())))
        return True

    def _deadline(self, run: Run) -> tuple[float, signal.Signals | None]:
        """The next timer, and the signal it sends to the control group when it fires."""
        if run.killed:
            return float("inf"), None
        if run.signalled is not None:  # TimeoutAbortSec / TimeoutStopSec, then SIGKILL
            return run.signalled + self.timeout_stop_sec, signal.SIGKILL
        if run.stopping is not None:  # STOPPING=1: no watchdog, TimeoutStopSec
            return run.stopping + self.timeout_stop_sec, signal.SIGKILL
        if run.ready is not None:  # running: the watchdog
            return max([run.ready, *run.watchdogs]) + self.watchdog_sec, signal.SIGABRT
        return run.started + self.timeout_start_sec, signal.SIGTERM  # TimeoutStartSec

    def _receive(self, run: Run) -> None:
        lines = self.listener.receive(0.02)
        if lines is None:
            return
        now = time.monotonic()

        def record() -> None:
            for line in lines:
                key, _, value = line.partition("=")
                if key == "READY" and value == "1" and run.ready is None:
                    run.ready = now
                elif key == "WATCHDOG" and value == "1" and run.stopping is None:
                    run.watchdogs.append(now)
                elif key == "STOPPING" and value == "1":
                    run.stopping = now
                elif key == "STATUS":
                    run.statuses.append(value)

        self._changed_with(record)

    def _changed_with(self, change) -> None:
        with self._changed:
            change()
            self._changed.notify_all()

    def _finish(self, result: str) -> None:
        self._changed_with(lambda: setattr(self, "result", result))


def _signal_group(pid: int, signum: int) -> None:
    """KillMode=control-group: every process of the service (the session script, the kiosk,
    its voice worker and players) shares the session started for it, as a cgroup."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signum)
