"""Which records an export holds: filters over clusters, and the records of each table.

One entry per table in `TABLE_RECORDS`; the registry's tables are built in, and an app above
(policy) adds its own from its AppConfig.ready() with `register_table`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db.models import F, QuerySet

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
    """The table's records in a stable order (source and id, then member name; policy
    initiatives by code), holding the fields an export of this kind may show."""
    fields = fields_for(table, include_personal)
    for record in TABLE_RECORDS[table](filters):
        yield _strip(record, fields)


def _clusters(filters: Filters) -> Iterator[Record]:
    qs = (
        filters.clusters()
        .select_related(None)
        .prefetch_related("tags__term")
        .order_by("source", "source_id")
    )
    for cluster in qs.iterator(chunk_size=2000):
        yield cluster_record(cluster)


def _members(filters: Filters) -> Iterator[Record]:
    members = (
        Member.objects.filter(cluster__in=filters.clusters())
        .select_related("cluster")
        .only(
            *[f.name for f in Member._meta.concrete_fields],
            "cluster__source_id",
            "cluster__source",
        )
        .order_by("cluster__source", "cluster__source_id", "name")
    )
    for member in members.iterator(chunk_size=5000):
        yield member_record(member, member.cluster.source_id)


def _cooperations(filters: Filters) -> Iterator[Record]:
    coops = (
        Cooperation.objects.filter(cluster__in=filters.clusters())
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
        yield cooperation_record(coop)


TableRecords = Callable[[Filters], Iterator[Record]]

TABLE_RECORDS: dict[str, TableRecords] = {
    "clusters": _clusters,
    "members": _members,
    "cooperations": _cooperations,
}


def register_table(table: str, table_records: TableRecords) -> None:
    """Export `table` (a table of the standard) with the records `table_records` yields."""
    TABLE_RECORDS[table] = table_records
