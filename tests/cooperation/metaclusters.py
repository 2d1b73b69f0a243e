"""A meta-cluster for the tests: led by the personas' CZ cluster, with members in CZ, PL and
SK, a working group, a meeting and a plan with a goal; and a manager of the PL cluster."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clusterhub.accounts.models import ManagerRole, User
from clusterhub.audit.services import Actor
from clusterhub.cooperation.metaclusters import group, plans, services
from clusterhub.cooperation.models import Goal, Meeting, MetaCluster, WorkingGroupMember
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster
from tests.personas import PASSWORD, SETUP, Personas

FOUNDED = dt.date(2023, 3, 1)


@dataclass
class World:
    meta: MetaCluster
    sk_cluster: Cluster
    outsider: Cluster  # AT, not a member
    manager_pl: User  # manages the PL cluster, a member but not the lead
    person: WorkingGroupMember
    meeting: Meeting
    goal: Goal


def cluster(source_id: str, name: str, country: str, **values: Any) -> Cluster:
    made, _ = upsert_cluster(
        {"id": source_id, "name": name, "country": country, **values}, source=country, actor=SETUP
    )
    return made


def build(p: Personas) -> World:
    sk = cluster("sk-1", "Slovenský klaster", "SK", members_total="30", members_sme="20")
    meta = services.create_meta_cluster(
        {"name": "Central Health Meta-Cluster", "ecosystem": "health", "founded": FOUNDED},
        lead=p.cz_cluster.pk,
        members=[p.pl_cluster.pk, sk.pk, p.cz_other.pk],
        actor=SETUP,
    )
    person = group.save_person(
        meta,
        {"cluster": p.pl_cluster.pk, "name": "Anna Demo", "email": "anna@example.org"},
        actor=SETUP,
    )
    meeting = group.save_meeting(
        meta, {"date": "2024-05-02", "place": "Brno", "agenda": "Kick-off"}, actor=SETUP
    )
    plans.save_plan(meta, {"vision": "Healthy", "period_start": 2024}, actor=SETUP)
    goal = plans.save_goal(
        meta, {"title": "Joint projects", "baseline": 0, "target": 10, "current": 4}, actor=SETUP
    )
    manager_pl = User.objects.create_user("menedzer", "m@example.org", PASSWORD)
    ManagerRole.objects.create(user=manager_pl, cluster=p.pl_cluster)
    outsider = cluster("at-1", "Österreich Cluster", "AT", members_total="7")
    return World(meta, sk, outsider, manager_pl, person, meeting, goal)


def actor(user: Any) -> Actor:
    return Actor.person(user, context="test")
