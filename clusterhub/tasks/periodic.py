"""Periodic jobs: the one list of work the worker runs at fixed times.

Each app declares its jobs from `AppConfig.ready()` with `register(PeriodicJob(...))`; this
layer imports none of them. `clusterhub worker` writes the list into django-q2's schedule
when it starts (`sync_schedule`), so the schedule always matches the code: a job removed
from the code is removed from the schedule, and nothing is added by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

from clusterhub.tasks.queue import path_of


@dataclass(frozen=True)
class PeriodicJob:
    """`func()` every `every` (at least a minute); the first run at the next `at` (local
    time of day) when given, else one `every` from now."""

    name: str
    func: Callable[[], object]
    every: dt.timedelta
    at: dt.time | None = None

    def __post_init__(self) -> None:
        if not self.name or len(self.name) > 100:
            raise ValueError("a periodic job needs a name of at most 100 characters")
        if self.every < dt.timedelta(minutes=1) or self.every % dt.timedelta(minutes=1):
            raise ValueError(f"{self.name}: a periodic job runs every whole number of minutes")
        path_of(self.func)  # the worker must be able to import it

    @property
    def minutes(self) -> int:
        return int(self.every / dt.timedelta(minutes=1))

    def first_run(self, now: dt.datetime) -> dt.datetime:
        if self.at is None:
            return now + self.every
        local = timezone.localtime(now)
        start = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        return start if start > local else start + dt.timedelta(days=1)


JOBS: dict[str, PeriodicJob] = {}


def register(job: PeriodicJob) -> None:
    """Declare `job`; called from an app's `ready()`, so twice with the same job is fine."""
    known = JOBS.get(job.name)
    if known is not None and known != job:
        raise ValueError(f"two periodic jobs are named {job.name!r}")
    JOBS[job.name] = job


def _matches(schedule: Schedule, job: PeriodicJob) -> bool:
    if (schedule.func, schedule.schedule_type, schedule.minutes, schedule.repeats) != (
        path_of(job.func),
        Schedule.MINUTES,
        job.minutes,
        -1,
    ):
        return False
    if job.at is None or schedule.next_run is None:
        return True
    next_run = timezone.localtime(schedule.next_run)
    return (next_run.hour, next_run.minute) == (job.at.hour, job.at.minute)


def sync_schedule(now: dt.datetime | None = None) -> list[str]:
    """Make django-q2's schedule hold exactly the registered jobs; returns their names.

    A job whose schedule is unchanged keeps its next run; a new or changed one is set to
    its first run.
    """
    now = now or timezone.now()
    with transaction.atomic():
        Schedule.objects.exclude(name__in=list(JOBS)).delete()
        for job in JOBS.values():
            schedule = Schedule.objects.filter(name=job.name).first()
            if schedule is not None and _matches(schedule, job):
                continue
            Schedule.objects.filter(name=job.name).delete()
            Schedule.objects.create(
                name=job.name,
                func=path_of(job.func),
                schedule_type=Schedule.MINUTES,
                minutes=job.minutes,
                repeats=-1,
                next_run=job.first_run(now),
            )
    return sorted(JOBS)
