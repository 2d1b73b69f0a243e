"""Translated names of the indicators and areas (defined in English in analytics/benchmark).

makemessages cannot see strings passed through a variable, so each is listed here once.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext, gettext_noop

from clusterhub.registry.vocabulary_labels import country_label, label
from clusterhub.standard.vocabularies import ECOSYSTEMS, LIFECYCLE, SERVICES

STUDY_LABELS: tuple[str, ...] = (
    # AREAS
    gettext_noop("Structure of participants"),
    gettext_noop("Management and governance"),
    gettext_noop("Financing"),
    gettext_noop("Services"),
    gettext_noop("Interaction within the cluster"),
    gettext_noop("Achievements and recognition"),
    # INDICATORS
    gettext_noop("Members"),
    gettext_noop("Share of SMEs among members"),
    gettext_noop("Share of large companies"),
    gettext_noop("Share of research organisations"),
    gettext_noop("Share of public bodies"),
    gettext_noop("Share of foreign members"),
    gettext_noop("Annual growth of membership (3 years)"),
    gettext_noop("Management staff (FTE)"),
    gettext_noop("Members per staff FTE"),
    gettext_noop("Age of the organisation"),
    gettext_noop("Groups represented on the board"),
    gettext_noop("Years since the strategy was updated"),
    gettext_noop("Cluster manager's experience"),
    gettext_noop("Annual budget"),
    gettext_noop("Budget per member"),
    gettext_noop("Share of public funding"),
    gettext_noop("Share financed by fees and services"),
    gettext_noop("Share financed by projects"),
    gettext_noop("Services offered"),
    gettext_noop("Needs stated"),
    gettext_noop("Events per year"),
    gettext_noop("Training participants per member"),
    gettext_noop("Member meetings per year"),
    gettext_noop("Share of members in joint projects"),
    gettext_noop("Joint projects per 10 members"),
    gettext_noop("Members' satisfaction (1-5)"),
    gettext_noop("Countries with active cooperation"),
    gettext_noop("Cluster management label"),
    gettext_noop("International projects"),
    gettext_noop("EU funding obtained"),
    gettext_noop("New products or services"),
    gettext_noop("Patent applications"),
)


def text(english: str) -> str:
    """An indicator's or area's name in the active language."""
    return gettext(english)


def ecosystem(code: str) -> str:
    return label(ECOSYSTEMS, code)


def service(code: str) -> str:
    return label(SERVICES, code)


def lifecycle(code: str) -> str:
    return label(LIFECYCLE, code)


def country(code: str) -> str:
    return country_label(code)


def sources(keys: Iterable[str]) -> str:
    """Indicators' sources (`registry`, `survey`, `registry+survey`), each named once."""
    parts = {part for key in keys for part in key.split("+")}
    if parts == {"registry"}:
        return gettext("registry")
    if parts == {"survey"}:
        return gettext("survey")
    return gettext("registry and survey")
