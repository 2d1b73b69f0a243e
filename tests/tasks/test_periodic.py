"""Periodic jobs are declared in one registry, filled by the apps, and written into the
schedule by the worker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_q.models import Schedule

from clusterhub.benchmarking.services.surveys import remind_quiet_invitations
from clusterhub.tasks import periodic
from clusterhub.tasks.periodic import JOBS, PeriodicJob, register, sync_schedule
from tests.tasks.jobs import note

pytestmark = pytest.mark.django_db


def test_the_registry_holds_the_daily_survey_reminder() -> None:
    job = JOBS["survey reminders"]
    assert job.func is remind_quiet_invitations
    assert (job.every, job.at) == (dt.timedelta(days=1), dt.time(8, 0))


def test_the_worker_writes_the_registry_into_the_schedule_and_keeps_the_next_run() -> None:
    now = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 30))
    assert "survey reminders" in sync_schedule(now)
    schedule = Schedule.objects.get(name="survey reminders")
    assert schedule.func == "clusterhub.benchmarking.services.surveys.remind_quiet_invitations"
    assert (schedule.schedule_type, schedule.minutes, schedule.repeats) == ("I", 1440, -1)
    # 09:30 is past 08:00, so the first run is tomorrow morning, local time.
    assert timezone.localtime(schedule.next_run) == timezone.make_aware(
        dt.datetime(2026, 3, 3, 8, 0)
    )
    Schedule.objects.filter(pk=schedule.pk).update(next_run=schedule.next_run + dt.timedelta(1))
    sync_schedule(now + dt.timedelta(hours=1))
    assert Schedule.objects.get(name="survey reminders").next_run == schedule.next_run + (
        dt.timedelta(1)
    )


def test_a_job_no_longer_declared_leaves_the_schedule(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(periodic, "JOBS", dict(JOBS))
    register(PeriodicJob("test note", note, every=dt.timedelta(minutes=5)))
    sync_schedule()
    assert Schedule.objects.filter(name="test note").exists()
    del periodic.JOBS["test note"]
    sync_schedule()
    assert sorted(Schedule.objects.values_list("name", flat=True)) == sorted(JOBS)


def test_a_job_must_run_every_whole_number_of_minutes_and_have_a_unique_name(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="whole number of minutes"):
        PeriodicJob("too often", note, every=dt.timedelta(seconds=30))
    monkeypatch.setattr(periodic, "JOBS", dict(JOBS))
    with pytest.raises(ValueError, match="two periodic jobs"):
        register(PeriodicJob("survey reminders", note, every=dt.timedelta(days=1)))
