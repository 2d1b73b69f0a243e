"""Deleting a cluster organisation: what it takes from meta-clusters and action plans (its
memberships, working group people, its lead, its actions as owner or partner, its own plans)
is in their histories, by whoever deleted it; a refused deletion changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from clusterhub.accounts.policy import NotPermitted
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.actionplans.queries import plan_history
from clusterhub.cooperation.actionplans.records import ACTION, PLAN
from clusterhub.cooperation.metaclusters.history import metacluster_history
from clusterhub.cooperation.metaclusters.records import (
    MEMBERSHIP,
    META_CLUSTER,
    WORKING_GROUP_MEMBER,
)
from clusterhub.cooperation.models import Action, ActionPlan, MetaClusterMembership
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import delete_cluster
from tests.cooperation.metaclusters import World, actor, build
from tests.personas import SETUP, Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas: Personas) -> World:
    return build(personas)


def shared_plan(world: World, personas: Personas) -> tuple[ActionPlan, Action]:
    """The meta-cluster's plan, with an action of the PL cluster shared with the SK one."""
    plan = actionplans.save_plan({"title": "Joint fairs", "meta_cluster": world.meta}, actor=SETUP)
    action = actionplans.save_action(
        plan,
        {
            "title": "Stand at MEDICA",
            "owner_cluster": personas.pl_cluster,
            "partners": [personas.pl_cluster, world.sk_cluster],
        },
        actor=SETUP,
    )
    return plan, action


def _record(value: dict[str, Any] | None) -> dict[str, Any]:
    assert value is not None
    return value


def deleted(entries: list[AuditEntry], model: str) -> list[AuditEntry]:
    return [e for e in entries if e.model == model and e.action == "delete"]


def test_a_deleted_members_membership_and_working_group_person_are_in_the_meta_clusters_history(
    personas: Personas, world: World
) -> None:
    pl = personas.pl_cluster
    membership = MetaClusterMembership.objects.get(meta_cluster=world.meta, cluster=pl)
    delete_cluster(pl, actor=actor(personas.coordinator_pl))
    entries = list(metacluster_history(world.meta.pk))
    gone = deleted(entries, MEMBERSHIP)
    assert [e.object_id for e in gone] == [str(membership.pk)]
    assert gone[0].object_repr == pl.name and gone[0].actor_id == personas.coordinator_pl.pk
    people = deleted(entries, WORKING_GROUP_MEMBER)
    assert [e.object_repr for e in people] == ["Anna Demo"]
    assert not world.meta.memberships.filter(cluster_id=pl.pk).exists()


def test_deleting_the_lead_cluster_leaves_the_meta_cluster_without_a_lead_in_its_history(
    personas: Personas, world: World
) -> None:
    lead = personas.cz_cluster.pk
    delete_cluster(personas.cz_cluster, actor=actor(personas.coordinator_cz))
    world.meta.refresh_from_db()
    assert world.meta.lead is None
    updates = [
        e
        for e in metacluster_history(world.meta.pk)
        if e.model == META_CLUSTER and e.action == "update"
    ]
    assert len(updates) == 1
    assert _record(updates[0].before)["lead"] == lead
    assert _record(updates[0].after)["lead"] is None


def test_an_action_losing_its_owner_and_a_partner_says_so_in_its_plans_history(
    personas: Personas, world: World
) -> None:
    plan, action = shared_plan(world, personas)
    owner = personas.pl_cluster.pk
    delete_cluster(personas.pl_cluster, actor=actor(personas.admin))
    action.refresh_from_db()
    assert action.owner_cluster is None
    assert list(action.partners.values_list("pk", flat=True)) == [world.sk_cluster.pk]
    changed = [e for e in plan_history(plan.pk) if e.model == ACTION and e.action == "update"]
    assert len(changed) == 1
    assert _record(changed[0].before)["owner_cluster"] == owner
    assert _record(changed[0].after)["owner_cluster"] is None
    assert _record(changed[0].after)["partners"] == [world.sk_cluster.pk]


def test_a_partner_only_is_taken_from_the_action_and_the_owner_stays(
    personas: Personas, world: World
) -> None:
    plan, action = shared_plan(world, personas)
    partner = world.sk_cluster.pk
    delete_cluster(world.sk_cluster, actor=SETUP)
    action.refresh_from_db()
    assert action.owner_cluster_id == personas.pl_cluster.pk
    changed = [e for e in plan_history(plan.pk) if e.model == ACTION and e.action == "update"]
    assert [sorted(_record(e.before)["partners"]) for e in changed] == [
        sorted([personas.pl_cluster.pk, partner])
    ]
    assert _record(changed[0].after)["partners"] == [personas.pl_cluster.pk]


def test_the_deleted_clusters_own_plans_go_with_their_actions_into_the_history(
    personas: Personas, world: World
) -> None:
    own = actionplans.save_plan({"title": "Our year", "cluster": world.sk_cluster}, actor=SETUP)
    step = actionplans.save_action(own, {"title": "Members' day"}, actor=SETUP)
    delete_cluster(world.sk_cluster, actor=SETUP)
    entries = list(plan_history(own.pk))
    assert [e.object_id for e in deleted(entries, PLAN)] == [str(own.pk)]
    assert [e.object_id for e in deleted(entries, ACTION)] == [str(step.pk)]
    assert not ActionPlan.objects.filter(pk=own.pk).exists()


def test_a_refused_deletion_changes_and_records_nothing(personas: Personas, world: World) -> None:
    shared_plan(world, personas)
    before = AuditEntry.objects.count()
    with pytest.raises(NotPermitted):
        delete_cluster(personas.pl_cluster, actor=actor(personas.coordinator_cz))
    assert AuditEntry.objects.count() == before
    assert Cluster.objects.filter(pk=personas.pl_cluster.pk).exists()
    assert Action.objects.get(title="Stand at MEDICA").owner_cluster_id == personas.pl_cluster.pk
