"""Response rates of a survey round: invited, drafts, submitted, per country and ecosystem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusterhub.benchmarking.models import Invitation, Response, Survey
from clusterhub.registry.models import ClusterTag
from clusterhub.registry.vocabulary_labels import country_label, label
from clusterhub.standard import vocabularies as vocab


@dataclass
class Rate:
    key: str
    label: str
    invited: int = 0
    drafts: int = 0
    submitted: int = 0

    @property
    def not_started(self) -> int:
        return self.invited - self.drafts - self.submitted

    @property
    def percent(self) -> float | None:
        """Submitted of invited, in per cent (None when nobody was invited)."""
        return round(100 * self.submitted / self.invited, 1) if self.invited else None

    def add(self, status: str | None) -> None:
        self.invited += 1
        if status == Response.Status.SUBMITTED:
            self.submitted += 1
        elif status == Response.Status.DRAFT:
            self.drafts += 1


@dataclass
class Rates:
    total: Rate
    countries: list[Rate]
    ecosystems: list[Rate]


def _invitations(survey: Survey, countries: frozenset[str] | None) -> Any:
    invitations = Invitation.objects.filter(survey=survey)
    if countries is not None:
        invitations = invitations.filter(cluster__country__in=countries)
    return invitations


def response_rates(survey: Survey, countries: frozenset[str] | None = None) -> Rates:
    """The round's rates for the invited clusters of `countries` (None: every country).

    A cluster of several ecosystems counts in each of them.
    """
    invited = dict(_invitations(survey, countries).values_list("cluster_id", "cluster__country"))
    statuses = dict(
        Response.objects.filter(survey=survey, cluster_id__in=list(invited)).values_list(
            "cluster_id", "status"
        )
    )
    total = Rate("", "")
    by_country: dict[str, Rate] = {}
    for cluster_id, country in invited.items():
        status = statuses.get(cluster_id)
        total.add(status)
        by_country.setdefault(country, Rate(country, country_label(country) or country)).add(status)
    by_ecosystem: dict[str, Rate] = {}
    tags = ClusterTag.objects.filter(
        field=ClusterTag.Field.ECOSYSTEMS, cluster_id__in=list(invited)
    ).values_list("cluster_id", "term__code")
    for cluster_id, code in tags:
        name = label(vocab.ECOSYSTEMS, code) if code in vocab.ECOSYSTEMS else code
        by_ecosystem.setdefault(code, Rate(code, name)).add(statuses.get(cluster_id))
    return Rates(
        total=total,
        countries=sorted(by_country.values(), key=lambda r: r.key),
        ecosystems=sorted(by_ecosystem.values(), key=lambda r: r.label),
    )


@dataclass
class ClusterStatus:
    invitation: Invitation
    response: Response | None

    @property
    def status(self) -> str:
        return self.response.status if self.response else ""


def cluster_statuses(
    survey: Survey, countries: frozenset[str] | None = None
) -> list[ClusterStatus]:
    """Every invited cluster (of `countries`) with its invitation and response, by name."""
    invitations = (
        _invitations(survey, countries)
        .select_related("cluster")
        .order_by("cluster__country", "cluster__name")
    )
    responses = {
        r.cluster_id: r
        for r in Response.objects.filter(
            survey=survey, cluster_id__in=invitations.values("cluster_id")
        ).only("id", "cluster_id", "status", "submitted_at", "updated_at", "submitted_by_name")
    }
    return [ClusterStatus(i, responses.get(i.cluster_id)) for i in invitations]
