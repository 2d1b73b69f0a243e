"""Organisations as the benchmarking analytics read them: public registry fields joined with
the latest submitted survey answers. Contact persons (personal data) are never read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clusterhub.analytics.benchmark import size_band
from clusterhub.benchmarking.answers import latest_answers
from clusterhub.benchmarking.models import Questionnaire
from clusterhub.registry.models import Cluster
from clusterhub.registry.records import attach_tag_codes, cluster_record
from clusterhub.standard.fields import TABLES

PUBLIC_FIELDS = tuple(f.name for f in TABLES["clusters"] if not f.personal)


@dataclass(frozen=True)
class Organisations:
    clusters: list[Cluster]
    records: dict[str, dict[str, Any]]  # pk as text → registry fields + answers
    attributes: dict[str, dict[str, Any]]  # pk as text → peer attributes
    answers: dict[int, dict[str, Any]]
    questionnaire: str | None


def latest_questionnaire() -> str | None:
    """The key of the questionnaire published last (its answers are benchmarked)."""
    found = Questionnaire.objects.order_by("-published_at").values_list("key", flat=True).first()
    return str(found) if found else None


def organisations(clusters: Iterable[Cluster]) -> Organisations:
    selected = list(clusters)
    attach_tag_codes(selected)
    questionnaire = latest_questionnaire()
    answers = latest_answers(questionnaire) if questionnaire else {}
    records: dict[str, dict[str, Any]] = {}
    attributes: dict[str, dict[str, Any]] = {}
    for cluster in selected:
        full = cluster_record(cluster)
        record = {name: full.get(name) for name in PUBLIC_FIELDS}
        records[str(cluster.pk)] = {**record, **answers.get(cluster.pk, {})}
        attributes[str(cluster.pk)] = {
            "country": cluster.country,
            "ecosystem": list(record.get("ecosystems") or []),
            "lifecycle": record.get("lifecycle"),
            "size_band": size_band(record.get("members_total")),
        }
    return Organisations(selected, records, attributes, answers, questionnaire)
