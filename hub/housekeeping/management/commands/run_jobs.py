"""`kiosk-hub manage run_jobs`: run the periodic jobs that are due, once (cron or systemd
timer), for a hub served without its job thread."""

from django.core.management.base import BaseCommand, CommandError

from hub.jobs import JOBS, job_named, run_due


class Command(BaseCommand):
    help = "Run the back office's periodic jobs that are due (retention, e-mail notices)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("names", nargs="*", metavar="JOB",
                            help="only these jobs: " + ", ".join(job.name for job in JOBS))
        parser.add_argument("--force", action="store_true",
                            help="run them now even if they ran recently")

    def handle(self, *args, names: list[str], force: bool, **options) -> None:
        try:
            jobs = [job_named(name) for name in names] if names else list(JOBS)
        except KeyError as error:
            raise CommandError(f"unknown job {error}; the jobs are: "
                               + ", ".join(job.name for job in JOBS)) from None
        ran = run_due(jobs, force=force)
        for job in jobs:
            line = ran.get(job.name, "not due (or running elsewhere)")
            self.stdout.write(f"{job.name}: {line}")
