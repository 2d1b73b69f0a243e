"""Survey mail leaves the web request: one task per mail, tried again when the mail server
refuses, and a daily job reminding the clusters that have not answered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import Failure, OrmQ, Success

from clusterhub.benchmarking.models import Invitation
from clusterhub.benchmarking.services.surveys import remind_quiet_invitations
from clusterhub.registry.services import upsert_cluster
from clusterhub.tasks.worker import run_queued
from tests.benchmarking.surveys import (
    fast_passwords,  # noqa: F401 (autouse)
    invite,
    open_survey,
    submit,
)
from tests.personas import SETUP


def test_an_invitation_refused_by_the_mail_server_is_kept_and_sent_on_the_next_attempt(
    queued, personas, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(Conf, "RETRY", 3600)
    survey = open_survey("CZ")
    # A real SMTP client, to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 1, False
    mailing = invite(survey, personas.cz_cluster)
    assert (mailing.invited, mailing.mailed) == (1, 1)  # queued; the request did not wait
    assert run_queued() == 1
    assert "Connection refused" in Failure.objects.get().result
    assert Invitation.objects.get().sent_at is None
    assert OrmQ.objects.count() == 1  # still queued for its next attempt
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OrmQ.objects.update(lock=timezone.now() - dt.timedelta(seconds=1))  # its retry time came
    assert run_queued() == 1
    assert [m.to for m in mail.outbox] == [["jana@example.cz"]]
    assert Invitation.objects.get().sent_at is not None
    assert Success.objects.get().attempt_count == 2 and not Failure.objects.exists()


def _mailed(days_ago: int, *, reminded_days_ago: int | None = None) -> dict[str, object]:
    now = timezone.now()
    reminded = None if reminded_days_ago is None else now - dt.timedelta(reminded_days_ago)
    return {"sent_at": now - dt.timedelta(days_ago), "reminded_at": reminded}


@pytest.mark.django_db
def test_the_daily_job_reminds_only_clusters_quiet_for_the_set_number_of_days(
    personas, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.SURVEY_REMINDER_DAYS = 14
    quiet, _ = upsert_cluster(
        {"id": "cz-3", "name": "Tichý klastr", "country": "CZ", "email": "info@tichy.cz"},
        source="CZ",
        actor=SETUP,
    )
    recent, _ = upsert_cluster(
        {"id": "cz-4", "name": "Nový klastr", "country": "CZ", "email": "info@novy.cz"},
        source="CZ",
        actor=SETUP,
    )
    upsert_cluster({"id": "cz-2", "email": "info@zdravi.cz"}, source="CZ", actor=SETUP)
    survey = open_survey("CZ")
    closed = open_survey("CZ", title="Last year", closes_on=timezone.localdate() - dt.timedelta(1))
    invite(survey, quiet, recent, personas.cz_other, personas.cz_cluster)
    invite(closed, quiet)
    submit(survey, personas.cz_cluster)
    by = {i.cluster_id: i for i in Invitation.objects.filter(survey=survey)}
    Invitation.objects.filter(pk=by[quiet.pk].pk).update(**_mailed(20))
    Invitation.objects.filter(pk=by[recent.pk].pk).update(**_mailed(3))
    Invitation.objects.filter(pk=by[personas.cz_other.pk].pk).update(
        **_mailed(30, reminded_days_ago=2)
    )
    Invitation.objects.filter(pk=by[personas.cz_cluster.pk].pk).update(**_mailed(30))
    Invitation.objects.filter(survey=closed).update(**_mailed(30))
    mail.outbox.clear()
    assert remind_quiet_invitations() == 1
    assert [m.to for m in mail.outbox] == [["info@tichy.cz"]]
    assert mail.outbox[0].subject == f"Připomínka: {survey.title}"
    assert Invitation.objects.get(pk=by[quiet.pk].pk).reminded_at is not None
    assert remind_quiet_invitations() == 0  # reminded today: quiet again only in 14 days
    settings.SURVEY_REMINDER_DAYS = 0
    Invitation.objects.update(reminded_at=None)
    assert remind_quiet_invitations() == 0
