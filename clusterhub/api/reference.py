"""Reference data: NUTS regions and the vocabularies."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from clusterhub.api.schemas import RegionOut, TermOut
from clusterhub.registry.models import Region, Term
from clusterhub.standard import vocabularies as vocab

router = Router(tags=["reference"])

_FIXED = {
    "ecosystems": vocab.ECOSYSTEMS,
    "services": vocab.SERVICES,
    "lifecycle": vocab.LIFECYCLE,
    "labels": vocab.LABELS,
    "member-types": vocab.MEMBER_TYPES,
    "cooperation-kinds": vocab.COOPERATION_KINDS,
    "initiative-levels": vocab.INITIATIVE_LEVELS,
    "instruments": vocab.INSTRUMENTS,
}


def _region(region: Region) -> dict[str, Any]:
    return {
        "code": region.code,
        "name": region.name,
        "level": region.level,
        "parent": region.parent_id,
        "country": region.country,
    }


@router.get("/regions", response=list[RegionOut], summary="NUTS regions in the registry")
def list_regions(
    request: HttpRequest, country: str | None = None, level: int | None = None
) -> list[dict[str, Any]]:
    regions = Region.objects.order_by("code")
    if country:
        regions = regions.filter(country=country.upper()[:2])
    if level is not None:
        regions = regions.filter(level=level)
    return [_region(r) for r in regions]


@router.get("/regions/{code}", response=RegionOut, summary="One NUTS region")
def get_region(request: HttpRequest, code: str) -> dict[str, Any]:
    return _region(get_object_or_404(Region, code=code.upper()[:5]))


@router.get("/taxonomies", response=dict[str, list[TermOut]], summary="Every vocabulary")
def list_taxonomies(request: HttpRequest) -> dict[str, list[dict[str, str]]]:
    """The standard's fixed vocabularies, and the NACE codes in use."""
    result = {
        name: [{"code": c, "name": n} for c, n in terms.items()] for name, terms in _FIXED.items()
    }
    nace = Term.objects.filter(vocabulary=Term.Vocabulary.NACE).order_by("code")
    result["nace"] = [{"code": t.code, "name": t.name} for t in nace]
    return result
