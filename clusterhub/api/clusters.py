"""Cluster organisations: search, facets, map data, detail, members, and writes."""

from __future__ import annotations

from typing import Any

import orjson
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router

from clusterhub.accounts.policy import Action, can
from clusterhub.api import answers
from clusterhub.api.auth import TokenAuth, caller
from clusterhub.api.problems import Problem, object_body
from clusterhub.api.schemas import (
    ClusterChange,
    ClusterCreate,
    ClusterDetail,
    ClusterFilters,
    ClusterPage,
    FacetValue,
    MemberInput,
    MemberPage,
    PageParams,
    page_of,
)
from clusterhub.api.writes import validated
from clusterhub.audit.services import Actor
from clusterhub.registry import geo
from clusterhub.registry.models import Cluster, Cooperation
from clusterhub.registry.profiles import PERSONAL_FIELDS
from clusterhub.registry.records import cluster_record, cooperation_record, member_record
from clusterhub.registry.search import ClusterQuery, filtered, find
from clusterhub.registry.search import facets as count_facets
from clusterhub.registry.services import MemberWriter, delete_cluster, upsert_cluster

router = Router(tags=["clusters"])


def _query(filters: ClusterFilters, page: PageParams | None = None) -> ClusterQuery:
    params: dict[str, Any] = filters.dict()
    if page is not None:
        params.update(page.dict())
    return ClusterQuery.from_params(params)


def _public(cluster: Cluster, user: Any) -> dict[str, Any]:
    record = cluster_record(cluster)
    if not can(user, Action.VIEW_PERSONAL, cluster):
        for name in PERSONAL_FIELDS:
            record[name] = None
    record["pk"] = cluster.pk
    record["url"] = reverse("portal:cluster_detail", args=[cluster.pk])
    return record


JSON = "application/json; charset=utf-8"
# Search answers are built from the standard's records, so they are valid by construction:
# serialised directly (ninja's validation of every value costs more than the search itself);
# the `response` schema still documents them.


def _anonymous(user: Any) -> bool:
    return not getattr(user, "is_authenticated", False)


@router.get("/clusters", response=ClusterPage, summary="Search cluster organisations")
def list_clusters(
    request: HttpRequest,
    filters: Query[ClusterFilters],
    page: Query[PageParams],
    facets: bool = False,
) -> HttpResponse:
    """The same text search and filters as the portal's /clusters/ page, with pages; with
    `facets=true`, the facet counts too (one request for a search page)."""
    user = caller(request)

    def compute() -> bytes:
        found = find(_query(filters, page), with_facets=facets)
        url = geo.profile_url_builder()
        personal = can(user, Action.VIEW_PERSONAL)
        results = [
            # The stored record, with its id and profile address added at the end.
            orjson.Fragment(b'%s,"pk":%d,"url":%s}' % (body[:-1], pk, orjson.dumps(url(pk))))
            for pk, body in found.index.records_json(found.page_pks, personal).items()
        ]
        return orjson.dumps(
            {
                "count": found.total,
                "page": found.query.page,
                "pages": found.pages,
                "results": results,
                "facets": _facet_values(found.facets) if facets else None,
            }
        )

    return answers.answer(request, _anonymous(user), compute, JSON)


def _facet_values(found: dict[str, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    return {name: [v.__dict__ for v in values] for name, values in found.items()}


@router.get("/clusters/facets", response=dict[str, list[FacetValue]], summary="Facet counts")
def cluster_facets(request: HttpRequest, filters: Query[ClusterFilters]) -> HttpResponse:
    """For each facet, the count of matching organisations per value (its own filter left out)."""
    return answers.answer(
        request,
        _anonymous(caller(request)),
        lambda: orjson.dumps(_facet_values(count_facets(_query(filters)))),
        JSON,
    )


@router.get(
    "/clusters/geojson",
    summary="Matching organisations as GeoJSON points (for maps)",
    openapi_extra={
        "responses": {
            200: {
                "description": "A GeoJSON FeatureCollection of Point features",
                "content": {"application/geo+json": {"schema": {"type": "object"}}},
            }
        }
    },
)
def cluster_geojson(request: HttpRequest, filters: Query[ClusterFilters]) -> HttpResponse:
    """Organisations with coordinates; properties: id, name, name_en, country, city, members_total, url."""
    body = geo.cluster_points(filtered(_query(filters)), geo.profile_url_builder())
    return HttpResponse(body, content_type="application/geo+json")


@router.get("/clusters/{int:pk}", response=ClusterDetail, summary="One cluster organisation")
def get_cluster(request: HttpRequest, pk: int) -> dict[str, Any]:
    cluster = get_object_or_404(Cluster.objects.prefetch_related("tags__term"), pk=pk)
    record = _public(cluster, caller(request))
    coops = Cooperation.objects.filter(cluster=cluster).select_related("cluster", "partner")
    record["cooperations"] = [cooperation_record(c) for c in coops.order_by("id")]
    record["members_listed"] = cluster.members.count()
    return record


@router.get("/clusters/{int:pk}/members", response=MemberPage, summary="Members of a cluster")
def list_members(request: HttpRequest, pk: int, page: Query[PageParams]) -> dict[str, Any]:
    cluster = get_object_or_404(Cluster, pk=pk)
    members = cluster.members.order_by("name")
    return page_of(members, page, lambda m: member_record(m, cluster.source_id), clamp=False)


def _actor(user: Any) -> Actor:
    return Actor.person(user, context="api")


def _require(allowed: bool) -> None:
    if not allowed:
        raise Problem(403, "Forbidden", "Your role does not allow this.")


@router.post(
    "/clusters",
    response={201: ClusterDetail},
    auth=TokenAuth(),
    summary="Create a cluster organisation",
)
def create_cluster(request: HttpRequest, body: ClusterCreate) -> tuple[int, dict[str, Any]]:  # type: ignore[valid-type]
    user = request.auth  # type: ignore[attr-defined]
    clean = validated("clusters", body.dict(exclude_unset=True))  # type: ignore[attr-defined]
    _require(can(user, Action.CREATE, clean["country"]))
    source = clean.get("source") or clean["country"]
    if Cluster.objects.filter(source=source, source_id=clean["id"]).exists():
        raise Problem(
            409, "Conflict", f"Source {source} already has a cluster with id {clean['id']}."
        )
    with transaction.atomic():
        cluster, _ = upsert_cluster(clean, source=source, actor=_actor(user))
    return 201, get_cluster(request, cluster.pk)


@router.patch(
    "/clusters/{int:pk}",
    response=ClusterDetail,
    auth=TokenAuth(),
    summary="Change a cluster organisation",
)
def change_cluster(request: HttpRequest, pk: int, body: ClusterChange) -> dict[str, Any]:  # type: ignore[valid-type]
    user = request.auth  # type: ignore[attr-defined]
    cluster = get_object_or_404(Cluster, pk=pk)
    _require(can(user, Action.EDIT, cluster))
    object_body(request)
    given = body.dict(exclude_unset=True)  # type: ignore[attr-defined]
    given.pop("source", None)  # provenance is not changed through the API
    current = {"id": cluster.source_id, "name": cluster.name, "country": cluster.country}
    clean = validated("clusters", given, current)
    clean["id"] = cluster.source_id
    if "country" in clean and clean["country"] != cluster.country:
        _require(can(user, Action.CREATE, clean["country"]))
    with transaction.atomic():
        upsert_cluster(clean, source=cluster.source, actor=_actor(user))
    return get_cluster(request, pk)


@router.delete(
    "/clusters/{int:pk}",
    response={204: None},
    auth=TokenAuth(),
    summary="Delete a cluster organisation",
)
def remove_cluster(request: HttpRequest, pk: int) -> tuple[int, None]:
    user = request.auth  # type: ignore[attr-defined]
    cluster = get_object_or_404(Cluster, pk=pk)
    _require(can(user, Action.DELETE, cluster))
    with transaction.atomic():
        delete_cluster(cluster, actor=_actor(user))
    return 204, None


@router.put(
    "/clusters/{int:pk}/members",
    response=MemberPage,
    auth=TokenAuth(),
    summary="Add or update members",
)
def put_members(request: HttpRequest, pk: int, body: list[MemberInput]) -> dict[str, Any]:  # type: ignore[valid-type]
    """Members are keyed by name within the cluster; the rules are the importer's."""
    user = request.auth  # type: ignore[attr-defined]
    cluster = get_object_or_404(Cluster, pk=pk)
    _require(can(user, Action.EDIT_MEMBERS, cluster))
    items: list[dict[str, Any]] = [item.dict(exclude_unset=True) for item in body]  # type: ignore[attr-defined]
    rows = [validated("members", {**item, "cluster_id": cluster.source_id}) for item in items]
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise Problem(422, "Invalid data", "A member name appears twice in the request.")
    with transaction.atomic():
        writer = MemberWriter(actor=_actor(user))
        for row in rows:
            writer.add(cluster.pk, cluster.source_id, row)
        writer.finish()
    return list_members(request, pk, PageParams(page=1, size=100))
