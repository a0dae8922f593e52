"""Periodic jobs of the hub: run in the hub process by a daemon thread, or by a command.

Each job's last start is a row in the database (housekeeping.JobRun), claimed in a
transaction before the job runs: a restart does not run a daily job early, and two hub
processes sharing one database never both run it (PostgreSQL: `SELECT ... FOR UPDATE SKIP
LOCKED`, so the second process moves on at once; SQLite: the hub's transactions start
IMMEDIATE, so claims queue up one after the other and the second sees the first's stamp).
A crash during a run does not rerun it early either: the jobs are safe to miss once.
Inside the e-mail job each notice is claimed on its own too (hub.notices.claims), so the job
in one process and a request's own send in another never mail the same notice twice.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import DatabaseError, IntegrityError, connection, connections, transaction
from django.utils import timezone

from hub.housekeeping import retention
from hub.housekeeping.models import JobRun
from hub.notices.mail import resend_pending

log = logging.getLogger(__name__)
TICK_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], str]  # does the work; returns one line for the log and the admin
    help: str


JOBS: tuple[Job, ...] = (
    Job("retention", timedelta(days=1), retention.run,
        "empties requests closed longer ago than their service's retention"),
    Job("email-notices", timedelta(minutes=5), resend_pending,
        "sends again the new-request e-mails the SMTP server did not take"),
)


def claim(job: Job, now: datetime, force: bool = False) -> bool:
    """Stamp the job as started if it is due (or `force`) and nobody else holds it."""
    with contextlib.suppress(IntegrityError):  # another process made it at the same moment
        JobRun.objects.get_or_create(name=job.name)
    with transaction.atomic():
        rows = JobRun.objects.filter(name=job.name)
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        row = rows.first()
        if row is None:
            return False  # locked by another process, which is claiming it right now
        if not force and row.started_at is not None and now - row.started_at < job.every:
            return False
        row.started_at = now
        row.save(update_fields=["started_at"])
    return True


def run_job(job: Job) -> str:
    """Run a claimed job and record how it ended; a failure is one line, never a traceback."""
    try:
        result, ok = job.run(), True
        log.info("jobs: %s: %s", job.name, result)
    except Exception as error:  # a job's bug must not stop the others nor the hub
        result, ok = f"failed: {type(error).__name__}: {error}"[:300], False
        log.error("jobs: %s %s; it runs again at its next turn", job.name, result)
    JobRun.objects.filter(name=job.name).update(finished_at=timezone.now(), result=result,
                                                ok=ok)
    return result


def run_due(jobs: Iterable[Job] = JOBS, now: datetime | None = None,
            force: bool = False) -> dict[str, str]:
    """Run every job that is due; returns {name: result} for those that ran here."""
    now = now or timezone.now()
    return {job.name: run_job(job) for job in jobs if claim(job, now, force)}


def start_job_thread(stop_event: threading.Event, jobs: Iterable[Job] = JOBS,
                     tick: float = TICK_SECONDS) -> threading.Thread:
    """Check for due jobs every `tick` seconds until `stop_event` is set (`kiosk-hub serve`)."""
    jobs = tuple(jobs)

    def loop() -> None:
        while not stop_event.is_set():
            try:
                run_due(jobs)
            except DatabaseError as error:
                log.warning("jobs: the database cannot be reached (%s); next try in %d s",
                            error, tick)
            finally:
                connections.close_all()  # this thread's own connections; none kept idle
            stop_event.wait(tick)

    thread = threading.Thread(target=loop, name="hub-jobs", daemon=True)
    thread.start()
    return thread


def job_named(name: str) -> Job:
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(name)
