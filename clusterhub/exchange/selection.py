"""Which records an export holds: filters over clusters, and the records of each table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import F, QuerySet

from clusterhub.policy.queries import initiatives_for
from clusterhub.policy.records import initiative_record
from clusterhub.registry.models import Cluster, Cooperation, Member
from clusterhub.registry.records import Record, cluster_record, cooperation_record, member_record
from clusterhub.registry.search import ClusterQuery, filtered
from clusterhub.standard.fields import TABLES, Field


@dataclass(frozen=True)
class Filters:
    """Each list holds alternatives (OR); different filters combine with AND."""

    country: list[str] = field(default_factory=list)
    nuts: list[str] = field(default_factory=list)
    ecosystem: list[str] = field(default_factory=list)
    sector: list[str] = field(default_factory=list)
    lifecycle: list[str] = field(default_factory=list)

    def clusters(self) -> QuerySet[Cluster]:
        """The same filters as the portal's search and the API (one implementation)."""
        query = ClusterQuery(
            country=tuple(self.country),
            nuts=tuple(self.nuts),
            ecosystem=tuple(self.ecosystem),
            sector=tuple(self.sector),
            lifecycle=tuple(self.lifecycle),
        )
        return filtered(query)


def fields_for(table: str, include_personal: bool) -> list[Field]:
    return [f for f in TABLES[table] if include_personal or not f.personal]


def _strip(record: Record, fields: list[Field]) -> Record:
    return {f.name: record[f.name] for f in fields}


def records(table: str, filters: Filters, include_personal: bool) -> Iterator[Record]:
    """The table's records in a stable order: source and id, then member name; the policy
    initiatives that apply to the filters' countries, regions, ecosystems and sectors, by code."""
    fields = fields_for(table, include_personal)
    if table == "policy_initiatives":
        initiatives = initiatives_for(
            country=filters.country,
            region=filters.nuts,
            sector=filters.sector,
            ecosystem=filters.ecosystem,
        )
        for initiative in initiatives.prefetch_related("tags").order_by("code"):
            yield _strip(initiative_record(initiative), fields)
        return
    clusters = filters.clusters()
    if table == "clusters":
        qs = (
            clusters.select_related(None)
            .prefetch_related("tags__term")
            .order_by("source", "source_id")
        )
        for cluster in qs.iterator(chunk_size=2000):
            yield _strip(cluster_record(cluster), fields)
    elif table == "members":
        members = (
            Member.objects.filter(cluster__in=clusters)
            .select_related("cluster")
            .only(
                *[f.name for f in Member._meta.concrete_fields],
                "cluster__source_id",
                "cluster__source",
            )
            .order_by("cluster__source", "cluster__source_id", "name")
        )
        for member in members.iterator(chunk_size=5000):
            yield _strip(member_record(member, member.cluster.source_id), fields)
    else:
        coops = (
            Cooperation.objects.filter(cluster__in=clusters)
            .select_related("cluster", "partner")
            .order_by(
                "cluster__source",
                "cluster__source_id",
                # Links to partners outside the registry first, on every database.
                F("partner__source_id").asc(nulls_first=True),
                "partner_name",
                "kind",
                "id",
            )
        )
        for coop in coops.iterator(chunk_size=2000):
            yield _strip(cooperation_record(coop), fields)
