"""Searching the registry: full text, filters, facet counts, sorting and pages.

One implementation for the portal and the API, so both find the same organisations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from clusterhub.lib.text import fold
from clusterhub.registry.models import Cluster, ClusterTag, Region, Term
from clusterhub.registry.services.taxonomy import country_name
from clusterhub.standard import vocabularies as vocab

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Empty values sort last on every database (PostgreSQL would put them first when descending).
SORTS: dict[str, tuple[Any, ...]] = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "country": ("country", "name", "pk"),
    "members": (F("members_total").desc(nulls_last=True), "name", "pk"),
    "founded": (F("founded").asc(nulls_last=True), "name", "pk"),
    "-founded": (F("founded").desc(nulls_last=True), "name", "pk"),
    "updated": ("-modified_at", "pk"),
}
# Filters on a cluster's code lists: query parameter -> ClusterTag field.
TAG_FILTERS = {
    "ecosystem": "ecosystems",
    "sector": "sectors",
    "service": "services",
    "need": "needs",
    "coop_country": "cooperation_countries",
}


@dataclass(frozen=True)
class ClusterQuery:
    """What a visitor asked for; every field maps to a URL parameter of the same name."""

    q: str = ""
    country: tuple[str, ...] = ()
    nuts: tuple[str, ...] = ()
    ecosystem: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    lifecycle: tuple[str, ...] = ()
    label: tuple[str, ...] = ()
    service: tuple[str, ...] = ()
    need: tuple[str, ...] = ()
    coop_country: tuple[str, ...] = ()
    sort: str = "name"
    page: int = 1
    size: int = PAGE_SIZE

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> ClusterQuery:
        """From a QueryDict (repeated or comma-separated values); bad values fall back."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in ("q", "sort"):
                # A NUL byte cannot reach the database (PostgreSQL refuses it in text).
                values[f.name] = str(params.get(f.name) or "").replace("\x00", "").strip()[:200]
            elif f.name in ("page", "size"):
                values[f.name] = _positive_int(params.get(f.name))
            else:
                raw = (
                    params.getlist(f.name) if hasattr(params, "getlist") else params.get(f.name, [])
                )
                if isinstance(raw, str):
                    raw = [raw]
                codes = [
                    c.strip()
                    for item in raw
                    for c in str(item).replace("\x00", "").split(",")
                    if c.strip()
                ]
                values[f.name] = tuple(dict.fromkeys(c[:40] for c in codes))[:50]
        query = cls(**{k: v for k, v in values.items() if v not in (None, "")})
        if query.sort not in SORTS:
            query = replace(query, sort="name")
        return replace(query, size=min(query.size, MAX_PAGE_SIZE))

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("q", "sort", "page", "size") and getattr(self, f.name)
        }

    def with_codes(self, name: str, codes: tuple[str, ...]) -> ClusterQuery:
        """The same query with filter `name` set to `codes`, from its first page."""
        changes: dict[str, Any] = {name: codes, "page": 1}
        return replace(self, **changes)

    def with_page(self, page: int) -> ClusterQuery:
        return replace(self, page=page)

    def params(self) -> list[tuple[str, str]]:
        """URL parameters for this query (for shareable links)."""
        items: list[tuple[str, str]] = []
        if self.q:
            items.append(("q", self.q))
        for name, codes in self.filters().items():
            items.extend((name, code) for code in codes)
        if self.sort != "name":
            items.append(("sort", self.sort))
        if self.page > 1:
            items.append(("page", str(self.page)))
        return items


def _positive_int(raw: Any) -> int | None:
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def _tagged(
    tag_field: str, codes: tuple[str, ...], prefix: bool = False
) -> QuerySet[ClusterTag, Any]:
    match = Q()
    for code in codes:
        match |= Q(term__code__startswith=code.upper()) if prefix else Q(term__code=code)
    return ClusterTag.objects.filter(match, field=tag_field).values("cluster_id")


def filtered(query: ClusterQuery, skip: str | None = None) -> QuerySet[Cluster]:
    """Clusters matching the text and every filter (but `skip`, for that facet's counts)."""
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
            if name in ("coop_country",):
                codes = tuple(c.upper() for c in codes)
            elif name != "sector":
                codes = tuple(c.lower() for c in codes)
            qs = qs.filter(pk__in=_tagged(tag_field, codes, prefix=name == "sector"))
    return qs


@dataclass(frozen=True)
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    query: ClusterQuery
    total: int
    clusters: list[Cluster]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.size))


def _labels(vocabulary: str) -> dict[str, str]:
    return dict(Term.objects.filter(vocabulary=vocabulary).values_list("code", "name"))


def _column_facet(query: ClusterQuery, name: str, column: str) -> list[tuple[str, int]]:
    rows = (
        filtered(query, skip=name)
        .exclude(**{column: ""})
        .values(column)
        .annotate(n=Count("id"))
        .order_by("-n", column)
    )
    return [(r[column], r["n"]) for r in rows]


def _tag_facet(query: ClusterQuery, name: str) -> list[tuple[str, int]]:
    rows = (
        ClusterTag.objects.filter(field=TAG_FILTERS[name], cluster__in=filtered(query, skip=name))
        .values("term__code")
        .annotate(n=Count("cluster_id", distinct=True))
        .order_by("-n", "term__code")
    )
    return [(r["term__code"], r["n"]) for r in rows]


def _nuts_facet(query: ClusterQuery) -> list[tuple[str, int]]:
    rows = (
        filtered(query, skip="nuts")
        .filter(nuts__isnull=False)
        .values("nuts_id")
        .annotate(n=Count("id"))
        .order_by("-n", "nuts_id")
    )
    return [(r["nuts_id"], r["n"]) for r in rows]


def facets(query: ClusterQuery, limit: int = 30) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet, with the other facets' filters applied."""
    sector_labels = _labels(Term.Vocabulary.NACE)
    raw: dict[str, tuple[list[tuple[str, int]], Mapping[str, str]]] = {
        "country": (_column_facet(query, "country", "country"), {}),
        "nuts": (_nuts_facet(query), {}),
        "ecosystem": (_tag_facet(query, "ecosystem"), vocab.ECOSYSTEMS),
        "sector": (_tag_facet(query, "sector"), sector_labels),
        "lifecycle": (_column_facet(query, "lifecycle", "lifecycle"), vocab.LIFECYCLE),
        "label": (_column_facet(query, "label", "label"), vocab.LABELS),
        "service": (_tag_facet(query, "service"), vocab.SERVICES),
        "need": (_tag_facet(query, "need"), vocab.SERVICES),
        "coop_country": (_tag_facet(query, "coop_country"), {}),
    }
    region_codes = [code for code, _ in raw["nuts"][0][:limit]]
    region_names = dict(Region.objects.filter(code__in=region_codes).values_list("code", "name"))
    result: dict[str, list[FacetValue]] = {}
    for name, (counts, labels) in raw.items():
        selected = set(getattr(query, name))
        values = []
        for code, count in counts[:limit]:
            if name in ("country", "coop_country"):
                label = country_name(code)
            elif name == "nuts":
                label = region_names.get(code, "")
            else:
                label = labels.get(code, "")
            values.append(FacetValue(code, label or code, count, code in selected))
        result[name] = values
    return result


def search(query: ClusterQuery, with_facets: bool = True) -> SearchResult:
    qs = filtered(query)
    total = qs.count()
    page = min(query.page, max(1, -(-total // query.size)))
    query = replace(query, page=page)
    start = (page - 1) * query.size
    clusters = list(
        qs.order_by(*SORTS[query.sort])
        .select_related("nuts")
        .prefetch_related("tags__term")[start : start + query.size]
    )
    return SearchResult(query, total, clusters, facets(query) if with_facets else {})
