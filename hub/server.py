"""Serving the hub: migrations, the old hub's data taken over, then waitress on an address.

Prints exactly `Hub listening on http://HOST:PORT` (flushed) once it accepts connections:
`kiosk demo`, site scripts and the tests wait for that line. SIGTERM (systemd) and SIGINT
(Ctrl-C) stop it cleanly.
"""

from __future__ import annotations

import errno
import signal
import sys
import threading
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from waitress.server import create_server


class ServeError(Exception):
    """Something an IT officer can fix; str() names it and says what to do."""


def _database_name() -> str:
    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"]:
        return str(database["NAME"])
    return f"{database.get('HOST') or 'localhost'}:{database.get('PORT') or ''}" \
           f"/{database.get('NAME')} (HUB_DATABASE_URL)"


def migrate() -> None:
    """Bring the database to the current schema (a no-op when it is)."""
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as error:
        reason = " ".join(str(error).split())  # drivers write several lines
        raise ServeError(f"database {_database_name()} cannot be used ({reason}); check that "
                         "it runs and that HUB_DATABASE_URL is right") from None


def take_over_old_hub() -> str:
    """Copy the old hub's tables from `<data dir>/hub.sqlite3`, if any; a line saying so."""
    from hub.intake.takeover import TakeoverError, take_over

    try:
        counts = take_over(Path(settings.DATA_DIR) / "hub.sqlite3")
    except TakeoverError as error:
        raise ServeError(str(error)) from None
    return counts.summary() if counts else ""


def demo_warning() -> str:
    from hub.keys import current_keys

    if not current_keys().is_demo:
        return ""
    return (f"WARNING: this hub runs on the PUBLIC DEMO KEYS: anyone can read what kiosks seal "
            f"for it. Never use it for real requests. Make a site's keys with "
            f"`kiosk-hub keygen {Path(settings.KEYS_DIR)}`, then restart.")


def serve(host: str, port: int, threads: int = 8) -> None:
    """Blocking: serve the Django application until SIGTERM or SIGINT."""
    from hub.wsgi import application

    migrate()
    if taken := take_over_old_hub():
        print(taken, flush=True)
    try:
        # Behind a trusted proxy, X-Forwarded-For must reach the hub, which picks the hop to
        # believe (hub.tracking.views.client_address); waitress would drop it otherwise.
        server = create_server(application, host=host, port=port, threads=threads,
                               channel_timeout=120, ident="kiosk-hub",
                               clear_untrusted_proxy_headers=not settings.HUB_TRUSTED_PROXY)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use: stop the program that "
                             "holds it (another hub?) or choose another --port") from None
        raise ServeError(f"cannot listen on {host}:{port} ({error.strerror}); check --host "
                         "and --port") from None

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # systemd stops services with SIGTERM: close cleanly

    from hub.jobs import start_job_thread

    stop_jobs = threading.Event()
    jobs = start_job_thread(stop_jobs)  # retention, e-mail notices: claimed in the database
    try:  # a signal at any moment from here on ends in a clean stop
        signal.signal(signal.SIGTERM, interrupt)
        signal.signal(signal.SIGINT, interrupt)  # a background job may start with it ignored
        if warning := demo_warning():
            print(warning, file=sys.stderr, flush=True)
        print(f"Hub listening on http://{host}:{server.effective_port}", flush=True)
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        stop_jobs.set()
        jobs.join(10)
