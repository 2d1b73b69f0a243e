"""A plain database implementation of search, as the test oracle for the search index.

Straight from the rules in the ORM (`LIKE` on the folded text, a subquery per filter, a
GROUP BY per facet): slow, but obviously right. tests/registry/test_search_index.py
checks that the in-memory index gives exactly the same answers.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from clusterhub.lib.text import fold
from clusterhub.registry.models import Cluster, ClusterTag
from clusterhub.registry.search import SORTS, TAG_FILTERS, ClusterQuery
from clusterhub.standard import vocabularies as vocab


def _tagged(tag_field: str, codes: tuple[str, ...], prefix: bool) -> QuerySet[ClusterTag]:
    match = Q()
    for code in codes:
        match |= Q(term__code__startswith=code.upper()) if prefix else Q(term__code=code)
    return ClusterTag.objects.filter(match, field=tag_field).values("cluster_id")


def filtered(query: ClusterQuery, skip: str | None = None) -> QuerySet[Cluster]:
    qs = Cluster.objects.all()
    for term in fold(query.q).split():
        qs = qs.filter(Q(search_own__contains=term) | Q(search_members__contains=term))
    if query.country and skip != "country":
        countries = [vocab.COUNTRY_BY_NUTS_PREFIX.get(c.upper(), c.upper()) for c in query.country]
        qs = qs.filter(country__in=countries)
    if query.nuts and skip != "nuts":
        match = Q()
        for code in query.nuts:
            match |= Q(nuts__code__startswith=code.upper())
        qs = qs.filter(match)
    if query.lifecycle and skip != "lifecycle":
        qs = qs.filter(lifecycle__in=[c.lower() for c in query.lifecycle])
    if query.label and skip != "label":
        qs = qs.filter(label__in=[c.lower() for c in query.label])
    for name, tag_field in TAG_FILTERS.items():
        codes = getattr(query, name)
        if codes and skip != name:
            if name == "coop_country":
                codes = tuple(c.upper() for c in codes)
            elif name != "sector":
                codes = tuple(c.lower() for c in codes)
            qs = qs.filter(pk__in=_tagged(tag_field, codes, prefix=name == "sector"))
    return qs


def ordered_pks(query: ClusterQuery) -> list[int]:
    return list(filtered(query).order_by(*SORTS[query.sort]).values_list("pk", flat=True))


def facet_counts(query: ClusterQuery) -> dict[str, list[tuple[str, int]]]:
    counts = {}
    for name, column in (
        ("country", "country"),
        ("nuts", "nuts_id"),
        ("lifecycle", "lifecycle"),
        ("label", "label"),
    ):
        rows = (
            filtered(query, skip=name)
            .exclude(**{column: ""})
            .exclude(**{f"{column}__isnull": True})
            .values(column)
            .annotate(n=Count("id"))
        )
        counts[name] = sorted(((r[column], r["n"]) for r in rows), key=lambda p: (-p[1], p[0]))
    for name, tag_field in TAG_FILTERS.items():
        rows = (
            ClusterTag.objects.filter(field=tag_field, cluster__in=filtered(query, skip=name))
            .values("term__code")
            .annotate(n=Count("cluster_id", distinct=True))
        )
        counts[name] = sorted(
            ((r["term__code"], r["n"]) for r in rows), key=lambda p: (-p[1], p[0])
        )
    return counts
