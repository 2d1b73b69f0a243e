"""Public pages of the mapping results: the list, a result set, a region, a category.

Mapping results are aggregate statistics, public like the registry's region pages: every
visitor may read them, nobody edits them here (`clusterhub mapping load` writes them).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlencode

import orjson
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from clusterhub.mapping import charts, panels, queries
from clusterhub.mapping.models import MappingCategory, MappingCell, MappingResult
from clusterhub.registry.models import Region, RegionShape

CONTENT_TYPE = "application/geo+json"
CLUSTERS_SHOWN = 50


def _result(slug: str) -> MappingResult:
    return get_object_or_404(MappingResult, slug=slug)


def _year_links(
    request: HttpRequest, available: list[int], year: int | None
) -> list[dict[str, object]]:
    params = request.GET.copy()
    links = []
    for y in available:
        params["year"] = str(y)
        links.append({"year": y, "href": "?" + params.urlencode(), "current": y == year})
    return links


@require_GET
def result_list(request: HttpRequest) -> HttpResponse:
    return render(request, "mapping/list.html", {"results": queries.results()})


@require_GET
def result_detail(request: HttpRequest, result: str) -> HttpResponse:
    mapping = _result(result)
    context = {"result": mapping, **queries.overview(mapping)}
    return render(request, "mapping/result.html", context)


def _region_chart(
    request: HttpRequest, result: str, code: str
) -> tuple[MappingResult, str, list[int], int | None, list[queries.Row], dict[str, object]]:
    """The result set, region, its years, the year shown, its rows and their chart spec."""
    mapping = _result(result)
    region = queries.find_region(mapping, code)
    if region is None:
        raise Http404
    available = queries.years(MappingCell.objects.filter(result=mapping, region=region))
    year = queries.pick_year(available, request.GET.get("year"))
    rows = queries.region_rows(mapping, region, year)
    spec = charts.specialisation_spec(
        rows,
        title=_("Strongest categories by location quotient"),
        category_title=_("Category"),
        lq_title=_("Location quotient"),
        mark_title=_("Stars") if mapping.method == MappingResult.Method.STARS else _("Strong"),
        method=mapping.method,
    )
    return mapping, region, available, year, rows, spec


@require_GET
def region_dashboard(request: HttpRequest, result: str, code: str) -> HttpResponse:
    mapping, region, available, year, rows, spec = _region_chart(request, result, code)
    clusters = queries.clusters_in_region(region)
    chart_url = reverse("portal:mapping_region_chart", args=[mapping.slug, region])
    context = {
        "result": mapping,
        "region": region,
        "region_name": queries.region_names([region]).get(region, ""),
        "registry_region": Region.objects.filter(code=region).exists(),
        "year": year,
        "years": _year_links(request, available, year),
        "rows": rows,
        "chart": charts.bars(spec),
        "chart_url": chart_url + (f"?year={year}" if year is not None else ""),
        "clusters": clusters[:CLUSTERS_SHOWN],
        "cluster_count": clusters.count(),
        "has_establishments": any(r.cell.establishments is not None for r in rows),
        "has_cagr": any(r.cell.cagr is not None for r in rows),
    }
    return render(request, "mapping/region.html", context)


@require_GET
def region_chart(request: HttpRequest, result: str, code: str) -> HttpResponse:
    """The region dashboard's chart as a Vega-Lite specification (JSON)."""
    spec = _region_chart(request, result, code)[-1]
    return HttpResponse(orjson.dumps(spec), content_type="application/json")


def _category(mapping: MappingResult, code: str) -> MappingCategory:
    category = queries.find_category(mapping, code)
    if category is None:
        raise Http404
    return category


SORT_KEYS = ("lq", "employment", "stars", "region")


@require_GET
def category_dashboard(request: HttpRequest, result: str, code: str) -> HttpResponse:
    mapping = _result(result)
    category = _category(mapping, code)
    available = queries.years(MappingCell.objects.filter(result=mapping, category=category.code))
    year = queries.pick_year(available, request.GET.get("year"))
    sort = request.GET.get("sort", "lq")
    if sort not in SORT_KEYS or (sort == "stars" and mapping.method != "stars"):
        sort = "lq"
    rows = queries.category_rows(mapping, category, year, sort)
    codes = [row.cell.region for row in rows]
    has_shapes = RegionShape.objects.filter(region_id__in=codes).exists()
    geojson = reverse("portal:mapping_category_regions", args=[mapping.slug, category.code])
    base = {"year": str(year)} if year is not None else {}
    context = {
        "result": mapping,
        "category": category,
        "year": year,
        "years": _year_links(request, available, year),
        "rows": rows,
        "sort": sort,
        "sort_links": {
            key: "?" + urlencode({**base, "sort": key})
            for key in SORT_KEYS
            if key != "stars" or mapping.method == "stars"
        },
        "has_shapes": has_shapes,
        "geojson_url": geojson + ("?" + urlencode(base) if base else ""),
        "notable": sum(1 for row in rows if queries.notable(mapping, row.cell)),
        "has_establishments": any(r.cell.establishments is not None for r in rows),
        "has_cagr": any(r.cell.cagr is not None for r in rows),
        # What apps above the mapping add (cooperation: related industries).
        "panels": panels.category_panels(request, mapping, category),
    }
    return render(request, "mapping/category.html", context)


def _region_url_builder(mapping: MappingResult) -> Callable[[str], str]:
    """Region dashboard URLs without reversing one URL per region."""
    marker = "REGION0CODE"
    head, tail = reverse("portal:mapping_region", args=[mapping.slug, marker]).split(marker)
    return lambda code: f"{head}{quote(code, safe='')}{tail}"


@require_GET
def category_regions(request: HttpRequest, result: str, code: str) -> HttpResponse:
    """The category's regions that have shapes, with LQ, stars and flags, as GeoJSON."""
    mapping = _result(result)
    category = _category(mapping, code)
    available = queries.years(MappingCell.objects.filter(result=mapping, category=category.code))
    year = queries.pick_year(available, request.GET.get("year"))
    cells = {
        c.region: c
        for c in MappingCell.objects.filter(result=mapping, category=category.code, year=year)
    }
    shapes = (
        RegionShape.objects.filter(region_id__in=list(cells))
        .order_by("region_id")
        .values_list("region_id", "region__name", "geometry")
    )
    url = _region_url_builder(mapping)
    features = [
        {
            "type": "Feature",
            "geometry": geometry,
            "properties": {
                "code": region,
                "name": name,
                "lq": cells[region].lq,
                "employment": cells[region].employment,
                "stars": cells[region].stars,
                "strong": cells[region].strong,
                "url": url(region),
            },
        }
        for region, name, geometry in shapes
    ]
    body = orjson.dumps({"type": "FeatureCollection", "features": features})
    return HttpResponse(body, content_type=CONTENT_TYPE)
