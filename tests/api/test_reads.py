"""Reading the API: the portal's search, facets, detail, members, reference data."""

from __future__ import annotations

import pytest

from clusterhub.accounts.services import create_api_token
from clusterhub.audit.services import Actor
from clusterhub.registry.search import ClusterQuery, filtered
from clusterhub.registry.services import MemberWriter, upsert_cluster

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


@pytest.fixture
def registry(personas):  # type: ignore[no-untyped-def]
    upsert_cluster(
        {
            "id": "h",
            "name": '<script>alert("x")</script> Zdraví',
            "country": "CZ",
            "ecosystems": ["health"],
            "nuts": "CZ064",
        },
        source="t",
        actor=ACTOR,
    )
    writer = MemberWriter(actor=ACTOR)
    writer.add(personas.cz_cluster.pk, "cz-1", {"name": "Vítkovice a.s.", "type": "large"})
    writer.finish()
    return personas


def test_the_list_applies_the_same_search_and_filters_as_the_portal(client, registry) -> None:  # type: ignore[no-untyped-def]
    params = {"q": "klastr", "country": "CZ"}
    body = client.get("/api/v1/clusters", params).json()
    expected = set(filtered(ClusterQuery(q="klastr", country=("CZ",))).values_list("pk", flat=True))
    assert {c["pk"] for c in body["results"]} == expected
    assert body["count"] == len(expected)


def test_text_search_is_insensitive_to_case_and_diacritics(client, registry) -> None:  # type: ignore[no-untyped-def]
    names = {c["name"] for c in client.get("/api/v1/clusters", {"q": "ZDRAVI"}).json()["results"]}
    assert names == {"Klastr Zdraví", '<script>alert("x")</script> Zdraví'}
    found = client.get("/api/v1/clusters", {"q": "vitkovice"}).json()["results"]
    assert [c["id"] for c in found] == ["cz-1"]


def test_repeated_and_comma_separated_filters_are_alternatives(client, registry) -> None:  # type: ignore[no-untyped-def]
    repeated = client.get("/api/v1/clusters?country=CZ&country=PL").json()["count"]
    commas = client.get("/api/v1/clusters?country=CZ,PL").json()["count"]
    assert repeated == commas == 4


def test_pages_and_ordering(client, registry) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/v1/clusters", {"size": 2, "sort": "-name"}).json()
    assert first["pages"] == 2
    names = [c["name"] for c in first["results"]]
    assert names == sorted(names, reverse=True)
    assert client.get("/api/v1/clusters", {"size": 500}).status_code == 422
    assert client.get("/api/v1/clusters", {"sort": "password"}).status_code == 422


def test_facet_counts_match_the_portal(client, registry) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/clusters/facets", {"country": "CZ"}).json()
    assert {v["code"]: v["count"] for v in body["country"]} == {"CZ": 3, "PL": 1}
    assert body["ecosystem"] == [
        {"code": "health", "label": "Health", "count": 1, "selected": False}
    ]


def test_personal_fields_are_hidden_from_anonymous_callers_and_shown_to_roles(
    client, registry
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{registry.cz_cluster.pk}"
    assert client.get(url).json()["contact_name"] is None
    listed = client.get("/api/v1/clusters", {"q": "moravskoslezsky"}).json()["results"][0]
    assert listed["contact_email"] is None
    token = create_api_token(registry.manager, "test")
    shown = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert shown["contact_name"] == "Jana Nováková"
    reader = create_api_token(registry.registered, "test")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {reader}").json()["contact_name"] is None


def test_hostile_text_comes_back_as_inert_json_text(client, registry) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/clusters", {"q": "alert"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["results"][0]["name"].startswith('<script>alert("x")</script>')


def test_members_of_a_cluster_are_listed_in_pages(client, registry) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"/api/v1/clusters/{registry.cz_cluster.pk}/members").json()
    assert body["count"] == 1
    assert body["results"][0] == {
        "cluster_id": "cz-1",
        "name": "Vítkovice a.s.",
        "country": None,
        "nuts": None,
        "type": "large",
        "nace": None,
        "employees": None,
        "website": None,
        "register_id": None,
        "joined": None,
    }


def test_errors_are_problem_details(client, db) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/clusters/424242")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {"type": "about:blank", "title": "Not found", "status": 404}
    invalid = client.get("/api/v1/clusters?page=0")
    assert invalid.status_code == 422
    assert invalid.json()["errors"][0]["field"] == "page"


def test_regions_and_taxonomies(client, registry) -> None:  # type: ignore[no-untyped-def]
    regions = client.get("/api/v1/regions", {"country": "CZ", "level": 3}).json()
    assert [r["code"] for r in regions] == ["CZ064"]
    assert client.get("/api/v1/regions/cz064").json()["parent"] == "CZ06"
    taxonomies = client.get("/api/v1/taxonomies").json()
    assert len(taxonomies["ecosystems"]) == 14
    assert {"code": "growing", "name": "Growing"} in taxonomies["lifecycle"]


def test_anonymous_clients_are_throttled(client, registry) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.api.main import api

    anonymous = api.throttle[0]  # type: ignore[index]
    saved = anonymous.num_requests
    anonymous.num_requests = 3
    try:
        statuses = [client.get("/api/v1/regions").status_code for _ in range(5)]
    finally:
        anonymous.num_requests = saved
    assert statuses[:3] == [200, 200, 200]
    assert statuses[-1] == 429


def test_the_geojson_endpoint_gives_the_filtered_organisations_as_points(client, registry) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.registry.services import upsert_cluster as save

    save(
        {"id": "geo", "name": "Brno klastr", "country": "CZ", "lat": "49.19", "lon": "16.61"},
        source="t",
        actor=ACTOR,
    )
    response = client.get("/api/v1/clusters/geojson", {"country": "CZ"})
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    assert [f["properties"]["name"] for f in features] == ["Brno klastr"]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [16.61, 49.19]}
    assert "contact_name" not in features[0]["properties"]
    assert client.get("/api/v1/clusters/geojson", {"country": "PL"}).json()["features"] == []
