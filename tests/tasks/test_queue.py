"""A task is queued after the commit, run by the worker, and a task that raises is recorded
with its error and tried again, three times in all."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django_q.models import Failure, OrmQ, Success

from clusterhub.tasks.queue import enqueue
from clusterhub.tasks.worker import run_queued
from tests.tasks.jobs import RUNS, explode, fail_once, note


def test_a_task_is_queued_only_when_the_transaction_commits(queued) -> None:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        enqueue(note, "committed")
        assert OrmQ.objects.count() == 0  # not before the commit
    assert OrmQ.objects.count() == 1
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue(note, "rolled back")
        raise RuntimeError("the request failed")
    assert OrmQ.objects.count() == 1
    assert run_queued() == 1
    assert cache.get(f"{RUNS}:committed") == "ran"
    assert OrmQ.objects.count() == 0
    assert Success.objects.get().func == "tests.tasks.jobs.note"


def test_a_task_that_raises_is_recorded_with_its_error_and_tried_three_times(queued) -> None:  # type: ignore[no-untyped-def]
    enqueue(explode, "the mail server refused")
    assert run_queued() == 3  # the first attempt and two more, then it is given up
    failure = Failure.objects.get()
    assert failure.attempt_count == 3
    assert "RuntimeError: the mail server refused" in failure.result
    assert OrmQ.objects.count() == 0
    assert run_queued() == 0


def test_a_task_that_fails_once_succeeds_on_its_next_attempt(queued) -> None:  # type: ignore[no-untyped-def]
    enqueue(fail_once, "flaky")
    assert run_queued() == 2
    done = Success.objects.get()
    assert (done.attempt_count, done.result) == (2, "flaky done after 2 runs")
    assert not Failure.objects.exists()


def test_the_worker_goes_on_after_a_task_raises(queued, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "MAX_ATTEMPTS", 1)
    enqueue(explode, "first")
    enqueue(note, "second")
    assert run_queued() == 2
    assert cache.get(f"{RUNS}:second") == "ran"
    assert Failure.objects.get().func == "tests.tasks.jobs.explode"


def test_only_module_level_functions_can_be_queued() -> None:
    def inner() -> None: ...

    with pytest.raises(ValueError, match="module-level"):
        enqueue(inner)
    with pytest.raises(ValueError, match="keeps these argument names"):
        enqueue(note, "x", timeout=3)
