"""The hub's test suite a second time, on PostgreSQL: production's database (./dev.sh test runs
it after the whole suite on SQLite).

    python tests/hub/postgres_pass.py [pytest arguments]     (no test path in them: tests/hub)

Starts a throw-away PostgreSQL 15 cluster (pg_cluster.py), exports HUB_DATABASE_URL (the
hub's settings read it and pytest-django makes its test database from it; each hub process a
test starts gets a database of its own, copied from one the hub's `migrate` prepared here, see
tests/hub_database.py) and runs pytest without the `slow` tests (they ran on SQLite;
test_hub_on_postgres.py covers what is PostgreSQL's own). The cluster is removed whatever
happens. Where PostgreSQL must run (CI, root on Debian) and cannot, the pass fails; elsewhere
it says so and skips.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # pg_cluster, by plain name
sys.path.insert(0, str(Path(__file__).parent.parent))  # hub_database

import hub_database
import pg_cluster

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TARGETS = ["tests/hub"]
BASE_ARGUMENTS = ["-m", "not slow", "-p", "no:cacheprovider"]  # the SQLite pass keeps the cache
TEMPLATE = "hub_migrated"


class PassFailed(Exception):
    """The pass cannot run; str() says why."""


def say(line: str) -> None:
    print(f"\n==== PostgreSQL pass: {line}", file=sys.stderr, flush=True)


def _stop_on_sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit(143)  # CI cancelling the job: run the `finally` that removes the cluster


def _output_of(error: subprocess.CalledProcessError) -> str:
    output = error.stderr or error.stdout or b""
    text = output.decode(errors="replace") if isinstance(output, bytes) else output
    return "\n".join(text.strip().splitlines()[-15:])


def start_cluster() -> pg_cluster.PgCluster:
    try:
        return pg_cluster.PgCluster()
    except subprocess.CalledProcessError as error:
        raise PassFailed(f"the throw-away PostgreSQL cluster did not start: {error}\n"
                         f"{_output_of(error)}") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise PassFailed(f"the throw-away PostgreSQL cluster did not start: {error}") from None


def migrate_template(cluster: pg_cluster.PgCluster) -> None:
    """A database brought to the current schema by the hub's own command, once."""
    cluster.create_database(TEMPLATE)
    with tempfile.TemporaryDirectory(prefix="hub-template-") as folder:
        try:
            subprocess.run(
                [sys.executable, "-m", "hub", "manage", "--data-dir", folder, "migrate"],
                check=True, capture_output=True, timeout=300, cwd=ROOT,
                env={**os.environ, hub_database.URL_VARIABLE: cluster.url_of(TEMPLATE)})
        except subprocess.CalledProcessError as error:
            raise PassFailed(f"the hub could not migrate a PostgreSQL database:\n"
                             f"{_output_of(error)}") from None


def names_a_test(argument: str) -> bool:
    return (ROOT / argument.split("::")[0]).exists()


def run_pytest(cluster: pg_cluster.PgCluster, arguments: list[str]) -> int:
    """pytest on the cluster; options alone (-q, -k ...) still run tests/hub, not the whole
    suite."""
    targets = [] if any(map(names_a_test, arguments)) else DEFAULT_TARGETS
    command = [sys.executable, "-m", "pytest", *BASE_ARGUMENTS, *arguments, *targets]
    return subprocess.run(command, cwd=ROOT, env={
        **os.environ, hub_database.URL_VARIABLE: cluster.url,
        hub_database.TEMPLATE_VARIABLE: TEMPLATE}).returncode


def main(arguments: list[str]) -> int:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    if reason := pg_cluster.unavailable_reason():
        if pg_cluster.required():
            say(f"FAILED: PostgreSQL cannot run here: {reason}")
            return 1
        say(f"SKIPPED: {reason}. The hub's suite ran on SQLite only.")
        return 0
    began = time.monotonic()
    cluster = None
    try:
        cluster = start_cluster()
        say(f"the hub's tests on PostgreSQL 15, throw-away cluster on 127.0.0.1:{cluster.port}")
        migrate_template(cluster)
        status = run_pytest(cluster, arguments)
    except PassFailed as error:
        say(f"FAILED: {error}")
        return 1
    finally:
        if cluster is not None:
            cluster.remove()
    verdict = "passed" if status == 0 else f"FAILED (pytest exit {status})"
    say(f"{verdict} in {time.monotonic() - began:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
