"""The search page's map: the organisations found as points, and as counts per region.

Both views take the query parameters of /clusters/ and filter with `search.filtered`, so
the map always shows what the list finds.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from clusterhub.registry import geo
from clusterhub.registry.search import ClusterQuery, filtered

CONTENT_TYPE = "application/geo+json"
REGION_LEVELS = (0, 1, 2, 3)
DEFAULT_REGION_LEVEL = 2


@require_GET
def cluster_map_data(request: HttpRequest) -> HttpResponse:
    """The matching organisations with coordinates, as a GeoJSON FeatureCollection.

    The foreign member `region_levels` lists the NUTS levels with region shapes, for the
    map's "clusters per region" switch.
    """
    query = ClusterQuery.from_params(request.GET)
    extra = {"region_levels": geo.shape_levels()}
    body = geo.cluster_points(filtered(query), geo.profile_url_builder(), extra)
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
