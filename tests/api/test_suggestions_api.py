"""Partner suggestions through the API: for users with a role, weights per request, problems
for bad input, and dismissing with a token under the one policy."""

from __future__ import annotations

from typing import Any

import pytest

from clusterhub.accounts.services import create_api_token
from clusterhub.analytics.partners import DEFAULT_WEIGHTS
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.models import SuggestionDismissal
from clusterhub.cooperation.suggestions.inputs import forget
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster, upsert_cooperation
from tests.personas import SETUP

pytestmark = pytest.mark.django_db


def add(source_id: str, name: str, country: str, **lists: str) -> Cluster:
    values: dict[str, Any] = {"id": source_id, "name": name, "country": country}
    values.update({field: codes.split(";") for field, codes in lists.items()})
    cluster, _ = upsert_cluster(values, source="TEST", actor=SETUP)
    return cluster


@pytest.fixture
def world(personas) -> Any:  # type: ignore[no-untyped-def]
    """The CZ cluster needs internationalisation and works in C29; a Slovak candidate
    offers internationalisation, an Austrian one shares the industry."""
    forget()
    upsert_cluster(
        {"id": "cz-1", "name": personas.cz_cluster.name, "country": "CZ",
         "needs": ["internationalisation"], "sectors": ["C29"]},
        source="CZ",
        actor=SETUP,
    )  # fmt: skip
    personas.offering = add(
        "sk-1", "Slovenský exportný klaster", "SK", services="internationalisation"
    )
    personas.industry = add("at-1", "Autocluster <Steiermark>", "AT", sectors="C29.3")
    return personas


def get(client, url: str, user: Any = None, session: bool = False):  # type: ignore[no-untyped-def]
    if user is None or not user.is_authenticated:
        return client.get(url)
    if session:
        client.force_login(user)
        return client.get(url)
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {create_api_token(user, 'test')}")


def post(client, url: str, user: Any = None):  # type: ignore[no-untyped-def]
    headers = {}
    if user is not None and user.is_authenticated:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {create_api_token(user, 'test')}"
    return client.post(url, content_type="application/json", **headers)


def url(cluster: Cluster, query: str = "") -> str:
    return f"/api/v1/clusters/{cluster.pk}/suggestions{query}"


# (persona, status)
READ_MATRIX = [
    ("anonymous", 401),
    ("registered", 403),
    ("manager", 200),
    ("coordinator_pl", 200),  # any role sees suggestions, also for another country
    ("coordinator_cz", 200),
    ("admin", 200),
]


@pytest.mark.parametrize(("persona", "status"), READ_MATRIX)
@pytest.mark.parametrize("session", [False, True])
def test_suggestions_are_for_users_with_a_role(client, world, persona, status, session) -> None:  # type: ignore[no-untyped-def]
    response = get(client, url(world.cz_cluster), getattr(world, persona), session)
    assert response.status_code == status, response.content
    if status != 200:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == status


def test_the_answer_lists_partners_with_their_reasons_best_first(client, world) -> None:  # type: ignore[no-untyped-def]
    found = get(client, url(world.cz_cluster, "?top=2"), world.manager).json()
    assert [p["id"] for p in found] == [world.offering.pk, world.industry.pk]
    best = found[0]
    assert set(best) == {"id", "source_id", "name", "country", "score", "reasons"}
    assert (best["name"], best["country"]) == ("Slovenský exportný klaster", "SK")
    assert {r["code"] for r in best["reasons"]} == {"needs", "cross_border"}
    assert best["score"] == pytest.approx(sum(r["value"] for r in best["reasons"]))
    needs = next(r for r in best["reasons"] if r["code"] == "needs")
    assert needs["text"] == "offers Internationalisation support, which you need"
    assert found[1]["name"] == "Autocluster <Steiermark>"  # JSON carries the name as it is


def test_weights_change_the_order(client, world) -> None:  # type: ignore[no-untyped-def]
    query = "?top=10&weight=needs:0&weight=industry:5"
    found = get(client, url(world.cz_cluster, query), world.manager).json()
    assert found[0]["id"] == world.industry.pk
    offering = next(p for p in found if p["id"] == world.offering.pk)
    assert offering["score"] == 1.0  # only across the border now
    assert {r["code"] for r in offering["reasons"]} == {"cross_border"}


def test_existing_partners_come_only_when_asked_for(client, world) -> None:  # type: ignore[no-untyped-def]
    upsert_cooperation(
        {"kind": "project"}, cluster=world.cz_cluster, partner=world.offering, actor=SETUP
    )
    ids = [p["id"] for p in get(client, url(world.cz_cluster), world.manager).json()]
    assert world.offering.pk not in ids
    asked = get(client, url(world.cz_cluster, "?include_partners=true"), world.manager).json()
    assert asked[0]["id"] == world.offering.pk


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("?weight=charm:2", "'charm' is not a part of the score"),
        ("?weight=needs:-1", "the weight of 'needs' must be a number of 0 or more, not '-1'"),
        ("?weight=needs:lots", "not 'lots'"),
        ("?weight=needs:nan", "not 'nan'"),
        ("?weight=needs", "write it as PART:VALUE"),
        ("?weight=needs:1&weight=needs:2", "needs: the part is given twice; give it once"),
        (
            "?" + "&".join(f"weight={part}:0" for part in DEFAULT_WEIGHTS),
            "weight: every part's weight is 0; give one part a weight above 0",
        ),
    ],
)
def test_a_bad_weight_is_a_problem_naming_it(client, world, query, named) -> None:  # type: ignore[no-untyped-def]
    response = get(client, url(world.cz_cluster, query), world.manager)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert named in problem["detail"]
    assert problem["errors"][0]["field"] == "weight"


@pytest.mark.parametrize("top", ["0", "101", "ten", "-3"])
def test_a_bad_top_is_a_problem(client, world, top) -> None:  # type: ignore[no-untyped-def]
    response = get(client, url(world.cz_cluster, f"?top={top}"), world.manager)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "top"


def test_an_unknown_cluster_is_not_found(client, world) -> None:  # type: ignore[no-untyped-def]
    response = get(client, "/api/v1/clusters/999999/suggestions", world.admin)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    dismissal = post(
        client, f"/api/v1/clusters/{world.cz_cluster.pk}/suggestions/999999/dismiss", world.admin
    )
    assert dismissal.status_code == 404


# (persona, cluster, allowed)
DISMISS_MATRIX = [
    ("anonymous", "cz_cluster", False),
    ("registered", "cz_cluster", False),
    ("manager", "cz_cluster", True),
    ("manager", "cz_other", False),
    ("coordinator_cz", "cz_other", True),
    ("coordinator_pl", "cz_cluster", False),
    ("admin", "pl_cluster", True),
]


@pytest.mark.parametrize(("persona", "target", "allowed"), DISMISS_MATRIX)
def test_dismissing_through_the_api_obeys_the_policy(
    client, world, persona, target, allowed
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(world, persona)
    cluster = getattr(world, target)
    base = f"/api/v1/clusters/{cluster.pk}/suggestions/{world.offering.pk}"
    entries = AuditEntry.objects.count()
    response = post(client, f"{base}/dismiss", user)
    if not allowed:
        assert response.status_code == (401 if not user.is_authenticated else 403)
        assert response["Content-Type"] == "application/problem+json"
        assert not SuggestionDismissal.objects.exists()
        assert AuditEntry.objects.count() == entries
        return
    assert response.status_code == 200, response.content
    assert response.json() == {
        "cluster": cluster.pk,
        "candidate": world.offering.pk,
        "dismissed": True,
        "changed": True,
    }
    assert post(client, f"{base}/dismiss", user).json()["changed"] is False
    assert AuditEntry.objects.count() == entries + 1
    restored = post(client, f"{base}/restore", user).json()
    assert (restored["dismissed"], restored["changed"]) == (False, True)
    assert not SuggestionDismissal.objects.exists()


def test_writes_take_a_token_not_the_browser_session(client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.manager)
    base = f"/api/v1/clusters/{world.cz_cluster.pk}/suggestions/{world.offering.pk}"
    assert client.post(f"{base}/dismiss").status_code == 401
    assert not SuggestionDismissal.objects.exists()


def test_a_dismissed_suggestion_stays_out_of_later_answers(client, world) -> None:  # type: ignore[no-untyped-def]
    base = f"/api/v1/clusters/{world.cz_cluster.pk}/suggestions/{world.offering.pk}"
    assert post(client, f"{base}/dismiss", world.manager).status_code == 200
    for reader in (world.manager, world.coordinator_pl, world.admin):
        ids = [p["id"] for p in get(client, url(world.cz_cluster), reader).json()]
        assert world.offering.pk not in ids and world.industry.pk in ids
    post(client, f"{base}/restore", world.manager)
    ids = [p["id"] for p in get(client, url(world.cz_cluster), world.manager).json()]
    assert ids[0] == world.offering.pk


def test_reasons_speak_the_language_of_the_request(client, world) -> None:  # type: ignore[no-untyped-def]
    token = create_api_token(world.manager, "test")
    response = client.get(
        url(world.cz_cluster), HTTP_ACCEPT_LANGUAGE="cs", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    texts = [r["text"] for r in response.json()[0]["reasons"]]
    assert any("Slovensko" in text for text in texts), texts
