"""A throw-away PostgreSQL 15 cluster on loopback, for the hub's tests on its production
database (a uniquely named helper module, not conftest).

Runs the Debian binaries as the `postgres` user (initdb refuses root), trust authentication,
a socket folder and data inside one temporary folder; `stop()` and `start()` again on the same
port let a test take the database away from a running hub and give it back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> bool:
    return (BIN / "initdb").exists() and shutil.which("runuser") is not None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgCluster:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hub-pg-"))
        shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_postgres(BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres")
        self.start()
        self._as_postgres(BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U",
                          "postgres", "hub")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/hub"

    def _as_postgres(self, *command: object) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], check=True,
                       capture_output=True, timeout=120, cwd="/", env={
                           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"})

    def start(self) -> None:
        options = f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off"
        self._as_postgres(BIN / "pg_ctl", "-D", self.data, "-o", options, "-l",
                          self.folder / "log", "-w", "start")

    def stop(self) -> None:
        self._as_postgres(BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
