"""Editing in the portal: the one policy on every view, the importer's rules, history, restore."""

from __future__ import annotations

from typing import Any

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Cluster, Member
from clusterhub.registry.records import cluster_record
from clusterhub.registry.services import save_member
from tests.personas import SETUP

pytestmark = pytest.mark.django_db


def form_data(cluster: Cluster, **changes: str) -> dict[str, str]:
    from clusterhub.registry.forms import initial_from_record

    data = initial_from_record(cluster_record(cluster))
    data.pop("id")
    data.pop("source")
    data.update(changes)
    return data


def member_of(personas: Any) -> Member:
    return save_member(personas.cz_cluster, {"name": "Alfa s.r.o.", "type": "sme"}, actor=SETUP)


# (persona, view, target, allowed)
VIEW_MATRIX = [
    ("anonymous", "edit", "cz", False),
    ("registered", "edit", "cz", False),
    ("manager", "edit", "cz", True),
    ("manager", "edit", "cz_other", False),
    ("coordinator_pl", "edit", "cz", False),
    ("coordinator_cz", "edit", "cz_other", True),
    ("admin", "edit", "pl", True),
    ("manager", "member_new", "cz", True),
    ("manager", "member_new", "cz_other", False),
    ("coordinator_pl", "member_new", "cz", False),
    ("manager", "member_delete", "cz", True),
    ("registered", "member_delete", "cz", False),
    ("coordinator_pl", "member_delete", "cz", False),
    ("manager", "delete", "cz", False),
    ("coordinator_pl", "delete", "cz", False),
    ("coordinator_cz", "delete", "cz", True),
    ("manager", "restore", "cz", True),
    ("coordinator_pl", "restore", "cz", False),
    ("anonymous", "restore", "cz", False),
]


@pytest.mark.parametrize(("persona", "view", "target", "allowed"), VIEW_MATRIX)
def test_every_editing_view_obeys_the_policy(
    client, personas, persona, view, target, allowed
) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    cluster = {"cz": personas.cz_cluster, "cz_other": personas.cz_other, "pl": personas.pl_cluster}[
        target
    ]
    member = member_of(personas)
    entry = AuditEntry.objects.filter(model="cluster", object_id=str(cluster.pk)).first()
    assert entry is not None
    before = AuditEntry.objects.count()
    urls = {
        "edit": (f"/en/clusters/{cluster.pk}/edit/", form_data(cluster, founded="2012")),
        "member_new": (
            f"/en/clusters/{cluster.pk}/members/new/",
            {"name": "Nová firma s.r.o.", "type": "sme"},
        ),
        "member_delete": (f"/en/clusters/{cluster.pk}/members/{member.pk}/delete/", {}),
        "delete": (f"/en/clusters/{cluster.pk}/delete/", {}),
        "restore": (f"/en/clusters/{cluster.pk}/history/{entry.pk}/restore/", {}),
    }
    url, data = urls[view]
    response = client.post(url, data)
    if allowed:
        assert response.status_code == 302, response.content.decode()[:500]
        assert "/accounts/login/" not in response["Location"]
        if view != "restore":
            assert AuditEntry.objects.count() > before
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
        assert AuditEntry.objects.count() == before


def test_a_manager_saves_the_profile_and_the_history_shows_a_readable_diff(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    cluster = personas.cz_cluster
    response = client.post(
        f"/en/clusters/{cluster.pk}/edit/",
        form_data(cluster, lifecycle="mature", website="https://www.msak.cz"),
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert (cluster.lifecycle, cluster.website) == ("mature", "https://www.msak.cz")
    page = client.get(f"/en/clusters/{cluster.pk}/history/").content.decode()
    assert "https://www.msak.cz" in page
    assert "manazer" in page
    assert '<td class="after">mature</td>' in page


def test_the_form_refuses_what_the_importer_refuses_and_writes_nothing(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    cluster = personas.cz_cluster
    before = AuditEntry.objects.count()
    data = form_data(
        cluster,
        website="javascript:alert(1)",
        founded="1850",
        ecosystems="digital;banking",
        nuts="PL213",
    )
    response = client.post(f"/en/clusters/{cluster.pk}/edit/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not an http(s) URL" in page
    assert "is not a year between 1900" in page
    assert "banking" in page
    assert "does not lie in country CZ" in page
    assert AuditEntry.objects.count() == before


def test_a_coordinator_cannot_move_a_cluster_to_a_country_they_do_not_coordinate(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    cluster = personas.cz_cluster
    response = client.post(f"/en/clusters/{cluster.pk}/edit/", form_data(cluster, country="PL"))
    assert response.status_code == 200
    cluster.refresh_from_db()
    assert cluster.country == "CZ"


def test_restoring_an_earlier_version_brings_its_values_back(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    cluster = personas.cz_cluster
    client.post(f"/en/clusters/{cluster.pk}/edit/", form_data(cluster, founded="2001"))
    first = (
        AuditEntry.objects.filter(model="cluster", object_id=str(cluster.pk)).order_by("id").last()
    )
    cluster.refresh_from_db()
    client.post(f"/en/clusters/{cluster.pk}/edit/", form_data(cluster, founded="2020"))
    assert first is not None
    response = client.post(f"/en/clusters/{cluster.pk}/history/{first.pk}/restore/")
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.founded == 2001
    latest = (
        AuditEntry.objects.filter(model="cluster", object_id=str(cluster.pk)).order_by("id").last()
    )
    assert latest is not None and latest.after["founded"] == 2001


def test_members_are_added_edited_renamed_and_removed(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    cluster = personas.cz_cluster
    client.post(
        f"/en/clusters/{cluster.pk}/members/new/",
        {"name": "Alfa s.r.o.", "type": "sme", "employees": "12"},
    )
    member = Member.objects.get(cluster=cluster)
    client.post(
        f"/en/clusters/{cluster.pk}/members/{member.pk}/edit/",
        {"name": "Alfa Group a.s.", "type": "large"},
    )
    member.refresh_from_db()
    assert (member.name, member.type) == ("Alfa Group a.s.", "large")
    cluster.refresh_from_db()
    assert "alfa group" in cluster.search_members
    duplicate = client.post(f"/en/clusters/{cluster.pk}/members/new/", {"name": "Alfa Group a.s."})
    assert "Another member of this organisation has this name" in duplicate.content.decode()
    client.post(f"/en/clusters/{cluster.pk}/members/{member.pk}/delete/")
    assert not Member.objects.filter(cluster=cluster).exists()
    assert AuditEntry.objects.filter(model="member", action="delete").count() == 1


def test_a_coordinator_creates_an_organisation_only_in_their_country(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    ok = client.post("/en/clusters/new/", {"id": "cz-9", "name": "Nový klastr", "country": "CZ"})
    assert ok.status_code == 302
    refused = client.post(
        "/en/clusters/new/", {"id": "pl-9", "name": "Nowy klaster", "country": "PL"}
    )
    assert refused.status_code == 403
    assert not Cluster.objects.filter(source_id="pl-9").exists()
