"""The search page's map: the organisations found as points, and as counts per region.

Both views take the query parameters of /clusters/ and filter with `search.filtered`, so
the map always shows what the list finds.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from clusterhub.registry import geo
from clusterhub.registry.search import ClusterQuery, filtered

CONTENT_TYPE = "application/geo+json"
REGION_LEVELS = (0, 1, 2, 3)
DEFAULT_REGION_LEVEL = 2
_PK = 987654321  # stands for the cluster's id in the reversed profile URL


def profile_url_builder() -> Callable[[int], str]:
    """Profile URLs in the current language, without reversing one URL per cluster."""
    head, tail = reverse("portal:cluster_detail", args=[_PK]).split(str(_PK))
    return lambda pk: f"{head}{pk}{tail}"


@require_GET
def cluster_map_data(request: HttpRequest) -> HttpResponse:
    """The matching organisations with coordinates, as a GeoJSON FeatureCollection.

    The foreign member `region_levels` lists the NUTS levels with region shapes, for the
    map's "clusters per region" switch.
    """
    query = ClusterQuery.from_params(request.GET)
    extra = {"region_levels": geo.shape_levels()}
    body = geo.cluster_points(filtered(query), profile_url_builder(), extra)
    return HttpResponse(body, content_type=CONTENT_TYPE)


def _level(raw: str | None) -> int:
    try:
        level = int(raw or "")
    except ValueError:
        return DEFAULT_REGION_LEVEL
    return level if level in REGION_LEVELS else DEFAULT_REGION_LEVEL


@require_GET
def cluster_region_data(request: HttpRequest) -> HttpResponse:
    """The region shapes of `?level=` (default 2), each with its count of matching clusters."""
    level = _level(request.GET.get("level"))
    counts = geo.region_counts(filtered(ClusterQuery.from_params(request.GET)), level)
    return HttpResponse(geo.region_features(level, counts), content_type=CONTENT_TYPE)
