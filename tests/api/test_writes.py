"""Writing through the API: tokens, the one permission policy, the importer's rules, history."""

from __future__ import annotations

import json
from typing import Any

import pytest

from clusterhub.accounts.services import create_api_token
from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Cluster, Member

pytestmark = pytest.mark.django_db


def call(
    client, method: str, url: str, user: Any = None, body: Any = None, token: str | None = None
):  # type: ignore[no-untyped-def]
    headers = {}
    if user is not None and user.is_authenticated:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {create_api_token(user, 'test')}"
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    data = json.dumps(body) if body is not None else None
    return getattr(client, method)(url, data=data, content_type="application/json", **headers)


WRITE_MATRIX = [
    # persona, method, target, allowed
    ("anonymous", "patch", "cz", False),
    ("registered", "patch", "cz", False),
    ("manager", "patch", "cz", True),
    ("manager", "patch", "cz_other", False),
    ("coordinator_pl", "patch", "cz", False),
    ("coordinator_cz", "patch", "cz_other", True),
    ("admin", "patch", "pl", True),
    ("manager", "put_members", "cz", True),
    ("manager", "put_members", "cz_other", False),
    ("coordinator_pl", "put_members", "cz", False),
    ("anonymous", "delete", "cz", False),
    ("manager", "delete", "cz", False),
    ("coordinator_pl", "delete", "cz", False),
    ("coordinator_cz", "delete", "cz_other", True),
    ("anonymous", "post", "CZ", False),
    ("registered", "post", "CZ", False),
    ("manager", "post", "CZ", False),
    ("coordinator_pl", "post", "CZ", False),
    ("coordinator_cz", "post", "CZ", True),
    ("admin", "post", "SK", True),
]


@pytest.mark.parametrize(("persona", "method", "target", "allowed"), WRITE_MATRIX)
def test_writes_are_allowed_exactly_as_the_policy_says(
    client, personas, persona, method, target, allowed
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    clusters = {"cz": personas.cz_cluster, "cz_other": personas.cz_other, "pl": personas.pl_cluster}
    entries_before = AuditEntry.objects.count()
    if method == "post":
        response = call(
            client,
            "post",
            "/api/v1/clusters",
            user,
            {"id": "new-1", "name": "Nový klastr", "country": target},
        )
    elif method == "put_members":
        url = f"/api/v1/clusters/{clusters[target].pk}/members"
        response = call(client, "put", url, user, [{"name": "Nová firma s.r.o.", "type": "sme"}])
    else:
        url = f"/api/v1/clusters/{clusters[target].pk}"
        response = call(client, method, url, user, {"founded": 2011} if method == "patch" else None)
    if allowed:
        assert response.status_code in (200, 201, 204), response.content
        assert AuditEntry.objects.count() > entries_before
    else:
        assert response.status_code == (401 if not user.is_authenticated else 403), response.content
        assert response["Content-Type"] == "application/problem+json"
        assert AuditEntry.objects.count() == entries_before


def test_a_change_is_validated_with_the_importers_rules_and_names_each_bad_field(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}"
    response = call(
        client,
        "patch",
        url,
        personas.manager,
        {"website": "javascript:alert(1)", "founded": 1850, "nuts": "PL213"},
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"website", "founded", "nuts"}
    personas.cz_cluster.refresh_from_db()
    assert personas.cz_cluster.website == ""


@pytest.mark.parametrize("body", [["name", "X"], "X", 3])
def test_a_change_whose_body_is_not_an_object_is_a_422_problem(client, personas, body) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}"
    response = call(client, "patch", url, personas.manager, body)
    assert response.status_code == 422
    assert response.json()["detail"] == "The body must be a JSON object of fields."


def test_a_change_is_recorded_in_the_history_with_the_caller(client, personas) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}"
    response = call(
        client, "patch", url, personas.manager, {"lifecycle": "growing", "ecosystems": ["digital"]}
    )
    assert response.status_code == 200
    assert response.json()["lifecycle"] == "growing"
    assert response.json()["ecosystems"] == ["digital"]
    entry = (
        AuditEntry.objects.filter(model="cluster", object_id=str(personas.cz_cluster.pk))
        .order_by("id")
        .last()
    )
    assert entry is not None
    assert (entry.actor_id, entry.actor_name, entry.context) == (
        personas.manager.pk,
        "manazer",
        "api",
    )
    assert entry.before["lifecycle"] is None and entry.after["lifecycle"] == "growing"


def test_moving_a_cluster_to_another_country_needs_the_right_to_create_there(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}"
    response = call(client, "patch", url, personas.coordinator_cz, {"country": "PL"})
    assert response.status_code == 403
    personas.cz_cluster.refresh_from_db()
    assert personas.cz_cluster.country == "CZ"


def test_creating_an_existing_id_of_the_same_source_is_a_conflict(client, personas) -> None:  # type: ignore[no-untyped-def]
    body = {"id": "cz-1", "name": "Duplicate", "country": "CZ"}
    response = call(client, "post", "/api/v1/clusters", personas.coordinator_cz, body)
    assert response.status_code == 409
    assert Cluster.objects.filter(source="CZ", source_id="cz-1").get().name != "Duplicate"


def test_a_bad_or_revoked_token_is_unauthorized(client, personas) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}"
    assert (
        call(client, "patch", url, token="ch_not-a-real-token", body={"founded": 2000}).status_code
        == 401
    )
    token = create_api_token(personas.manager, "old")
    personas.manager.is_active = False
    personas.manager.save()
    assert call(client, "patch", url, token=token, body={"founded": 2000}).status_code == 401


def test_members_are_added_and_updated_by_name(client, personas) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/clusters/{personas.cz_cluster.pk}/members"
    call(client, "put", url, personas.manager, [{"name": "Alfa s.r.o.", "employees": 10}])
    response = call(
        client,
        "put",
        url,
        personas.manager,
        [{"name": "Alfa s.r.o.", "employees": 12, "type": "sme"}],
    )
    assert response.status_code == 200
    assert Member.objects.get(name="Alfa s.r.o.").employees == 12
    bad = call(client, "put", url, personas.manager, [{"name": "Beta", "type": "giant"}])
    assert bad.status_code == 422
    assert not Member.objects.filter(name="Beta").exists()


def test_a_session_without_a_token_cannot_write(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    response = client.patch(
        f"/api/v1/clusters/{personas.cz_cluster.pk}",
        data='{"founded": 2000}',
        content_type="application/json",
    )
    assert response.status_code == 401


def test_every_field_keeps_the_importers_length_limits(client, personas) -> None:  # type: ignore[no-untyped-def]
    cluster = personas.cz_cluster
    url = f"/api/v1/clusters/{cluster.pk}"
    huge = call(client, "patch", url, personas.manager, {"name": "K" * 2_000_000})
    assert huge.status_code == 422
    assert huge.json()["errors"][0]["field"] == "name"
    assert huge.json()["errors"][0]["reason"] == "is longer than 300 characters"
    assert len(huge.content) < 2000  # the value is not echoed whole
    members = [{"name": "M" * 301}]
    put = call(client, "put", f"{url}/members", personas.manager, members)
    assert put.status_code == 422
    assert Cluster.objects.get(pk=cluster.pk).name == cluster.name
    assert not Member.objects.filter(cluster=cluster).exists()
