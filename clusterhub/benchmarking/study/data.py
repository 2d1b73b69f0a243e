"""Everything the study reads, gathered once: organisations, indicators, answers, mapping,
policy initiatives. Personal data (contact persons) is never read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clusterhub.analytics.benchmark import compute_indicators, size_band
from clusterhub.benchmarking.answers import latest_answers
from clusterhub.benchmarking.models import Questionnaire
from clusterhub.mapping.queries import Badge, region_badges
from clusterhub.policy.models import Initiative
from clusterhub.policy.queries import initiatives_for
from clusterhub.registry.models import Cluster
from clusterhub.registry.records import attach_tag_codes, cluster_record
from clusterhub.standard.fields import TABLES

# Fields of a cluster record the study may use: everything public, nothing personal.
PUBLIC_FIELDS = tuple(f.name for f in TABLES["clusters"] if not f.personal)


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


def latest_questionnaire() -> str | None:
    """The key of the questionnaire published last (the study uses its answers)."""
    found = Questionnaire.objects.order_by("-published_at").values_list("key", flat=True).first()
    return str(found) if found else None


def gather(scope: Scope) -> StudyData:
    clusters = Cluster.objects.order_by("country", "name")
    if scope.country:
        clusters = clusters.filter(country=scope.country)
    if scope.ecosystem:
        clusters = clusters.filter(tags__field="ecosystems", tags__term__code=scope.ecosystem)
    selected = list(clusters.distinct())
    attach_tag_codes(selected)
    questionnaire = latest_questionnaire()
    answers = latest_answers(questionnaire) if questionnaire else {}
    organisations: list[Organisation] = []
    records: dict[str, dict[str, Any]] = {}
    for cluster in selected:
        full = cluster_record(cluster)
        record = {name: full.get(name) for name in PUBLIC_FIELDS}
        answered = cluster.pk in answers
        records[str(cluster.pk)] = {**record, **answers.get(cluster.pk, {})}
        organisations.append(
            Organisation(
                pk=cluster.pk,
                name=cluster.name,
                country=cluster.country,
                nuts=cluster.nuts_id,
                ecosystems=list(record.get("ecosystems") or []),
                lifecycle=record.get("lifecycle"),
                size_band=size_band(record.get("members_total")),
                answered=answered,
                record=record,
                badges=region_badges(cluster),
            )
        )
    initiatives = list(
        initiatives_for(country=scope.country, ecosystem=scope.ecosystem).order_by("level", "name")
    )
    return StudyData(
        scope=scope,
        organisations=organisations,
        values=compute_indicators(records, scope.year),
        answers=answers,
        questionnaire=questionnaire,
        initiatives=initiatives,
        generated=dt.datetime.now(dt.UTC),
    )
