"""`clusterhub worker`: run the background tasks and the periodic jobs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.tasks.periodic import JOBS, sync_schedule
from clusterhub.tasks.queue import path_of
from clusterhub.tasks.worker import PAUSE, run_queued, serve


class Command(BaseCommand):
    help = (
        "Run the background tasks (mail, imports, harvests) and the periodic jobs until "
        "stopped (SIGTERM or Ctrl-C). The queue is a table of the database; one worker per "
        "site is enough (TASKS_WORKERS sets how many tasks it runs at a time)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="run the periodic jobs that are due and the tasks queued now, then stop",
        )
        parser.add_argument(
            "--list",
            action="store_true",
            help="list the periodic jobs and stop",
        )
        parser.add_argument(
            "--pause",
            type=float,
            default=PAUSE,
            help=f"seconds to wait after the database was unreachable (default {PAUSE})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["pause"] <= 0:
            raise CommandError("--pause must be a positive number of seconds")
        if options["list"]:
            for job in sorted(JOBS.values(), key=lambda j: j.name):
                at = f", first at {job.at:%H:%M}" if job.at else ""
                self.stdout.write(
                    f"{job.name}: every {job.minutes} minutes{at} ({path_of(job.func)})"
                )
            return
        if options["once"]:
            sync_schedule()
            ran = run_queued()
            self.stdout.write(f"{ran} tasks ran.")
            return
        serve(pause=options["pause"])
