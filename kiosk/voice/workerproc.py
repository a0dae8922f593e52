"""The parent's handle on the worker process: start it, send requests, read answers, kill it.

Answers arrive on a reader thread and are posted to a callback (the service's queue), so the
caller never blocks on the worker: a worker stopped with SIGSTOP or dead only means answers
stop coming, which the service's watchdog notices.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any


def default_worker_command() -> tuple[str, ...]:
    """`python -m kiosk.voice.worker`, or the bundle's own binary with a hidden subcommand."""
    if getattr(sys, "frozen", False):
        return (sys.executable, "voice", "worker")
    return (sys.executable, "-m", "kiosk.voice.worker")


class WorkerProcess:
    """One incarnation of the worker. `on_message(self, message_or_None)`: None means it ended."""

    def __init__(self, on_message: Callable[[WorkerProcess, dict[str, Any] | None], None],
                 command: tuple[str, ...] | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        environment = dict(os.environ)
        environment.update(env or {})
        self._on_message = on_message
        self._lock = threading.Lock()  # stdin writes may come from two threads at shutdown
        self.process = subprocess.Popen(
            list(command or default_worker_command()),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=environment, text=True, encoding="utf-8", bufsize=1,
            start_new_session=True,  # a Ctrl-C meant for the kiosk does not kill the voice
        )
        self.pid = self.process.pid
        threading.Thread(target=self._read, name=f"voice-worker-{self.pid}", daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue  # noise on the channel is not an answer
            self._on_message(self, message)
        self.process.wait()
        self._on_message(self, None)

    def send(self, request: dict[str, Any]) -> bool:
        """Queue a request in the pipe. False if the worker is gone.

        A pipe write only blocks when the 64 KiB pipe buffer is full, which takes hundreds
        of unanswered sentences: the service sends one at a time and kills a silent worker.
        """
        assert self.process.stdin is not None
        try:
            with self._lock:
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
            return True
        except (BrokenPipeError, OSError, ValueError):
            return False

    def kill(self) -> None:
        """SIGKILL: the only signal a SIGSTOPped or wedged process obeys at once. The whole
        process group goes, so an espeak-ng the worker started does not linger."""
        with contextlib.suppress(ProcessLookupError, OSError):
            if hasattr(os, "killpg"):
                os.killpg(self.pid, signal.SIGKILL)
            else:
                self.process.kill()
        with contextlib.suppress(OSError, ValueError):
            assert self.process.stdin is not None
            self.process.stdin.close()

    def close(self, timeout: float = 1.0) -> None:
        """Ask politely (end of input), then kill if it does not leave in time."""
        with contextlib.suppress(OSError, ValueError):
            assert self.process.stdin is not None
            self.process.stdin.close()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.process.wait()
