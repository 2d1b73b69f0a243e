"""The home page counts what the registry holds and escapes what sources wrote."""

from __future__ import annotations

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.registry.services import upsert_cluster

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test")


def test_plain_urls_redirect_to_a_language(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_it_counts_clusters_by_country_and_ecosystem(client) -> None:  # type: ignore[no-untyped-def]
    upsert_cluster(
        {"id": "1", "name": "A", "country": "CZ", "ecosystems": ["digital"]},
        source="s",
        actor=ACTOR,
    )
    upsert_cluster(
        {"id": "2", "name": "B", "country": "CZ", "ecosystems": ["digital", "health"]},
        source="s",
        actor=ACTOR,
    )
    upsert_cluster(
        {"id": "3", "name": "C", "country": "SK", "ecosystems": ["health"]}, source="s", actor=ACTOR
    )
    response = client.get("/en/")
    assert response.context["total_clusters"] == 3
    by_country = {row["code"]: row["clusters"] for row in response.context["by_country"]}
    assert by_country == {"CZ": 2, "SK": 1}
    by_ecosystem = {row["code"]: row["clusters"] for row in response.context["by_ecosystem"]}
    assert by_ecosystem == {"digital": 2, "health": 2}
    assert "Demo data" not in response.content.decode()


def test_the_page_is_available_in_czech(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/cs/")
    assert response.status_code == 200
    assert '<html lang="cs">' in response.content.decode()


def test_staff_edits_in_the_admin_go_into_the_history(admin_client) -> None:  # type: ignore[no-untyped-def]
    cluster, _ = upsert_cluster(
        {"id": "1", "name": "Klastr", "country": "CZ"}, source="s", actor=ACTOR
    )
    url = f"/en/admin/registry/cluster/{cluster.pk}/change/"
    form = admin_client.get(url)
    assert form.status_code == 200
    data = {
        "name": "Klastr nový",
        "country": "CZ",
        "members-TOTAL_FORMS": "0",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    cluster.refresh_from_db()
    assert cluster.name == "Klastr nový"
    entry = AuditEntry.objects.filter(action="update").get()
    assert entry.actor_name == "admin"
    assert entry.before["name"] == "Klastr"
    assert entry.after["name"] == "Klastr nový"


def test_the_admin_refuses_a_value_the_importer_would_refuse(admin_client) -> None:  # type: ignore[no-untyped-def]
    cluster, _ = upsert_cluster(
        {"id": "1", "name": "Klastr", "country": "CZ"}, source="s", actor=ACTOR
    )
    url = f"/en/admin/registry/cluster/{cluster.pk}/change/"
    data = {
        "name": "Klastr",
        "country": "CZ",
        "website": "javascript:alert(1)",
        "members-TOTAL_FORMS": "0",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "is not an http(s) URL" in response.content.decode()
    cluster.refresh_from_db()
    assert cluster.website == ""
    assert not AuditEntry.objects.filter(action="update").exists()


def test_counts_and_country_names_are_written_as_the_language_writes_them(
    client, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.registry import queries

    upsert_cluster({"id": "1", "name": "A", "country": "CZ"}, source="s", actor=ACTOR)
    real = queries.overview

    def large() -> dict:  # type: ignore[type-arg]
        found = real()
        found["total_members"] = 6128
        found["by_country"] = [{**row, "members": 6128} for row in found["by_country"]]
        return found

    monkeypatch.setattr(queries, "overview", large)
    german = client.get("/de/").content.decode()
    assert "Tschechien" in german and "Czechia" not in german
    assert "6.128" in german and "6128" not in german
    assert "6,128" in client.get("/en/").content.decode()
