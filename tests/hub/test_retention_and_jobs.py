"""Kept no longer than needed: the daily job empties old closed requests and keeps the counts;
a job claimed by one run is not run again by another."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import hub_rows
import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from hub.housekeeping.models import JobRun
from hub.inbox.models import AccessLog, Note
from hub.intake.content import ContentUnavailable, open_content
from hub.intake.models import Conflict
from hub.jobs import Job, job_named, run_due, start_job_thread
from hub.reports.figures import Month, detail_rows, total

pytestmark = pytest.mark.django_db


def closed(days_ago: float, state: str = "done", **fields):
    at = timezone.now() - timedelta(days=days_ago)
    return hub_rows.submission("acte-naissance", at=at - timedelta(days=1), state=state,
                               closed_at=at, **fields)


def test_retention_empties_content_after_the_services_days_and_keeps_the_counts(caplog):
    hub_rows.service("commune-etat-civil", retention_days=30)
    old_done, old_refused = closed(31), closed(45, state="refused")
    recent, still_open = closed(29), hub_rows.submission("acte-naissance",
                                                         at=timezone.now() - timedelta(days=200))
    Note.objects.create(submission=old_done, text="Appelé Mme Durand au 06...")
    Note.objects.create(submission=recent, text="à rappeler")
    Conflict.objects.create(submission=old_refused, payload=b"sealed other content")
    AccessLog.objects.create(username="agent", submission=old_done,
                             reference=old_done.reference, routing=old_done.routing)
    months = {Month(r.created_at.year, r.created_at.month) for r in (old_done, old_refused,
                                                                       recent, still_open)}
    before = {month: total(detail_rows(month)) for month in months}

    caplog.set_level(logging.INFO)
    assert "2 requests emptied" in run_due([job_named("retention")])["retention"]

    for row in (old_done, old_refused):
        row.refresh_from_db()
        assert row.payload is None and row.content_deleted_at is not None
        with pytest.raises(ContentUnavailable, match="supprimé"):
            open_content(row)
        assert row.state in ("done", "refused") and row.reference  # metadata stays
    for row in (recent, still_open):
        row.refresh_from_db()
        assert row.payload is not None and open_content(row)["answers"] == {"nom": "Durand"}
    assert list(Note.objects.values_list("text", flat=True)) == ["à rappeler"]
    assert not Conflict.objects.exists()
    assert AccessLog.objects.get().submission_id == old_done.pk  # the access log is untouched
    assert {month: total(detail_rows(month)) for month in months} == before
    assert "retention: 2 requests emptied for commune-etat-civil" in caplog.text


def test_a_routing_without_a_service_row_keeps_content_90_days():
    kept, emptied = closed(89), closed(91)
    run_due([job_named("retention")])
    kept.refresh_from_db()
    emptied.refresh_from_db()
    assert kept.payload is not None and emptied.payload is None


def counting_job(name: str = "count", every: timedelta = timedelta(days=1)):
    runs: list[int] = []
    return Job(name, every, lambda: runs.append(1) or f"run {len(runs)}", "counts"), runs


def test_a_daily_job_runs_once_until_a_day_has_passed_even_after_a_restart():
    job, runs = counting_job()
    now = timezone.now()
    assert run_due([job], now=now) == {"count": "run 1"}
    assert run_due([job], now=now + timedelta(hours=23)) == {}  # a restart, same database
    assert runs == [1]
    assert run_due([job], now=now + timedelta(days=1)) == {"count": "run 2"}
    row = JobRun.objects.get(name="count")
    assert row.ok and row.result == "run 2" and row.finished_at is not None


@pytest.mark.django_db(transaction=True)  # the other thread must see the committed claim
def test_a_job_claimed_by_one_run_is_not_run_by_another_at_the_same_time():
    """While the first run is still working, a second run (another thread, its own database
    connection) finds the job already claimed and leaves it."""
    started, release = threading.Event(), threading.Event()
    runs: list[str] = []

    def slow() -> str:
        runs.append("first")
        started.set()
        assert release.wait(10)
        return "done"

    job = Job("slow", timedelta(days=1), slow, "waits")
    first = threading.Thread(target=run_due, args=([job],))
    first.start()
    try:
        assert started.wait(10)
        assert run_due([job]) == {}  # claimed by the first: not run twice
    finally:
        release.set()
        first.join(10)
    assert runs == ["first"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not connection.features.has_select_for_update_skip_locked,
                    reason="SKIP LOCKED is PostgreSQL's (the PostgreSQL pass runs this); "
                           "SQLite serialises claims with IMMEDIATE transactions instead")
def test_a_second_process_skips_a_job_row_another_one_is_claiming():
    job, runs = counting_job("locked")
    JobRun.objects.create(name="locked")
    locked, release = threading.Event(), threading.Event()

    def hold_the_row() -> None:  # another hub process, in the middle of its claim
        with transaction.atomic():
            JobRun.objects.select_for_update().get(name="locked")
            locked.set()
            release.wait(10)
        connections.close_all()

    holder = threading.Thread(target=hold_the_row)
    holder.start()
    try:
        assert locked.wait(10)
        assert run_due([job]) == {} and runs == []  # skipped at once, not waiting
    finally:
        release.set()
        holder.join(10)
    assert run_due([job]) == {"locked": "run 1"}


def test_a_failing_job_is_recorded_and_does_not_stop_the_others(caplog):
    def broken() -> str:
        raise RuntimeError("disk full")

    other, runs = counting_job("other")
    results = run_due([Job("broken", timedelta(hours=1), broken, "fails"), other])
    assert "failed: RuntimeError: disk full" in results["broken"] and runs == [1]
    assert not JobRun.objects.get(name="broken").ok
    assert "Traceback" not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_job_thread_runs_due_jobs_and_stops_when_asked():
    done = threading.Event()
    job = Job("thread", timedelta(days=1), lambda: done.set() or "ran", "sets an event")
    stop = threading.Event()
    thread = start_job_thread(stop, jobs=[job], tick=0.05)
    try:
        assert done.wait(10)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_the_run_jobs_command_runs_what_is_due_and_names_unknown_jobs(capsys):
    closed(200)
    call_command("run_jobs", "retention")
    assert "retention: 1 requests emptied" in capsys.readouterr().out
    call_command("run_jobs", "retention")
    assert "retention: not due" in capsys.readouterr().out
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="unknown job 'nettoyage'"):
        call_command("run_jobs", "nettoyage")
