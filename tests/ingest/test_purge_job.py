"""Abandoned browser uploads are purged every hour by the worker, not only by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_q.models import Schedule

from clusterhub.ingest.uploads import purge_abandoned_uploads
from clusterhub.tasks.periodic import JOBS, sync_schedule


def test_the_registry_holds_the_hourly_purge_of_abandoned_uploads() -> None:
    job = JOBS["purge abandoned uploads"]
    assert job.func is purge_abandoned_uploads
    assert (job.every, job.at) == (dt.timedelta(hours=1), None)


@pytest.mark.django_db
def test_the_worker_schedules_the_purge_every_sixty_minutes() -> None:
    now = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 30))
    assert "purge abandoned uploads" in sync_schedule(now)
    schedule = Schedule.objects.get(name="purge abandoned uploads")
    assert schedule.func == "clusterhub.ingest.uploads.purge_abandoned_uploads"
    assert (schedule.schedule_type, schedule.minutes, schedule.repeats) == ("I", 60, -1)
    assert schedule.next_run == now + dt.timedelta(hours=1)
