"""Every write to a meta-cluster asks the one policy about the record as it is and as it
will be, checks its values, and enters the history; a refused write leaves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from clusterhub.accounts.policy import NotPermitted
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.metaclusters import group, plans, services
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster
from clusterhub.cooperation.models import (
    Goal,
    Meeting,
    MetaCluster,
    MetaClusterMembership,
    WorkingGroupMember,
)
from clusterhub.registry.services import upsert_cluster
from tests.cooperation.metaclusters import SETUP, World, actor, build
from tests.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas: Personas) -> World:
    return build(personas)


# Who may run the meta-cluster led by the CZ cluster.
ALLOWED = {
    "admin": True,
    "coordinator_cz": True,
    "manager": True,  # manages the lead cluster
    "coordinator_pl": False,
    "manager_pl": False,  # manages a member, not the lead
    "registered": False,
    "anonymous": False,
}


def user_of(name: str, p: Personas, w: World) -> Any:
    return w.manager_pl if name == "manager_pl" else getattr(p, name)


Write = Callable[[Personas, World, Any], object]
WRITES: dict[str, Write] = {
    "edit": lambda p, w, a: services.update_meta_cluster(w.meta, {"name": "Renamed"}, actor=a),
    "add member": lambda p, w, a: services.add_member(w.meta, w.outsider.pk, actor=a),
    "remove member": lambda p, w, a: services.remove_member(
        w.meta, w.meta.memberships.get(cluster=w.sk_cluster), actor=a
    ),
    "add person": lambda p, w, a: group.save_person(
        w.meta, {"cluster": p.cz_cluster.pk, "name": "Petr Demo", "role": "chair"}, actor=a
    ),
    "edit person": lambda p, w, a: group.save_person(
        w.meta,
        {"cluster": p.pl_cluster.pk, "name": "Anna Demo", "role": "secretary"},
        actor=a,
        person=w.person,
    ),
    "delete person": lambda p, w, a: group.delete_person(w.meta, w.person, actor=a),
    "add meeting": lambda p, w, a: group.save_meeting(w.meta, {"date": "2024-09-01"}, actor=a),
    "edit meeting": lambda p, w, a: group.save_meeting(
        w.meta, {"date": "2024-05-02", "minutes": "Done"}, actor=a, meeting=w.meeting
    ),
    "delete meeting": lambda p, w, a: group.delete_meeting(w.meta, w.meeting, actor=a),
    "edit plan": lambda p, w, a: plans.save_plan(w.meta, {"vision": "Healthier"}, actor=a),
    "add goal": lambda p, w, a: plans.save_goal(w.meta, {"title": "Exports"}, actor=a),
    "edit goal": lambda p, w, a: plans.save_goal(
        w.meta, {"title": "Joint projects", "current": 6}, actor=a, goal=w.goal
    ),
    "delete goal": lambda p, w, a: plans.delete_goal(w.meta, w.goal, actor=a),
}


def history_size() -> int:
    return AuditEntry.objects.count()


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("who", ALLOWED)
def test_every_write_is_allowed_to_the_lead_countrys_coordinators_and_the_leads_managers_only(
    personas: Personas, world: World, who: str, write: str
) -> None:
    user = user_of(who, personas, world)
    entries = history_size()
    if ALLOWED[who]:
        WRITES[write](personas, world, actor(user))
        assert history_size() > entries
        assert AuditEntry.objects.order_by("-pk").first().actor_name == user.get_username()
    else:
        with pytest.raises(NotPermitted):
            WRITES[write](personas, world, actor(user))
        assert history_size() == entries


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("admin", True),
        ("coordinator_cz", True),
        ("coordinator_pl", False),
        ("manager", False),
        ("registered", False),
        ("anonymous", False),
    ],
)
def test_only_a_coordinator_of_the_leads_country_creates_a_meta_cluster_by_hand(
    personas: Personas, who: str, allowed: bool
) -> None:
    user = getattr(personas, who)
    create = lambda: services.create_meta_cluster(  # noqa: E731
        {"name": "Mobility"},
        lead=personas.cz_cluster.pk,
        members=[personas.pl_cluster.pk],
        actor=actor(user),
    )
    if allowed:
        meta = create()
        assert {m.cluster_id for m in meta.memberships.all()} == {
            personas.cz_cluster.pk,
            personas.pl_cluster.pk,
        }
    else:
        with pytest.raises(NotPermitted):
            create()
        assert not MetaCluster.objects.exists()
        assert not AuditEntry.objects.filter(model="meta_cluster").exists()


def test_a_manager_cannot_move_the_lead_to_another_countrys_cluster(
    personas: Personas, world: World
) -> None:
    with pytest.raises(NotPermitted):
        services.update_meta_cluster(
            world.meta, {"lead": personas.pl_cluster.pk}, actor=actor(personas.manager)
        )
    world.meta.refresh_from_db()
    assert world.meta.lead == personas.cz_cluster


def test_a_coordinator_cannot_hand_the_lead_to_another_country_but_an_admin_can(
    personas: Personas, world: World
) -> None:
    with pytest.raises(NotPermitted):
        services.update_meta_cluster(
            world.meta, {"lead": personas.pl_cluster.pk}, actor=actor(personas.coordinator_cz)
        )
    services.update_meta_cluster(
        world.meta, {"lead": personas.cz_other.pk}, actor=actor(personas.coordinator_cz)
    )
    services.update_meta_cluster(
        world.meta, {"lead": personas.pl_cluster.pk}, actor=actor(personas.admin)
    )
    world.meta.refresh_from_db()
    assert world.meta.lead_country == "PL"
    entry = AuditEntry.objects.filter(model="meta_cluster").order_by("-pk").first()
    assert entry.before["lead"] == personas.cz_other.pk
    assert entry.after["lead"] == personas.pl_cluster.pk


def test_the_lead_must_be_a_current_member_and_cannot_leave(
    personas: Personas, world: World
) -> None:
    with pytest.raises(InvalidMetaCluster) as refused:
        services.update_meta_cluster(world.meta, {"lead": world.outsider.pk}, actor=SETUP)
    assert "lead" in refused.value.errors
    lead = world.meta.memberships.get(cluster=personas.cz_cluster)
    with pytest.raises(InvalidMetaCluster):
        services.remove_member(world.meta, lead, actor=SETUP)


def test_a_member_that_left_keeps_its_row_and_may_rejoin(personas: Personas, world: World) -> None:
    membership = world.meta.memberships.get(cluster=world.sk_cluster)
    services.remove_member(world.meta, membership, left="2024-06-30", actor=SETUP)
    membership.refresh_from_db()
    assert membership.left == dt.date(2024, 6, 30)
    with pytest.raises(InvalidMetaCluster):
        services.remove_member(world.meta, membership, actor=SETUP)
    services.add_member(world.meta, world.sk_cluster.pk, joined="2025-01-01", actor=SETUP)
    rows = MetaClusterMembership.objects.filter(meta_cluster=world.meta, cluster=world.sk_cluster)
    assert [(r.joined.isoformat(), r.left) for r in rows] == [
        ("2023-03-01", dt.date(2024, 6, 30)),
        ("2025-01-01", None),
    ]


def test_a_member_that_leaves_takes_its_people_off_the_working_group_in_the_history(
    personas: Personas, world: World
) -> None:
    membership = world.meta.memberships.get(cluster=personas.pl_cluster)
    assert world.person.cluster_id == personas.pl_cluster.pk
    services.remove_member(world.meta, membership, left="2024-06-30", actor=SETUP)
    assert not world.meta.working_group.filter(cluster=personas.pl_cluster).exists()
    gone = AuditEntry.objects.filter(model="working_group_member", action="delete")
    assert [(e.object_id, e.object_repr) for e in gone] == [(str(world.person.pk), "Anna Demo")]


def test_a_current_member_cannot_join_twice_nor_leave_before_it_joined(
    personas: Personas, world: World
) -> None:
    with pytest.raises(InvalidMetaCluster) as twice:
        services.add_member(world.meta, personas.pl_cluster.pk, actor=SETUP)
    assert "already a member" in twice.value.errors["cluster"]
    membership = world.meta.memberships.get(cluster=personas.pl_cluster)
    with pytest.raises(InvalidMetaCluster) as early:
        services.remove_member(world.meta, membership, left="2020-01-01", actor=SETUP)
    assert "2020-01-01" in early.value.errors["left"]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": ""}, "name"),
        ({"ecosystem": "space-tourism"}, "ecosystem"),
        ({"sectors": "C29;XYZ"}, "sectors"),
        ({"founded": "2099-01-01"}, "founded"),
        ({"founded": "yesterday"}, "founded"),
        ({"lead": "999999"}, "lead"),
    ],
)
def test_bad_values_are_refused_naming_the_field_and_nothing_is_written(
    world: World, values: dict[str, str], field: str
) -> None:
    entries = history_size()
    with pytest.raises(InvalidMetaCluster) as refused:
        services.update_meta_cluster(world.meta, values, actor=SETUP)
    assert field in refused.value.errors
    assert history_size() == entries
    world.meta.refresh_from_db()
    assert world.meta.name == "Central Health Meta-Cluster"


def test_a_working_group_member_comes_from_a_current_member_with_a_valid_email_and_role(
    world: World,
) -> None:
    with pytest.raises(InvalidMetaCluster) as refused:
        group.save_person(
            world.meta,
            {"cluster": world.outsider.pk, "name": "", "email": "not-an-address", "role": "king"},
            actor=SETUP,
        )
    assert set(refused.value.errors) == {"cluster", "name", "email", "role"}
    assert WorkingGroupMember.objects.count() == 1


def test_meetings_may_lie_ahead_and_plans_keep_their_period_in_order(world: World) -> None:
    ahead = dt.date.today() + dt.timedelta(days=40)
    meeting = group.save_meeting(world.meta, {"date": ahead.isoformat()}, actor=SETUP)
    assert Meeting.objects.get(pk=meeting.pk).date == ahead
    with pytest.raises(InvalidMetaCluster) as refused:
        plans.save_plan(world.meta, {"period_start": 2027, "period_end": 2025}, actor=SETUP)
    assert "period_end" in refused.value.errors
    with pytest.raises(InvalidMetaCluster) as number:
        plans.save_goal(world.meta, {"title": "X", "target": "lots"}, actor=SETUP)
    assert "lots" in number.value.errors["target"]


def test_a_goal_needs_a_plan_first(personas: Personas) -> None:
    meta = services.create_meta_cluster(
        {"name": "No plan yet"}, lead=personas.cz_cluster.pk, actor=SETUP
    )
    with pytest.raises(InvalidMetaCluster):
        plans.save_goal(meta, {"title": "Exports"}, actor=SETUP)
    assert not Goal.objects.exists()


def test_a_part_of_another_meta_cluster_is_refused(personas: Personas, world: World) -> None:
    other = services.create_meta_cluster(
        {"name": "Other"}, lead=personas.cz_cluster.pk, actor=SETUP
    )
    with pytest.raises(InvalidMetaCluster):
        group.delete_meeting(other, world.meeting, actor=SETUP)
    assert Meeting.objects.filter(pk=world.meeting.pk).exists()


def test_every_part_is_recorded_with_its_meta_cluster(world: World) -> None:
    models = set(
        AuditEntry.objects.filter(after__meta_cluster=world.meta.pk).values_list("model", flat=True)
    )
    assert models == {
        "meta_cluster",
        "meta_cluster_membership",
        "working_group_member",
        "meeting",
        "strategic_plan",
        "goal",
    }


def test_names_get_unique_slugs(personas: Personas) -> None:
    a = services.create_meta_cluster({"name": "Zdraví Ř"}, lead=personas.cz_cluster.pk, actor=SETUP)
    b = services.create_meta_cluster({"name": "Zdraví Ř"}, lead=personas.cz_cluster.pk, actor=SETUP)
    assert (a.slug, b.slug) == ("zdravi-r", "zdravi-r-2")


def _candidate(p: Personas, w: World, **changes: Any) -> dict[str, Any]:
    return {
        "name": "Candidate",
        "sector": "C21",
        "countries": ["CZ", "PL", "SK"],
        "clusters": [
            {"id": p.pl_cluster.pk, "name": "a", "country": "PL"},
            {"id": str(p.cz_other.pk), "name": "b", "country": "CZ"},
            {"id": w.sk_cluster.pk, "name": "c", "country": "SK"},
        ],
        "members": 30,
        "smes": 20,
        "reasons": [
            "same industry",
            {"code": "countries", "text": "3 countries", "value": 3},
            {"code": "left_out", "text": "51 of the 54 found together work elsewhere", "value": 51},
        ],
        **changes,
    }


def test_a_candidate_becomes_a_meta_cluster_in_one_step(personas: Personas, world: World) -> None:
    meta = services.create_from_candidate(
        _candidate(personas, world), actor=actor(personas.coordinator_pl)
    )
    assert meta.lead == personas.pl_cluster  # the coordinator's country
    assert meta.sectors == ["C21"] and meta.ecosystem == ""
    assert meta.description == "same industry\n3 countries"
    assert {m.cluster_id for m in meta.memberships.all()} == {
        personas.pl_cluster.pk,
        personas.cz_other.pk,
        world.sk_cluster.pk,
    }


def test_a_candidates_lead_must_be_one_of_its_clusters_in_the_creators_country(
    personas: Personas, world: World
) -> None:
    with pytest.raises(InvalidMetaCluster) as outside:
        services.create_from_candidate(
            _candidate(personas, world), lead=personas.cz_cluster.pk, actor=SETUP
        )
    assert "lead" in outside.value.errors
    with pytest.raises(NotPermitted):
        services.create_from_candidate(
            _candidate(personas, world),
            lead=personas.pl_cluster.pk,
            actor=actor(personas.coordinator_cz),
        )
    with pytest.raises(NotPermitted):
        services.create_from_candidate(_candidate(personas, world), actor=actor(personas.manager))
    assert MetaCluster.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"clusters": []}, "clusters"),
        ({"clusters": [{"id": 987654, "name": "x", "country": "CZ"}]}, "clusters"),
        ({"clusters": [{"id": "abc", "name": "x", "country": "CZ"}]}, "clusters"),
        ({"name": ""}, "name"),
        ({"sector": "not-a-code"}, "sectors"),
    ],
)
def test_a_bad_candidate_is_refused_naming_the_value(
    personas: Personas, world: World, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidMetaCluster) as refused:
        services.create_from_candidate(_candidate(personas, world, **changes), actor=SETUP)
    assert field in refused.value.errors
    assert MetaCluster.objects.count() == 1


def test_a_candidate_of_many_clusters_is_created_in_a_fixed_number_of_queries(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    many = [
        upsert_cluster(
            {"id": f"many-{n}", "name": f"Cluster {n}", "country": "SK"}, source="T", actor=SETUP
        )[0]
        for n in range(120)
    ]
    rows = [{"id": c.pk, "name": c.name, "country": c.country} for c in many]
    candidate = {"name": "Large", "clusters": [*rows, {"id": personas.cz_cluster.pk}]}
    with django_assert_max_num_queries(20):
        meta = services.create_from_candidate(candidate, actor=SETUP)
    assert meta.memberships.count() == 121
    entries = AuditEntry.objects.filter(model="meta_cluster_membership")
    assert entries.count() == 121
