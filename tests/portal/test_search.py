"""Search at /clusters/: text without diacritics or case, facets, sorting, pages, links."""

from __future__ import annotations

import re

import pytest

from clusterhub.audit.services import Actor
from clusterhub.registry.search import ClusterQuery, search
from clusterhub.registry.services import MemberWriter, upsert_cluster

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


@pytest.fixture
def registry():  # type: ignore[no-untyped-def]
    rows = [
        {
            "id": "1",
            "name": "Klastr Zdraví",
            "country": "CZ",
            "nuts": "CZ064",
            "ecosystems": ["health"],
            "lifecycle": "growing",
            "sectors": ["Q86"],
            "services": ["networking"],
            "members_total": 40,
        },
        {
            "id": "2",
            "name": "Klaster Łódź Tekstylny",
            "name_en": "Lodz Textile Cluster",
            "country": "PL",
            "nuts": "PL711",
            "ecosystems": ["textile"],
            "lifecycle": "mature",
            "sectors": ["C13"],
            "members_total": 10,
        },
        {
            "id": "3",
            "name": "Moravian ICT Cluster",
            "country": "CZ",
            "nuts": "CZ080",
            "ecosystems": ["digital", "health"],
            "lifecycle": "mature",
            "sectors": ["J62.01"],
            "cooperation_countries": ["SK"],
            "members_total": 90,
        },
        {
            "id": "4",
            "name": "Győri Járműipari Klaszter",
            "country": "HU",
            "nuts": "HU221",
            "ecosystems": ["mobility-transport-automotive"],
            "sectors": ["C29.3"],
            "label": "gold",
        },
    ]
    clusters = {}
    for row in rows:
        clusters[row["id"]], _ = upsert_cluster(row, source="t", actor=ACTOR)
    writer = MemberWriter(actor=ACTOR)
    writer.add(clusters["3"].pk, "3", {"name": "Škoda Digital s.r.o."})
    writer.finish()
    return clusters


def names(query: ClusterQuery) -> list[str]:
    return [c.name for c in search(query, with_facets=False).clusters]


def test_text_search_ignores_case_and_diacritics(registry) -> None:  # type: ignore[no-untyped-def]
    assert names(ClusterQuery(q="zdravi")) == ["Klastr Zdraví"]
    assert names(ClusterQuery(q="ZDRAVÍ")) == ["Klastr Zdraví"]
    assert names(ClusterQuery(q="lodz")) == ["Klaster Łódź Tekstylny"]
    assert names(ClusterQuery(q="gyori")) == ["Győri Járműipari Klaszter"]


def test_text_search_finds_english_names_and_member_names(registry) -> None:  # type: ignore[no-untyped-def]
    assert names(ClusterQuery(q="textile")) == ["Klaster Łódź Tekstylny"]
    assert names(ClusterQuery(q="skoda")) == ["Moravian ICT Cluster"]


def test_every_word_must_match(registry) -> None:  # type: ignore[no-untyped-def]
    assert names(ClusterQuery(q="klastr zdravi")) == ["Klastr Zdraví"]
    assert names(ClusterQuery(q="klastr lodz")) == []


def test_filters_combine_and_alternatives_widen(registry) -> None:  # type: ignore[no-untyped-def]
    assert names(ClusterQuery(country=("CZ",), ecosystem=("health",))) == [
        "Klastr Zdraví",
        "Moravian ICT Cluster",
    ]
    assert names(ClusterQuery(country=("CZ", "PL"), lifecycle=("mature",))) == [
        "Klaster Łódź Tekstylny",
        "Moravian ICT Cluster",
    ]
    assert names(ClusterQuery(nuts=("CZ08",))) == ["Moravian ICT Cluster"]
    assert names(ClusterQuery(sector=("C",))) == [
        "Győri Járműipari Klaszter",
        "Klaster Łódź Tekstylny",
    ]
    assert names(ClusterQuery(coop_country=("sk",))) == ["Moravian ICT Cluster"]
    assert names(ClusterQuery(label=("gold",))) == ["Győri Járműipari Klaszter"]


def test_facet_counts_apply_the_other_filters_but_not_their_own(registry) -> None:  # type: ignore[no-untyped-def]
    result = search(ClusterQuery(country=("CZ",)))
    countries = {v.code: (v.count, v.selected) for v in result.facets["country"]}
    assert countries == {"CZ": (2, True), "PL": (1, False), "HU": (1, False)}
    ecosystems = {v.code: v.count for v in result.facets["ecosystem"]}
    assert ecosystems == {"health": 2, "digital": 1}


def test_sorting_and_pages(registry) -> None:  # type: ignore[no-untyped-def]
    first = search(ClusterQuery(sort="members", size=2), with_facets=False)
    assert [c.name for c in first.clusters] == ["Moravian ICT Cluster", "Klastr Zdraví"]
    assert first.pages == 2
    second = search(ClusterQuery(sort="members", size=2, page=2), with_facets=False)
    assert len(second.clusters) == 2
    beyond = search(ClusterQuery(page=99), with_facets=False)
    assert beyond.query.page == 1


def test_bad_parameters_fall_back_instead_of_failing(client, registry) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/en/clusters/?page=-3&size=abc&sort=drop+table&country=%00")
    assert response.status_code == 200


def test_the_page_lists_results_facets_and_a_shareable_link(client, registry) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/en/clusters/?q=klast&country=CZ").content.decode()
    assert "Klastr Zdraví" in page
    assert "Klaster Łódź" not in page
    assert 'data-facet="ecosystem"' in page
    share = re.search(r'href="([^"]+)" class="share-link"', page)
    assert share is not None
    assert "country=CZ" in share.group(1) and "q=klast" in share.group(1)


def test_htmx_requests_get_only_the_results_part(client, registry) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/en/clusters/?country=PL", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="search"')
    assert "Klaster Łódź" in body
    assert "<html" not in body


def test_plain_clusters_url_redirects_to_a_language(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/clusters/?q=x")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/clusters/")


def test_facet_values_are_named_in_the_visitors_language(client, registry) -> None:  # type: ignore[no-untyped-def]
    from django.utils import translation

    with translation.override("de"):
        result = search(ClusterQuery())
    labels = {(name, v.code): v.label for name, values in result.facets.items() for v in values}
    assert labels[("country", "PL")] == "Polen"
    assert labels[("ecosystem", "health")] == "Gesundheitswirtschaft"
    page = client.get("/de/clusters/").content.decode()
    assert "Tschechien" in page and "Gesundheitswirtschaft" in page
