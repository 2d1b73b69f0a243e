"""Failed tasks and their errors are shown in the admin to administrators only."""

from __future__ import annotations

import pytest
from django_q.models import Failure

from clusterhub.tasks.queue import enqueue
from clusterhub.tasks.worker import run_queued
from tests.tasks.jobs import explode

FAILURES = "/en/admin/django_q/failure/"


@pytest.fixture
def failed(queued, monkeypatch) -> Failure:  # type: ignore[no-untyped-def]
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "MAX_ATTEMPTS", 1)
    enqueue(explode, "the mail server refused jana@example.cz")
    run_queued()
    return Failure.objects.get()


def test_an_administrator_sees_the_failed_task_with_its_error(client, personas, failed) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    listing = client.get(FAILURES).content.decode()
    assert "tests.tasks.jobs.explode" in listing
    detail = client.get(f"{FAILURES}{failed.pk}/change/").content.decode()
    assert "RuntimeError: the mail server refused jana@example.cz" in detail


def test_other_users_cannot_see_failed_tasks_even_with_staff_status(
    client, personas, failed
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.registered)
    assert client.get(FAILURES).status_code == 302  # to the admin's sign-in
    staff = personas.coordinator_cz
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(FAILURES).status_code == 403
    assert client.get(f"{FAILURES}{failed.pk}/change/").status_code == 403
    assert "django_q" not in client.get("/en/admin/").content.decode()
