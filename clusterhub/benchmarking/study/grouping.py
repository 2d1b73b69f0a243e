"""How the study groups organisations: by country, or by NUTS 2 region inside one country."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import labels
from clusterhub.benchmarking.study.data import Organisation, StudyData
from clusterhub.registry.models import Region


def place_grouping(data: StudyData) -> tuple[str, Callable[[Organisation], str | None]]:
    """(the heading of the grouping, organisation → its group's name). `grouping_phrase`
    gives the same words inside a sentence ("Organisations by country")."""
    if data.scope.country:
        names = dict(
            Region.objects.filter(level=2, code__startswith=data.scope.country[:2]).values_list(
                "code", "name"
            )
        )

        def region(org: Organisation) -> str | None:
            code = (org.nuts or "")[:4]
            if len(code) < 4:
                return None
            return f"{names.get(code, code)} ({code})" if names.get(code) else code

        return _("Region (NUTS 2)"), region
    return _("Country"), lambda org: country_name(org.country)


def country_name(code: str) -> str:
    return labels.country(code) or code


def grouping_phrase(data: StudyData) -> str:
    """The grouping as a sentence names it (lower case where the language wants it)."""
    return _("region (NUTS 2)") if data.scope.country else _("country")
