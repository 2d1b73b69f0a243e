"""The demo's action plans: for each demo meta-cluster and its lead, actions in every state,
some late, with indicators and notes; loading again adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.models import Action, ActionPlan, Goal, StrategicPlan
from clusterhub.demo.actionplans import load_demo_action_plans
from tests.builders.actionplans import meta_cluster

pytestmark = pytest.mark.django_db


def test_the_demo_plans_have_actions_in_every_state_some_late_and_load_once(personas) -> None:  # type: ignore[no-untyped-def]
    meta = meta_cluster(personas.cz_cluster, personas.cz_other, personas.pl_cluster)
    meta.is_demo = True
    meta.save()
    goal = Goal.objects.create(plan=StrategicPlan.objects.create(meta_cluster=meta), title="Cíl")
    created = load_demo_action_plans(7)
    assert len(created) == 2
    assert {p.owner for p in created} == {meta, personas.cz_cluster}
    assert all(p.is_demo for p in created)
    actions = Action.objects.filter(plan__in=created)
    assert set(actions.values_list("status", flat=True)) == set(Action.Status.values)
    today = dt.date.today()
    assert sum(a.is_late(today) for a in actions) >= 3
    assert Action.objects.filter(plan__in=created, indicators__isnull=False).exists()
    assert Action.objects.filter(plan__in=created, notes__isnull=False).exists()
    assert actions.filter(goal=goal).exists()
    assert all(a.owner_person for a in actions)
    entries = AuditEntry.objects.count()
    assert load_demo_action_plans(7) == []
    assert ActionPlan.objects.count() == 2
    assert AuditEntry.objects.count() == entries


def test_without_demo_meta_clusters_the_demo_makes_no_plans(personas) -> None:  # type: ignore[no-untyped-def]
    meta_cluster(personas.cz_cluster, personas.pl_cluster)  # not a demo record
    assert load_demo_action_plans() == []
