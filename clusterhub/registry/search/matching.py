"""Matching a query on the in-memory index: the organisations found, facet counts, pages.

The database gives only the page of organisations shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import orjson
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from clusterhub.lib.text import fold
from clusterhub.registry import vocabulary_labels
from clusterhub.registry.models import Cluster
from clusterhub.registry.search.freshness import current
from clusterhub.registry.search.index import SearchIndex, positions_of
from clusterhub.registry.search.query import FACETS, TAG_FILTERS, ClusterQuery
from clusterhub.registry.vocabulary_labels import country_label
from clusterhub.standard import vocabularies as vocab


def _any_of(sets: Mapping[str, int], wanted: Callable[[str], bool]) -> int:
    found = 0
    for code, bits in sets.items():
        if wanted(code):
            found |= bits
    return found


def _below(codes: tuple[str, ...]) -> Callable[[str], bool]:
    """A code equal to, or under, one of `codes` in a hierarchy (NUTS, NACE)."""
    prefixes = tuple(c.upper() for c in codes)
    return lambda code: code.startswith(prefixes)


def _filter_sets(index: SearchIndex, query: ClusterQuery) -> dict[str, int]:
    """The organisations passing each of the query's filters, by parameter name."""
    passing: dict[str, int] = {}
    columns, tags = index.columns, index.tags
    if query.country:
        countries = {vocab.COUNTRY_BY_NUTS_PREFIX.get(c.upper(), c.upper()) for c in query.country}
        passing["country"] = _any_of(columns["country"], countries.__contains__)
    if query.nuts:
        passing["nuts"] = _any_of(columns["nuts"], _below(query.nuts))
    for name in ("lifecycle", "label"):
        codes = {c.lower() for c in getattr(query, name)}
        if codes:
            passing[name] = _any_of(columns[name], codes.__contains__)
    for name, tag_field in TAG_FILTERS.items():
        codes = getattr(query, name)
        if not codes:
            continue
        sets = tags.get(tag_field, {})
        if name == "sector":  # a NACE code selects the codes below it too
            passing[name] = _any_of(sets, _below(codes))
        else:
            wanted = {c.upper() if name == "coop_country" else c.lower() for c in codes}
            passing[name] = _any_of(sets, wanted.__contains__)
    return passing


def _words(query: ClusterQuery) -> list[str]:
    return fold(query.q).split()


@dataclass(frozen=True)
class _Matches:
    index: SearchIndex
    found: int  # organisations matching the text and every filter
    by_facet: dict[str, int]  # facet -> matching the text and every filter but its own


def _match(query: ClusterQuery) -> _Matches:
    """Every word in the organisation's own text or its members' names, and every filter."""
    index = current()
    text = index.everyone
    for word in _words(query):
        text &= index.word(word)
    passing = _filter_sets(index, query)
    by_facet = {}
    for facet in FACETS:
        bits = text
        for name, allowed in passing.items():
            if name != facet:
                bits &= allowed
        by_facet[facet] = bits
    found = text
    for allowed in passing.values():
        found &= allowed
    return _Matches(index, found, by_facet)


def _ordered_pks(matches: _Matches, sort: str) -> list[int]:
    rank = matches.index.ranks[sort]
    positions = positions_of(matches.found)
    positions.sort(key=rank.__getitem__)
    pks = matches.index.pks
    return [pks[p] for p in positions]


# A list of ids as one query parameter, read back as a subquery (rather than a query with
# thousands of parameters).
_ID_LISTS = {
    "sqlite": "SELECT value FROM json_each(%s)",
    "postgresql": "SELECT unnest(%s::bigint[])",
}


def _among(ids: list[int]) -> Q:
    """The primary key is one of `ids` (given as one parameter)."""
    sql = _ID_LISTS[connection.vendor]
    value: Any = orjson.dumps(ids).decode() if connection.vendor == "sqlite" else ids
    return Q(pk__in=RawSQL(sql, (value,)))  # noqa: S611 (fixed SQL, the ids are a parameter)


def filtered(query: ClusterQuery) -> QuerySet[Cluster]:
    """Clusters matching the text and every filter of `query` (for exports and maps)."""
    matches = _match(query)
    pks = matches.index.pks
    ids = [pks[p] for p in positions_of(matches.found)]
    return Cluster.objects.filter(_among(ids))


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


def facet_counts(query: ClusterQuery) -> dict[str, list[tuple[str, int]]]:
    """Per facet, (value, count) pairs by falling count then value; no zero counts."""
    return _counts(_match(query))


def _counts(matches: _Matches) -> dict[str, list[tuple[str, int]]]:
    counts = {}
    for facet, (part, key) in FACETS.items():
        sets: Mapping[str, int] = getattr(matches.index, part).get(key, {})
        among = matches.by_facet[facet]
        pairs = [(code, (bits & among).bit_count()) for code, bits in sets.items()]
        counts[facet] = sorted(
            ((code, n) for code, n in pairs if n), key=lambda pair: (-pair[1], pair[0])
        )
    return counts


def _labelled(
    query: ClusterQuery, index: SearchIndex, counts: dict[str, list[tuple[str, int]]], limit: int
) -> dict[str, list[FacetValue]]:
    vocabularies: dict[str, Mapping[str, str]] = {
        "ecosystem": vocab.ECOSYSTEMS,
        "lifecycle": vocab.LIFECYCLE,
        "label": vocab.LABELS,
        "service": vocab.SERVICES,
        "need": vocab.SERVICES,
    }
    result: dict[str, list[FacetValue]] = {}
    for name, pairs in counts.items():
        selected = set(getattr(query, name))
        values = []
        for code, count in pairs[:limit]:
            if name in ("country", "coop_country"):
                text = country_label(code)
            elif name in ("nuts", "sector"):
                text = index.names(name).get(code, "")
            elif code in vocabularies[name]:
                text = vocabulary_labels.label(vocabularies[name], code)
            else:
                text = ""
            values.append(FacetValue(code, text or code, count, code in selected))
        result[name] = values
    return result


def facets(query: ClusterQuery, limit: int = 30) -> dict[str, list[FacetValue]]:
    """Counts per value of each facet, with the other facets' filters applied."""
    matches = _match(query)
    return _labelled(query, matches.index, _counts(matches), limit)


@dataclass
class Found:
    """The organisations a query finds: how many, the page asked for (as primary keys, in
    order), and the facet counts when asked for."""

    query: ClusterQuery  # with the page number within the pages there are
    total: int
    page_pks: list[int]
    facets: dict[str, list[FacetValue]]
    index: SearchIndex

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.size))


def find(query: ClusterQuery, with_facets: bool = True, limit: int = 30) -> Found:
    matches = _match(query)
    pks = _ordered_pks(matches, query.sort)
    total = len(pks)
    page = min(query.page, max(1, -(-total // query.size)))
    query = replace(query, page=page)
    start = (page - 1) * query.size
    labelled = _labelled(query, matches.index, _counts(matches), limit) if with_facets else {}
    return Found(query, total, pks[start : start + query.size], labelled, matches.index)


def search(query: ClusterQuery, with_facets: bool = True, limit: int = 30) -> SearchResult:
    """As `find`, with the page's organisations read from the database."""
    found = find(query, with_facets, limit)
    by_pk = Cluster.objects.select_related("nuts").in_bulk(found.page_pks)
    clusters = [by_pk[pk] for pk in found.page_pks if pk in by_pk]  # unless deleted meanwhile
    return SearchResult(found.query, found.total, clusters, found.facets)
