"""Everything the study reads, gathered once: organisations, indicators, answers, mapping,
policy initiatives. Personal data (contact persons) is never read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clusterhub.analytics.benchmark import compute_indicators
from clusterhub.benchmarking.records import organisations
from clusterhub.mapping.queries import Badge, region_badges_of
from clusterhub.policy.models import Initiative
from clusterhub.policy.queries import initiatives_for
from clusterhub.registry.models import Cluster


@dataclass(frozen=True)
class Scope:
    """Which organisations the study covers."""

    country: str | None = None
    ecosystem: str | None = None
    year: int = field(default_factory=lambda: dt.date.today().year)


@dataclass
class Organisation:
    pk: int
    name: str
    country: str
    nuts: str | None
    ecosystems: list[str]
    lifecycle: str | None
    size_band: str | None
    answered: bool
    record: dict[str, Any]
    badges: list[Badge]


@dataclass
class StudyData:
    scope: Scope
    organisations: list[Organisation]
    values: dict[str, dict[str, float | None]]  # organisation pk (as text) → indicator values
    answers: dict[int, dict[str, Any]]  # organisation pk → its latest submitted answers
    questionnaire: str | None
    initiatives: list[Initiative]
    generated: dt.datetime

    @property
    def answered(self) -> int:
        return sum(1 for org in self.organisations if org.answered)


def gather(scope: Scope) -> StudyData:
    clusters = Cluster.objects.order_by("country", "name")
    if scope.country:
        clusters = clusters.filter(country=scope.country)
    if scope.ecosystem:
        clusters = clusters.filter(tags__field="ecosystems", tags__term__code=scope.ecosystem)
    found = organisations(clusters.distinct())
    badges = region_badges_of(found.clusters)
    orgs = [
        Organisation(
            pk=cluster.pk,
            name=cluster.name,
            country=cluster.country,
            nuts=cluster.nuts_id,
            ecosystems=list(found.attributes[str(cluster.pk)]["ecosystem"]),
            lifecycle=found.attributes[str(cluster.pk)]["lifecycle"],
            size_band=found.attributes[str(cluster.pk)]["size_band"],
            answered=cluster.pk in found.answers,
            record=found.records[str(cluster.pk)],
            badges=badges[cluster.pk],
        )
        for cluster in found.clusters
    ]
    initiatives = list(
        initiatives_for(country=scope.country, ecosystem=scope.ecosystem).order_by("level", "name")
    )
    return StudyData(
        scope=scope,
        organisations=orgs,
        values=compute_indicators(found.records, scope.year),
        answers=found.answers,
        questionnaire=found.questionnaire,
        initiatives=initiatives,
        generated=dt.datetime.now(dt.UTC),
    )
