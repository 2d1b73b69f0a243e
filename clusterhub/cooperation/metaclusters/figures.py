"""A meta-cluster's figures, computed live from its current members (never stored):
clusters, members (the sum of the clusters' `members_total`), SMEs (of `members_sme`),
countries and NUTS regions. A cluster that left no longer counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Sum

from clusterhub.cooperation.models import Goal, MetaCluster, MetaClusterMembership
from clusterhub.registry.models import Cluster


@dataclass
class Figures:
    clusters: int = 0
    members: int = 0
    smes: int = 0
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # NUTS codes


def current_clusters(meta: MetaCluster) -> QuerySet[Cluster]:
    ids = MetaClusterMembership.objects.filter(meta_cluster=meta, left__isnull=True).values(
        "cluster_id"
    )
    return Cluster.objects.filter(pk__in=ids)


def figures_of(metas: Iterable[MetaCluster]) -> dict[int, Figures]:
    """The figures of several meta-clusters in three queries (the list page)."""
    ids = [m.pk for m in metas]
    result = {pk: Figures() for pk in ids}
    current = MetaClusterMembership.objects.filter(meta_cluster__in=ids, left__isnull=True)
    sums = current.values("meta_cluster").annotate(
        n=Count("cluster", distinct=True),
        members=Sum("cluster__members_total"),
        smes=Sum("cluster__members_sme"),
    )
    for row in sums:
        figures = result[row["meta_cluster"]]
        figures.clusters = row["n"]
        figures.members = row["members"] or 0
        figures.smes = row["smes"] or 0
    places = current.values_list("meta_cluster", "cluster__country", "cluster__nuts").distinct()
    countries: dict[int, set[str]] = {pk: set() for pk in ids}
    regions: dict[int, set[str]] = {pk: set() for pk in ids}
    for meta_id, country, nuts in places:
        countries[meta_id].add(country)
        if nuts:
            regions[meta_id].add(nuts)
    for pk, figures in result.items():
        figures.countries = sorted(countries[pk])
        figures.regions = sorted(regions[pk])
    return result


def figures(meta: MetaCluster) -> Figures:
    return figures_of([meta])[meta.pk]


def progress(goal: Goal) -> float | None:
    """How far the goal has come from its baseline to its target, 0 to 1; None when it
    cannot be said (no target or current value, or a target equal to the baseline)."""
    if goal.target is None or goal.current is None:
        return None
    start = goal.baseline or 0.0
    if goal.target == start:
        return None
    share = (goal.current - start) / (goal.target - start)
    return max(0.0, min(1.0, share))
