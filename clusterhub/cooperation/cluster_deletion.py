"""What deleting a cluster organisation takes from meta-clusters and action plans, recorded in
their histories before the database cascades it away (the registry calls `record_deletion`
inside every deletion of a cluster: `registry.services.on_cluster_deletion`).

Without it a meta-cluster would lose a member, a working group person or its lead, and an
action its owner organisation or a partner, with nothing in either history saying so.
"""

from __future__ import annotations

from clusterhub.audit.services import Actor, Change, record_many
from clusterhub.cooperation.actionplans.records import ACTION, action_record
from clusterhub.cooperation.actionplans.services import plan_deleted
from clusterhub.cooperation.metaclusters.records import (
    MEMBERSHIP,
    META_CLUSTER,
    WORKING_GROUP_MEMBER,
    membership_record,
    meta_cluster_record,
    person_record,
)
from clusterhub.cooperation.models import (
    Action,
    ActionPlan,
    MetaCluster,
    MetaClusterMembership,
    WorkingGroupMember,
)
from clusterhub.registry.models import Cluster


def record_deletion(cluster: Cluster, actor: Actor) -> None:
    """Record, as `actor`, every cooperation record the deletion of `cluster` changes or
    removes: meta-clusters it leads lose their lead; its memberships and working group
    people go; actions lose it as owner organisation or partner; its own action plans go
    with their actions. The changes that are not cascades (lead, owner, partners) are made
    here, so the history shows them as they happened."""
    changes: list[Change] = []
    for meta in MetaCluster.objects.filter(lead=cluster).order_by("pk"):
        before = meta_cluster_record(meta)
        meta.lead = None
        meta.save(update_fields=["lead"])
        changes.append(
            Change(
                "update", META_CLUSTER, str(meta.pk), meta.name, before, meta_cluster_record(meta)
            )
        )
    for membership in MetaClusterMembership.objects.filter(cluster=cluster).order_by("pk"):
        before = membership_record(membership)
        changes.append(Change("delete", MEMBERSHIP, str(membership.pk), cluster.name, before, None))
    for person in WorkingGroupMember.objects.filter(cluster=cluster).order_by("pk"):
        before = person_record(person)
        changes.append(
            Change("delete", WORKING_GROUP_MEMBER, str(person.pk), person.name, before, None)
        )
    own_plans = ActionPlan.objects.filter(cluster=cluster)
    for plan in own_plans.order_by("pk"):
        changes += plan_deleted(plan)
    touched = Action.objects.filter(owner_cluster=cluster) | Action.objects.filter(partners=cluster)
    for action in touched.exclude(plan__in=own_plans).distinct().order_by("pk"):
        before = action_record(action)
        if action.owner_cluster_id == cluster.pk:
            action.owner_cluster = None
            action.save(update_fields=["owner_cluster"])
        action.partners.remove(cluster)
        changes.append(
            Change("update", ACTION, str(action.pk), action.title, before, action_record(action))
        )
    record_many(actor, changes)
