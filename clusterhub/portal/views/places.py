"""Region and ecosystem pages: the organisations of one NUTS region or one ecosystem."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clusterhub.registry.models import Region
from clusterhub.registry.search import ClusterQuery, search
from clusterhub.standard.vocabularies import ECOSYSTEMS


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region, code=code.upper())
    children = Region.objects.filter(parent=region).order_by("code")
    result = search(ClusterQuery(nuts=(region.code,), size=100), with_facets=True)
    context = {
        "region": region,
        "children": children,
        "result": result,
        "ancestors": _ancestors(region),
    }
    return render(request, "portal/places/region.html", context)


def _ancestors(region: Region) -> list[Region]:
    chain: list[Region] = []
    parent = region.parent
    while parent is not None:
        chain.insert(0, parent)
        parent = parent.parent
    return chain


def ecosystem_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in ECOSYSTEMS:
        raise Http404
    result = search(ClusterQuery(ecosystem=(slug,), size=100), with_facets=True)
    context = {"slug": slug, "name": ECOSYSTEMS[slug], "result": result}
    return render(request, "portal/places/ecosystem.html", context)
