"""Survey rounds and their invitations: creating a round, inviting clusters, reminding them."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from clusterhub.audit.services import Actor, Change, record, record_many
from clusterhub.benchmarking.mail import survey_email
from clusterhub.benchmarking.models import Invitation, Questionnaire, Response, Survey
from clusterhub.registry.models import Cluster
from clusterhub.standard import values

MODEL = "survey"
INVITATION = "survey_invitation"
log = logging.getLogger(__name__)


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
    """What inviting or reminding did; names of clusters that could not be mailed."""

    invited: int = 0
    already: int = 0
    mailed: int = 0
    no_address: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


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
    """Invite `clusters` to the round and mail each new invitation that has an address.

    The invitations are stored first (one transaction); each mail then goes out on its own,
    so a mail server that fails for one address leaves the others sent and that one unsent.
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
    _send(created, mailing, site=site, reminder=False)
    return mailing


def send_reminders(
    survey: Survey, *, countries: frozenset[str] | None, actor: Actor, site: str
) -> Mailing:
    """Remind every invited cluster (of `countries`; None: all) that has not submitted, at
    its current address."""
    submitted = Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED)
    pending = (
        survey.invitations.select_related("cluster", "survey__questionnaire")
        .exclude(cluster_id__in=submitted.values("cluster_id"))
        .order_by("cluster__name")
    )
    if countries is not None:
        pending = pending.filter(cluster__country__in=countries)
    mailing = Mailing()
    sent = _send(list(pending), mailing, site=site, reminder=True)
    record_many(
        actor,
        [
            Change(
                "update",
                INVITATION,
                str(i.pk),
                f"{i.cluster.name} ({survey.title})"[:300],
                None,
                {"reminded_at": i.reminded_at.isoformat() if i.reminded_at else None},
            )
            for i in sent
        ],
    )
    return mailing


def _send(
    invitations: list[Invitation], mailing: Mailing, *, site: str, reminder: bool
) -> list[Invitation]:
    """Mail each invitation that has an address; returns those sent."""
    stamp = "reminded_at" if reminder else "sent_at"
    sent = []
    for invitation in invitations:
        if reminder:  # the profile may have gained or changed its address since
            address = address_of(invitation.cluster)
            if address != invitation.email:
                invitation.email = address
                Invitation.objects.filter(pk=invitation.pk).update(email=address)
        if not invitation.email:
            mailing.no_address.append(invitation.cluster.name)
            continue
        try:
            survey_email(invitation, site=site, reminder=reminder).send()
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("survey mail to %s failed: %s", invitation.email, exc)
            mailing.failed.append(invitation.cluster.name)
            continue
        now = timezone.now()
        setattr(invitation, stamp, now)
        Invitation.objects.filter(pk=invitation.pk).update(**{stamp: now})
        mailing.mailed += 1
        sent.append(invitation)
    return sent
