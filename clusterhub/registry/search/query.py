"""What a search asks for: the query (text, filters, sort, page), read from URL parameters,
and the names of the sorts, filters and facets the index is built for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from django.db.models import F

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


# The filters on a cluster's own columns: parameter -> column facet in the index.
COLUMN_FACETS = {
    "country": "country",
    "nuts": "nuts_id",
    "lifecycle": "lifecycle",
    "label": "label",
}


# Facets in the order the portal shows them: facet -> (index part, column or tag field).
FACETS: dict[str, tuple[str, str]] = {
    "country": ("columns", "country"),
    "nuts": ("columns", "nuts"),
    "ecosystem": ("tags", "ecosystems"),
    "sector": ("tags", "sectors"),
    "lifecycle": ("columns", "lifecycle"),
    "label": ("columns", "label"),
    "service": ("tags", "services"),
    "need": ("tags", "needs"),
    "coop_country": ("tags", "cooperation_countries"),
}
