"""Who may see which survey round, asked of the one policy."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from clusterhub.accounts.policy import Action, can, coordinated_countries, is_admin
from clusterhub.audit.services import Actor
from clusterhub.benchmarking.models import Survey


def actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="surveys")


def site() -> str:
    """The address the links in e-mails start with: SITE_URL, never the request's Host."""
    return settings.SITE_URL


def manages_any(user: Any) -> bool:
    """May the user run survey rounds at all (an admin, or a coordinator of a country)?"""
    return is_admin(user) or bool(coordinated_countries(user))


def survey_countries(user: Any, survey: Survey) -> frozenset[str] | None:
    """The countries of the round the user runs it for: None for every country (an admin's
    round of every country), else a set, empty when the user may not run it."""
    if survey.country:
        allowed = can(user, Action.MANAGE_SURVEYS, survey.country)
        return frozenset({survey.country}) if allowed else frozenset()
    if is_admin(user):
        return None
    return frozenset(c for c in coordinated_countries(user) if can(user, Action.MANAGE_SURVEYS, c))


def require_survey_countries(user: Any, survey: Survey) -> frozenset[str] | None:
    countries = survey_countries(user, survey)
    if countries is not None and not countries:
        raise PermissionDenied
    return countries


def manageable_surveys(user: Any) -> QuerySet[Survey]:
    surveys = Survey.objects.select_related("questionnaire")
    if is_admin(user):
        return surveys
    mine = coordinated_countries(user)
    if not mine:
        return surveys.none()
    return surveys.filter(Q(country__in=mine) | Q(country=""))
