"""GeoJSON of the registry: organisations as points and NUTS regions as shapes.

The read side of the portal's map. Rows come from `.values()` (no model instances) and are
serialised with orjson, so the map of 10,000 organisations stays fast. GISCO's NUTS files
are read into `ShapeRecord`s by `clusterhub.ingest.region_shapes`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse

from clusterhub.registry.models import Cluster, RegionShape

# The public fields a map point carries; personal contact fields are never among them.
POINT_FIELDS = ("id", "name", "name_en", "country", "city", "members_total")
NUTS_CODE = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
_PK = 987654321  # stands for the cluster's id in the reversed profile URL


def profile_url_builder() -> Callable[[int], str]:
    """Profile URLs in the current language, without reversing one URL per cluster."""
    head, tail = reverse("portal:cluster_detail", args=[_PK]).split(str(_PK))
    return lambda pk: f"{head}{pk}{tail}"


def cluster_points(
    clusters: QuerySet[Cluster],
    profile_url: Callable[[int], str],
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    """A FeatureCollection of the clusters that have coordinates, as GeoJSON bytes.

    `extra` adds foreign members to the collection (RFC 7946, section 6.1).
    """
    rows = (
        clusters.filter(lat__isnull=False, lon__isnull=False)
        .order_by("pk")
        .values(*POINT_FIELDS, "lat", "lon")
    )
    features = []
    for row in rows:
        coordinates = [row.pop("lon"), row.pop("lat")]
        row["url"] = profile_url(row["id"])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": row,
            }
        )
    return orjson.dumps({"type": "FeatureCollection", "features": features, **(extra or {})})


def region_counts(clusters: QuerySet[Cluster], level: int) -> dict[str, int]:
    """Clusters per NUTS region of `level`, counted by the prefix of their NUTS code.

    A level-2 region counts the clusters whose code starts with its code (its own and its
    level-3 regions'); clusters placed only at a coarser level count in no region.
    """
    length = level + 2
    rows = (
        clusters.filter(nuts__isnull=False)
        .annotate(prefix=Substr("nuts_id", 1, length))
        .order_by()
        .values("prefix")
        .annotate(n=Count("id"))
    )
    return {r["prefix"]: r["n"] for r in rows if len(r["prefix"]) == length}


def shape_levels() -> list[int]:
    """The NUTS levels that have region shapes loaded."""
    levels = RegionShape.objects.order_by().values_list("region__level", flat=True).distinct()
    return sorted(set(levels))


def region_features(level: int, counts: Mapping[str, int]) -> bytes:
    """A FeatureCollection of the stored shapes of `level`, each with its cluster count."""
    rows = (
        RegionShape.objects.filter(region__level=level)
        .order_by("region_id")
        .values_list("region_id", "region__name", "geometry")
    )
    features = [
        {
            "type": "Feature",
            "geometry": geometry,
            "properties": {"code": code, "name": name, "count": counts.get(code, 0)},
        }
        for code, name, geometry in rows
    ]
    return orjson.dumps({"type": "FeatureCollection", "features": features})


@dataclass(frozen=True)
class ShapeRecord:
    """One region of a NUTS file: its code, name and outline (Polygon or MultiPolygon)."""

    code: str
    name: str
    geometry: dict[str, Any]
