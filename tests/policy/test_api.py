"""GET /api/v1/policy-initiatives: the query of the portal, public, with pages."""

from __future__ import annotations

import pytest

from clusterhub.policy.queries import initiatives_for
from clusterhub.standard.fields import field_names
from tests.policy.rows import add

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def initiatives(db) -> None:  # type: ignore[no-untyped-def]
    add("eu-call", level="eu", name="EU call", start="2021", end="2027", budget="1000000.5")
    add("cz-programme", country="CZ", name="Program Klastry", instrument="cluster-programme")
    add(
        "cz-msk-automotive",
        level="regional",
        country="CZ",
        region="CZ080",
        name=HOSTILE,
        sectors="C29",
        ecosystems="mobility-transport-automotive",
        start="2024",
        end="2026",
        link="https://example.org/msk",
    )
    add("pl-programme", country="PL", sectors="C29.3", instrument="grant")


def codes(body: dict) -> list[str]:  # type: ignore[type-arg]
    return sorted(r["code"] for r in body["results"])


def test_anyone_may_list_the_initiatives_with_every_column_a_citation_and_a_link(
    client, initiatives
) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/policy-initiatives")
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["pages"]) == (4, 1, 1)
    eu = next(r for r in body["results"] if r["code"] == "eu-call")
    assert list(eu) == [*field_names("policy_initiatives"), "citation", "url"]
    assert eu["budget"] == 1000000.5 and eu["currency"] == "EUR"
    assert eu["sectors"] == [] and eu["country"] is None
    assert eu["citation"] == "[eu-call] EU call, EU level, 2021–2027."  # noqa: RUF001
    assert eu["url"] == "/en/policy/eu-call/"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "PL"}, ["eu-call", "pl-programme"]),
        ({"country": ["CZ", "PL"], "level": "national"}, ["cz-programme", "pl-programme"]),
        ({"country": "CZ,PL", "level": "national"}, ["cz-programme", "pl-programme"]),
        ({"region": "CZ08", "sector": "C29.1"}, ["cz-msk-automotive", "cz-programme", "eu-call"]),
        ({"ecosystem": "digital"}, ["cz-programme", "eu-call"]),
        ({"instrument": "grant"}, ["pl-programme"]),
        ({"active_on": "2028-01-01"}, ["cz-programme", "pl-programme"]),
        ({"q": "KLASTRY"}, ["cz-programme"]),
    ],
)
def test_the_filters_are_those_of_the_query_function(client, initiatives, params, expected) -> None:  # type: ignore[no-untyped-def]
    assert codes(client.get("/api/v1/policy-initiatives", params).json()) == expected


def test_the_results_match_initiatives_for(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/policy-initiatives", {"region": "CZ080", "sector": "C29"}).json()
    expected = initiatives_for(region="CZ080", sector="C29").values_list("code", flat=True)
    assert [r["code"] for r in body["results"]] == list(expected)


def test_results_come_in_pages(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/v1/policy-initiatives", {"size": 3}).json()
    second = client.get("/api/v1/policy-initiatives", {"size": 3, "page": 2}).json()
    assert (first["pages"], len(first["results"]), len(second["results"])) == (2, 3, 1)
    assert not set(codes(first)) & set(codes(second))
    beyond = client.get("/api/v1/policy-initiatives", {"size": 3, "page": 99}).json()
    assert beyond["page"] == 2


def test_one_initiative_by_its_code_and_a_problem_for_an_unknown_one(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/policy-initiatives/cz-msk-automotive").json()
    assert body["name"] == HOSTILE  # data, not HTML: JSON carries the text as it is
    assert body["region"] == "CZ080" and body["sectors"] == ["C29"]
    missing = client.get("/api/v1/policy-initiatives/no-such-code")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/problem+json"


def test_bad_parameters_are_a_problem_not_an_error(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    for params in ({"active_on": "yesterday"}, {"size": 1000}, {"page": 0}):
        response = client.get("/api/v1/policy-initiatives", params)
        assert response.status_code == 422, params
        assert response["Content-Type"] == "application/problem+json"
    odd = client.get("/api/v1/policy-initiatives", {"sector": "nonsense", "region": "x\x00"})
    assert odd.status_code == 200
