"""Searching the registry: full text, filters, facet counts, sorting and pages.

One implementation for the portal, the API, the map and the exports, so all find the same
organisations. Its parts import one another in one direction only: `query` (what is asked)
<- `index` (the in-memory index) <- `freshness` (rebuilding it when the registry changes)
<- `matching` (answering a query on the index).
"""

from __future__ import annotations

from clusterhub.registry.search.matching import (
    FacetValue,
    Found,
    SearchResult,
    facet_counts,
    facets,
    filtered,
    find,
    search,
)
from clusterhub.registry.search.query import (
    COLUMN_FACETS,
    FACETS,
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    SORTS,
    TAG_FILTERS,
    ClusterQuery,
)

__all__ = [
    "COLUMN_FACETS",
    "FACETS",
    "MAX_PAGE_SIZE",
    "PAGE_SIZE",
    "SORTS",
    "TAG_FILTERS",
    "ClusterQuery",
    "FacetValue",
    "Found",
    "SearchResult",
    "facet_counts",
    "facets",
    "filtered",
    "find",
    "search",
]
