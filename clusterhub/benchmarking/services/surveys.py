"""Survey rounds and their invitations: creating a round, inviting clusters, reminding them."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from clusterhub.audit.services import Actor, Change, record, record_many
from clusterhub.benchmarking.mail import survey_email
from clusterhub.benchmarking.models import Invitation, Questionnaire, Response, Survey
from clusterhub.registry.models import Cluster
from clusterhub.standard import values
from clusterhub.tasks.queue import enqueue

MODEL = "survey"
INVITATION = "survey_invitation"


class SurveyInvalid(ValueError):
    """A round or an invitation breaks a rule; the message says which."""


def _survey_record(survey: Survey) -> dict[str, Any]:
    return {
        "questionnaire": str(survey.questionnaire),
        "title": survey.title,
        "country": survey.country,
        "opens_on": survey.opens_on.isoformat(),
        "closes_on": survey.closes_on.isoformat(),
    }


def create_survey(
    *,
    questionnaire: Questionnaire,
    title: str,
    country: str,
    opens_on: dt.date,
    closes_on: dt.date,
    actor: Actor,
    user: Any = None,
) -> Survey:
    """A new round of `questionnaire` for the clusters of `country` ("" for every country)."""
    title = title.strip()
    if not title or len(title) > 300:
        raise SurveyInvalid("a survey needs a title of at most 300 characters")
    if country:
        try:
            country = values.country(country)
        except values.Invalid as exc:
            raise SurveyInvalid(f"country {country!r} {exc}") from None
    if closes_on < opens_on:
        raise SurveyInvalid("a survey cannot close before it opens")
    with transaction.atomic():
        survey = Survey.objects.create(
            questionnaire=questionnaire,
            title=title,
            country=country,
            opens_on=opens_on,
            closes_on=closes_on,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        record(
            actor,
            Change("create", MODEL, str(survey.pk), survey.title, None, _survey_record(survey)),
        )
    return survey


def address_of(cluster: Cluster) -> str:
    """Where the invitation goes: the contact person's e-mail, else the public one."""
    for candidate in (cluster.contact_email, cluster.email):
        try:
            return values.email(candidate or "")
        except values.Invalid:
            continue
    return ""


@dataclass
class Mailing:
    """What inviting or reminding did. The mails themselves go out from the worker
    (`mail_invitation`): `mailed` counts those queued; `no_address` names the clusters that
    have no address to mail."""

    invited: int = 0
    already: int = 0
    mailed: int = 0
    no_address: list[str] = field(default_factory=list)


def _new_invitation(survey: Survey, cluster: Cluster) -> Invitation:
    if not survey.covers(cluster.country):
        raise SurveyInvalid(
            f"{cluster.name} is a cluster of {cluster.country}; the survey asks {survey.country}"
        )
    return Invitation(
        survey=survey,
        cluster=cluster,
        email=address_of(cluster),
        token=secrets.token_urlsafe(32),
    )


def _invitation_change(invitation: Invitation) -> Change:
    return Change(
        "create",
        INVITATION,
        str(invitation.pk),
        f"{invitation.cluster.name} ({invitation.survey.title})"[:300],
        None,
        {
            "survey": invitation.survey_id,
            "cluster": invitation.cluster_id,
            "email": invitation.email,
        },
    )


def ensure_invitation(survey: Survey, cluster: Cluster, *, actor: Actor) -> tuple[Invitation, bool]:
    """The cluster's invitation to the round, made (without mail) when missing; for imports."""
    existing = Invitation.objects.filter(survey=survey, cluster=cluster).first()
    if existing is not None:
        return existing, False
    invitation = _new_invitation(survey, cluster)
    invitation.save()
    record(actor, _invitation_change(invitation))
    return invitation, True


def invite(survey: Survey, clusters: Iterable[Cluster], *, actor: Actor, site: str) -> Mailing:
    """Invite `clusters` to the round and queue a mail for each new invitation that has an
    address.

    The invitations are stored in one transaction; each mail is then its own background
    task, queued when that transaction commits, so a mail server that fails for one address
    holds none of the others back, and that one is tried again.
    """
    mailing = Mailing()
    created: list[Invitation] = []
    with transaction.atomic():
        known = set(survey.invitations.values_list("cluster_id", flat=True))
        for cluster in clusters:
            if cluster.pk in known:
                mailing.already += 1
                continue
            invitation = _new_invitation(survey, cluster)
            invitation.save()
            known.add(cluster.pk)
            created.append(invitation)
        record_many(actor, [_invitation_change(i) for i in created])
        mailing.invited = len(created)
        _queue(created, mailing, site=site, reminder=False, actor=actor)
    return mailing


def send_reminders(
    survey: Survey,
    *,
    countries: frozenset[str] | None,
    actor: Actor,
    site: str,
    quiet_since: dt.datetime | None = None,
) -> Mailing:
    """Queue a reminder to every invited cluster (of `countries`; None: all) that has not
    submitted, at its current address; with `quiet_since`, only to those mailed an
    invitation and sent nothing since that time (the daily job)."""
    submitted = Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED)
    pending = (
        survey.invitations.select_related("cluster")
        .exclude(cluster_id__in=submitted.values("cluster_id"))
        .order_by("cluster__name")
    )
    if countries is not None:
        pending = pending.filter(cluster__country__in=countries)
    if quiet_since is not None:
        pending = pending.filter(
            Q(reminded_at__isnull=True) | Q(reminded_at__lte=quiet_since),
            sent_at__lte=quiet_since,
        )
    mailing = Mailing()
    with transaction.atomic():
        _queue(list(pending), mailing, site=site, reminder=True, actor=actor)
    return mailing


def _queue(
    invitations: list[Invitation], mailing: Mailing, *, site: str, reminder: bool, actor: Actor
) -> None:
    """One mail task per invitation that has an address; reminders go to the address the
    profile has now, which may have been added or changed since the invitation."""
    for invitation in invitations:
        if reminder:
            address = address_of(invitation.cluster)
            if address != invitation.email:
                invitation.email = address
                Invitation.objects.filter(pk=invitation.pk).update(email=address)
        if not invitation.email:
            mailing.no_address.append(invitation.cluster.name)
            continue
        enqueue(
            mail_invitation,
            invitation.pk,
            reminder=reminder,
            site=site,
            actor={"name": actor.name, "user_id": actor.user_id, "context": actor.context},
        )
        mailing.mailed += 1


def mail_invitation(invitation_id: int, *, reminder: bool, site: str, actor: dict[str, Any]) -> str:
    """The background task behind `invite` and `send_reminders`: mail one invitation (or
    reminder) and stamp when it went out. A refusing mail server raises, so the worker
    records the error and tries again; returns what was done, for the task list."""
    invitation = (
        Invitation.objects.select_related("cluster", "survey__questionnaire")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return "the invitation no longer exists"
    if not reminder and invitation.sent_at is not None:
        return "already sent"  # a second attempt after the mail went out
    if not invitation.email:
        return "no address"
    survey_email(invitation, site=site, reminder=reminder).send()
    now = timezone.now()
    if not reminder:
        Invitation.objects.filter(pk=invitation.pk).update(sent_at=now)
        return f"invitation sent to {invitation.email}"
    with transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(reminded_at=now)
        record(
            Actor(**actor),
            Change(
                "update",
                INVITATION,
                str(invitation.pk),
                f"{invitation.cluster.name} ({invitation.survey.title})"[:300],
                None,
                {"reminded_at": now.isoformat()},
            ),
        )
    return f"reminder sent to {invitation.email}"


def remind_quiet_invitations() -> int:
    """The daily job: in every open round, remind the clusters that were mailed an
    invitation, have not submitted, and were sent nothing for SURVEY_REMINDER_DAYS days.
    Returns how many reminders were queued."""
    days = settings.SURVEY_REMINDER_DAYS
    if days <= 0:
        return 0
    quiet_since = timezone.now() - dt.timedelta(days=days)
    today = timezone.localdate()
    actor = Actor.system("survey reminders", context="surveys")
    queued = 0
    for survey in Survey.objects.filter(opens_on__lte=today, closes_on__gte=today):
        mailing = send_reminders(
            survey, countries=None, actor=actor, site=settings.SITE_URL, quiet_since=quiet_since
        )
        queued += mailing.mailed
    return queued
