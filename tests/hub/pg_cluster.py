"""A throw-away PostgreSQL 15 cluster on loopback, for the hub's tests on its production
database (a uniquely named helper module, not conftest).

Data, socket folder and log sit in one temporary folder; trust authentication on 127.0.0.1.
initdb refuses root, so as root the Debian binaries run as the `postgres` user (runuser);
as any other user they run as that user. `stop()` and `start()` again on the same port let a
test take the database away from a running hub and give it back.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
SUPERUSER = "postgres"  # the cluster's role, whichever system user runs it


def _as_root() -> bool:
    return os.geteuid() == 0


def unavailable_reason() -> str:
    """Why no cluster can start here, in one line; empty when one can."""
    if not (BIN / "initdb").exists():
        return f"PostgreSQL 15 is not installed ({BIN / 'initdb'} is missing; ./dev.sh " \
               "installs the Debian package postgresql)"
    if _as_root() and shutil.which("runuser") is None:
        return "running as root without runuser: initdb refuses root and cannot switch user"
    if _as_root():
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' system user to run initdb as"
    return ""


def available() -> bool:
    return not unavailable_reason()


def required() -> bool:
    """PostgreSQL must run here: in CI, and as root on Debian, where ./dev.sh installed it.
    There a missing cluster fails the run; elsewhere (a developer's own machine) it is said
    loudly and skipped."""
    return bool(os.environ.get("CI")) or (_as_root() and Path("/etc/debian_version").exists())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgCluster:
    def __init__(self, database: str = "hub") -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="hub-pg-"))
        if _as_root():
            shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self.port = _free_port()
        try:
            self.run(BIN / "initdb", "-D", self.data, "-A", "trust", "-U", SUPERUSER)
            self.start()
            self.create_database(database)
        except BaseException:
            self.remove()
            raise
        self.url = self.url_of(database)

    def url_of(self, database: str) -> str:
        return f"postgres://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def run(self, *command: object) -> None:
        """One of the cluster's binaries, as the user that owns the cluster; raises
        CalledProcessError with its output on failure."""
        prefix = ["runuser", "-u", "postgres", "--"] if _as_root() else []
        subprocess.run([*prefix, *map(str, command)], check=True, capture_output=True,
                       timeout=120, cwd="/", env={
                           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"})

    def create_database(self, name: str) -> None:
        self.run(BIN / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", SUPERUSER, name)

    def drop_database(self, name: str) -> None:
        self.run(BIN / "dropdb", "-h", "127.0.0.1", "-p", self.port, "-U", SUPERUSER,
                 "--if-exists", name)

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join((self.folder / "log").read_text().splitlines()[-lines:])
        return ""

    def start(self, durable: bool = False) -> None:
        """Tests run with fsync off for speed; a benchmark against SQLite's synchronous=FULL
        starts it `durable` (fsync on, as in production)."""
        options = (f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} "
                   f"-c fsync={'on' if durable else 'off'}")
        if durable:
            options += " -c shared_buffers=512MB"
        self.run(BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "log",
                 "-w", "start")

    def stop(self) -> None:
        self.run(BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
