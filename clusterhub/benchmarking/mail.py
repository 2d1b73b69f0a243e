"""The e-mails of a survey round: an invitation and a reminder, in the cluster's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from clusterhub.benchmarking.definition import text_in
from clusterhub.benchmarking.models import Invitation

# The language a cluster of a country reads its mail in; English elsewhere.
COUNTRY_LANGUAGES = {"CZ": "cs", "SK": "sk", "PL": "pl", "HU": "hu", "DE": "de", "AT": "de"}


def language_for(country: str) -> str:
    language = COUNTRY_LANGUAGES.get(country, settings.LANGUAGE_CODE)
    offered = {code for code, _name in settings.LANGUAGES}
    return language if language in offered else settings.LANGUAGE_CODE


def survey_email(invitation: Invitation, *, site: str, reminder: bool = False) -> EmailMessage:
    """The invitation (or reminder) to `invitation.email`; `site` is e.g. https://example.org."""
    survey, cluster = invitation.survey, invitation.cluster
    language = language_for(cluster.country)
    with translation.override(language):
        link = site.rstrip("/") + reverse("portal:survey_invitation", args=[invitation.token])
        context = {
            "cluster": cluster.name,
            "survey": survey.title,
            "questionnaire": text_in(survey.questionnaire.spec.title, language),
            "closes_on": survey.closes_on,
            "link": link,
            "reminder": reminder,
        }
        if reminder:
            subject = _("Reminder: %(survey)s") % {"survey": survey.title}
        else:
            subject = _("Benchmarking survey: %(survey)s") % {"survey": survey.title}
        body = render_to_string("benchmarking/surveys/email/invitation.txt", context)
    return EmailMessage(subject, body, to=[invitation.email])
