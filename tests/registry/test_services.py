"""Registry services: every write is validated by its caller, logged, and idempotent."""

from __future__ import annotations

import datetime as dt

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.registry.models import Cluster, Member, Region, Term
from clusterhub.registry.records import cluster_record
from clusterhub.registry.services import (
    MemberWriter,
    delete_cluster,
    derive_cooperation_countries,
    ensure_regions,
    name_regions,
    upsert_cluster,
    upsert_cooperation,
)

pytestmark = pytest.mark.django_db
ACTOR = Actor.system("test", context="unit test")


def _cluster(**values: object) -> Cluster:
    base = {"id": "A1", "name": "Klastr", "country": "CZ"}
    cluster, _ = upsert_cluster({**base, **values}, source="CZ", actor=ACTOR)
    return cluster


def test_creating_a_cluster_writes_one_history_entry_with_the_values_after() -> None:
    cluster = _cluster(nuts="CZ064", sectors=["C29", "J62"])
    entry = AuditEntry.objects.get(model="cluster", object_id=str(cluster.pk))
    assert entry.action == "create"
    assert entry.before is None
    assert entry.after["name"] == "Klastr"
    assert entry.after["sectors"] == ["C29", "J62"]
    assert entry.actor_name == "test"


def test_saving_the_same_values_again_changes_nothing_and_logs_nothing() -> None:
    _cluster(founded=2005)
    _, outcome = upsert_cluster(
        {"id": "A1", "name": "Klastr", "country": "CZ", "founded": 2005}, source="CZ", actor=ACTOR
    )
    assert outcome == "unchanged"
    assert AuditEntry.objects.count() == 1


def test_a_changed_value_is_logged_with_before_and_after() -> None:
    cluster = _cluster(founded=2005)
    upsert_cluster({"id": "A1", "founded": 2010}, source="CZ", actor=ACTOR)
    entry = AuditEntry.objects.filter(object_id=str(cluster.pk)).order_by("id").last()
    assert entry is not None
    assert entry.action == "update"
    assert entry.before["founded"] == 2005
    assert entry.after["founded"] == 2010
    assert entry.changed_fields() == ["founded"]


def test_columns_left_out_of_an_update_keep_their_values() -> None:
    _cluster(description="Původní popis", founded=2001)
    cluster, _ = upsert_cluster({"id": "A1", "founded": 2002}, source="CZ", actor=ACTOR)
    cluster.refresh_from_db()
    assert cluster.description == "Původní popis"
    assert cluster.founded == 2002


def test_the_same_id_from_another_source_is_another_cluster() -> None:
    _cluster()
    upsert_cluster({"id": "A1", "name": "Klaster", "country": "PL"}, source="PL", actor=ACTOR)
    assert Cluster.objects.count() == 2


def test_multi_valued_fields_keep_the_order_the_source_gave() -> None:
    cluster = _cluster(ecosystems=["tourism", "agri-food", "digital"])
    assert cluster_record(cluster)["ecosystems"] == ["tourism", "agri-food", "digital"]


def test_nace_terms_are_created_as_used_with_their_division_names() -> None:
    _cluster(sectors=["C29.3"])
    term = Term.objects.get(vocabulary="nace", code="C29.3")
    assert "motor vehicles" in term.name


def test_regions_are_created_with_their_parents_up_to_the_country() -> None:
    ensure_regions(["CZ064"])
    region = Region.objects.get(code="CZ064")
    assert region.level == 3
    assert region.parent_id == "CZ06"
    assert Region.objects.get(code="CZ").level == 0
    assert Region.objects.get(code="CZ").name == "Czechia"


def test_greek_regions_belong_to_country_gr() -> None:
    ensure_regions(["EL303"])
    assert Region.objects.get(code="EL303").country == "GR"


def test_naming_regions_changes_only_names_that_differ() -> None:
    assert name_regions({"CZ064": "Jihomoravský kraj"}) == 1
    assert name_regions({"CZ064": "Jihomoravský kraj"}) == 0
    assert Region.objects.get(code="CZ064").name == "Jihomoravský kraj"


def test_deleting_a_cluster_keeps_its_last_state_in_the_history() -> None:
    cluster = _cluster(founded=1999)
    pk = cluster.pk
    delete_cluster(cluster, actor=ACTOR)
    entry = AuditEntry.objects.get(object_id=str(pk), action="delete")
    assert entry.before["founded"] == 1999
    assert entry.after is None
    assert not Cluster.objects.exists()


def test_the_member_writer_creates_updates_and_skips_unchanged_members() -> None:
    cluster = _cluster()
    writer = MemberWriter(actor=ACTOR)
    writer.add(
        cluster.pk, "A1", {"name": "Firma s.r.o.", "employees": 10, "joined": dt.date(2020, 1, 2)}
    )
    writer.finish()
    assert writer.counts["created"] == 1
    member = Member.objects.get()
    assert member.joined == dt.date(2020, 1, 2)

    again = MemberWriter(actor=ACTOR)
    again.add(
        cluster.pk, "A1", {"name": "Firma s.r.o.", "employees": 10, "joined": dt.date(2020, 1, 2)}
    )
    again.add(
        cluster.pk, "A1", {"name": "Firma s.r.o.", "employees": 12, "joined": dt.date(2020, 1, 2)}
    )
    again.finish()
    member.refresh_from_db()
    assert member.employees == 12
    update = AuditEntry.objects.get(model="member", action="update")
    assert update.before["employees"] == 10
    assert update.after["employees"] == 12


def test_partner_countries_are_added_to_cooperation_countries_and_marked_derived() -> None:
    cluster = _cluster(cooperation_countries=["SK"])
    partner, _ = upsert_cluster(
        {"id": "P1", "name": "Partner", "country": "AT"}, source="AT", actor=ACTOR
    )
    upsert_cooperation({"kind": "project"}, cluster=cluster, partner=partner, actor=ACTOR)
    upsert_cooperation(
        {"partner_name": "Pôle Véhicule du Futur", "partner_country": "FR", "kind": "memorandum"},
        cluster=cluster,
        partner=None,
        actor=ACTOR,
    )
    assert derive_cooperation_countries([cluster], actor=ACTOR) == 1
    cluster.refresh_from_db()
    assert cluster_record(cluster)["cooperation_countries"] == ["SK", "AT", "FR"]
    assert "cooperation_countries" in cluster.derived
    assert derive_cooperation_countries([cluster], actor=ACTOR) == 0


def test_saving_a_cooperation_twice_is_unchanged_the_second_time() -> None:
    cluster = _cluster()
    values = {"partner_name": "Cluster X", "partner_country": "FR", "kind": "project"}
    upsert_cooperation(values, cluster=cluster, partner=None, actor=ACTOR)
    _, outcome = upsert_cooperation(values, cluster=cluster, partner=None, actor=ACTOR)
    assert outcome == "unchanged"
