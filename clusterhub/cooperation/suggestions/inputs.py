"""The plain tables partner suggestions read, loaded from the database once per state.

The state ("generation") is the newest history entry of the registry's records, the newest
mapping result and the newest stored relatedness set: any write to one of them makes the
next suggestion rebuild the tables; between writes a profile's suggestions cost one query
for the generation and a vectorised pass over the arrays.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from django.db.models import Max

from clusterhub.analytics.partners import PartnerTables, Scorer, build_tables
from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from clusterhub.lib.latest import Latest
from clusterhub.mapping.models import MappingCell, MappingResult
from clusterhub.mapping.queries import category_candidates, region_candidates
from clusterhub.registry.models import Cluster, ClusterTag, Cooperation, Region
from clusterhub.registry.search.freshness import registry_generation

TAG_FIELDS = ("sectors", "ecosystems", "services", "needs")
REGISTRY_MODELS = ("cluster", "cooperation")
# How a cell of the Cluster Mapping method counts as regional strength (stars count n / 3).
CMP_STRENGTH = (("strong", 1.0), ("significant", 0.5), ("qualifying", 0.25))


def generation() -> tuple[Any, ...]:
    """What the tables were built from; changes whenever one of their sources does: the
    registry's organisations and cooperations (as the search index asks), the newest
    mapping result and the newest relatedness set. Index lookups only: it runs with every
    profile's suggestions."""
    mapping = MappingResult.objects.aggregate(newest=Max("id"), loaded=Max("loaded_at"))
    matrix = RelatednessResult.objects.aggregate(newest=Max("id"), loaded=Max("loaded_at"))
    return (
        *registry_generation(REGISTRY_MODELS),
        mapping["newest"],
        mapping["loaded"],
        matrix["newest"],
        matrix["loaded"],
    )


def _clusters() -> pd.DataFrame:
    rows = Cluster.objects.values_list(
        "id", "name", "country", "nuts_id", "lifecycle", "members_total"
    ).order_by("id")
    frame = pd.DataFrame(
        list(rows), columns=["id", "name", "country", "nuts", "lifecycle", "members_total"]
    )
    frame["nuts"] = frame["nuts"].fillna("")
    frame["members_total"] = pd.to_numeric(frame["members_total"], errors="coerce")
    return frame


def _tags() -> pd.DataFrame:
    rows = ClusterTag.objects.filter(field__in=TAG_FIELDS).values_list(
        "cluster_id", "field", "term__code"
    )
    return pd.DataFrame(list(rows), columns=["cluster_id", "field", "code"])


def _cooperations(clusters: pd.DataFrame) -> pd.DataFrame:
    """Links to organisations of the registry: by the partner's id, or, for a partner given
    by name only, by its name (and country, when given) when exactly one organisation has it."""
    rows = Cooperation.objects.values_list(
        "cluster_id", "partner_id", "partner_name", "partner_country"
    )
    by_name: dict[str, list[tuple[int, str]]] = {}
    for cid, name, country in zip(
        clusters["id"], clusters["name"], clusters["country"], strict=True
    ):
        by_name.setdefault(_name_key(name), []).append((int(cid), str(country)))
    links = []
    for cluster_id, partner_id, partner_name, partner_country in rows:
        if partner_id is None:
            named = [
                cid
                for cid, country in by_name.get(_name_key(partner_name or ""), [])
                if not partner_country or country == partner_country
            ]
            partner_id = named[0] if len(named) == 1 else None
        if partner_id is not None:
            links.append((cluster_id, partner_id))
    return pd.DataFrame(links, columns=["cluster_id", "partner_id"])


def _name_key(name: str) -> str:
    return " ".join(str(name).casefold().split())


def current_matrix() -> RelatednessResult | None:
    """The newest stored relatedness set (the one suggestions use)."""
    return RelatednessResult.objects.order_by("-loaded_at", "-id").first()


def _relatedness() -> pd.DataFrame | None:
    result = current_matrix()
    if result is None:
        return None
    rows = RelatednessPair.objects.filter(result=result).values_list(
        "category_a", "category_b", "relatedness"
    )
    return pd.DataFrame(list(rows), columns=["category_a", "category_b", "relatedness"])


def _strength(clusters: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame | None:
    """Each organisation's regional strength in its sectors, from the newest mapping result
    (star ratings preferred), in the most detailed region and category it has a cell for."""
    result = (
        MappingResult.objects.order_by("-loaded_at", "-id")
        .filter(method=MappingResult.Method.STARS)
        .first()
        or MappingResult.objects.order_by("-loaded_at", "-id").first()
    )
    if result is None:
        return None
    stars = result.method == MappingResult.Method.STARS
    cells = MappingCell.objects.filter(result=result)
    cells = cells.filter(stars__gt=0) if stars else cells.filter(qualifying=True)
    year = cells.aggregate(latest=Max("year"))["latest"]
    if year is not None:
        cells = cells.filter(year=year)
    found: dict[tuple[str, str], tuple[float, str]] = {}
    for region, category, n, strong, significant in cells.values_list(
        "region", "category", "stars", "strong", "significant"
    ):
        if stars:
            count = int(n or 0)
            found[(region, category)] = (min(count, 3) / 3.0, f"{count}★")
        else:
            flags = {"strong": strong, "significant": significant, "qualifying": True}
            name, value = next((f, v) for f, v in CMP_STRENGTH if flags[f])
            found[(region, category)] = (value, name)
    if not found:
        return None
    sectors = tags[tags["field"] == "sectors"]
    nuts = dict(zip(clusters["id"], clusters["nuts"], strict=True))
    rows = []
    for cid, code in zip(sectors["cluster_id"], sectors["code"], strict=True):
        region_codes = region_candidates(nuts.get(cid) or "")
        for category in category_candidates(code):
            hit = next((r for r in region_codes if (r, category) in found), None)
            if hit is not None:
                value, label = found[(hit, category)]
                rows.append((cid, hit, category, value, label))
                break
    # The regions by name too, for the reasons' sentences ("Jihovýchod, CZ06").
    names = dict(Region.objects.filter(code__in={r[1] for r in rows}).values_list("code", "name"))
    return pd.DataFrame(
        [(*row, names.get(row[1], "")) for row in rows],
        columns=["cluster_id", "region", "category", "strength", "label", "region_name"],
    )


def frames() -> dict[str, pd.DataFrame | None]:
    """The registry, the newest mapping result and relatedness set as the plain tables
    the analytics take: `clusters`, `tags`, `cooperations`, `strength`, `relatedness`."""
    clusters, tags = _clusters(), _tags()
    return {
        "clusters": clusters,
        "tags": tags,
        "cooperations": _cooperations(clusters),
        "strength": _strength(clusters, tags),
        "relatedness": _relatedness(),
    }


def load_tables(tables: dict[str, pd.DataFrame | None] | None = None) -> PartnerTables:
    """The suggestions' arrays from `tables` (`frames()`; read now when not given)."""
    f = tables if tables is not None else frames()
    assert f["clusters"] is not None and f["tags"] is not None
    assert f["cooperations"] is not None
    return build_tables(
        f["clusters"], f["tags"], f["cooperations"], f["strength"], f["relatedness"]
    )


# Read once per state for the suggestions, the sector ranking and the candidates alike.
_frames: Latest[dict[str, pd.DataFrame | None]] = Latest()
_scorer: Latest[Scorer] = Latest()


def current_frames(state: tuple[Any, ...] | None = None) -> dict[str, pd.DataFrame | None]:
    """`frames()` of the registry as it is now (`state`: a `generation()` just asked);
    shared, so callers must not change them."""
    return _frames.get(state if state is not None else generation(), frames)


def current_scorer(state: tuple[Any, ...] | None = None) -> Scorer:
    """The scorer over the tables of the registry as it is now (rebuilt after any change)."""
    now = state if state is not None else generation()
    return _scorer.get(now, lambda: Scorer(load_tables(current_frames(now))))


def current_tables(state: tuple[Any, ...] | None = None) -> PartnerTables:
    """The tables for the registry as it is now (rebuilt after any change)."""
    return current_scorer(state).t


def forget() -> None:
    """Drop the cached tables (tests that write around the services call this)."""
    _frames.forget()
    _scorer.forget()
