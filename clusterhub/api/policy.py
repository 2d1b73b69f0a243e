"""Policy initiatives: search with the portal's filters, and one initiative by its code."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router

from clusterhub.api.schemas import (
    InitiativeFilters,
    InitiativePage,
    InitiativeRecord,
    PageParams,
    page_of,
)
from clusterhub.policy.models import Initiative
from clusterhub.policy.queries import initiatives_for
from clusterhub.policy.records import initiative_record

router = Router(tags=["policy initiatives"])


def _public(initiative: Initiative) -> dict[str, Any]:
    record = initiative_record(initiative)
    record["citation"] = initiative.citation()
    record["url"] = reverse("portal:policy_detail", args=[initiative.code])
    return record


def _clean(codes: list[str]) -> list[str]:
    # A NUL byte cannot reach the database (PostgreSQL refuses it in text).
    return [c.replace("\x00", "")[:40] for c in codes][:50]


@router.get("/policy-initiatives", response=InitiativePage, summary="Search policy initiatives")
def list_initiatives(
    request: HttpRequest, filters: Query[InitiativeFilters], page: Query[PageParams]
) -> dict[str, Any]:
    """The initiatives that apply to the filters, by name, with pages (as /policy/ in the
    portal); each with a `citation` for studies."""
    found = initiatives_for(
        country=_clean(filters.country),
        region=_clean(filters.region),
        sector=_clean(filters.sector),
        ecosystem=_clean(filters.ecosystem),
        active_on=filters.active_on,
        level=_clean(filters.level),
        instrument=_clean(filters.instrument),
        text=(filters.q or "").replace("\x00", ""),
    ).prefetch_related("tags")
    return page_of(found, page, _public)


@router.get(
    "/policy-initiatives/{code}", response=InitiativeRecord, summary="One policy initiative"
)
def get_initiative(request: HttpRequest, code: str) -> dict[str, Any]:
    found = Initiative.objects.select_related("region").prefetch_related("tags")
    return _public(get_object_or_404(found, code=code.replace("\x00", "")[:80]))
