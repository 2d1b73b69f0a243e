"""Cooperation writes attacked from outside (the portal's forms and the API, as each kind of
user): a plan, an action or an action's notes grown without end until its public page and
API answer cannot be served; a cluster that left a meta-cluster still writing its actions
under the meta-cluster's goals; a leave date the form cannot read taken for today; a
cluster rejoining on a day it was still a member."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.accounts.services import create_api_token
from clusterhub.cooperation.actionplans import checks, services
from clusterhub.cooperation.metaclusters import group
from clusterhub.cooperation.metaclusters import services as metas
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster
from clusterhub.cooperation.models import (
    Action,
    ActionPlan,
    Indicator,
    Meeting,
    MetaClusterMembership,
    ProgressNote,
    WorkingGroupMember,
)
from tests.builders.actionplans import SETUP, build_plans
from tests.cooperation.metaclusters import World, build, cluster
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"portal:cooperation:{name}", args=args)


def api(client: Client, method: str, path: str, user: Any, body: dict[str, Any]) -> Any:
    token = create_api_token(user, "test")
    return getattr(client, method)(
        path,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def fill(plan: ActionPlan, count: int) -> None:
    Action.objects.bulk_create(Action(plan=plan, title=f"A {n}") for n in range(count))


# Without a limit, an editor's token adds actions, indicators and notes until the plan's
# public page and GET /api/v1/action-plans/{id} (which answer every one of them) cannot be
# served: a denial of service of public pages by one signed-in user.


def test_a_plan_full_of_actions_takes_no_more_through_the_api(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.cz_plan, checks.MAX_ACTIONS - built.cz_plan.actions.count())
    path = f"/api/v1/action-plans/{built.cz_plan.pk}/actions"
    response = api(client, "post", path, personas.manager, {"title": "One more"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "plan"
    assert built.cz_plan.actions.count() == checks.MAX_ACTIONS


def test_a_plan_full_of_actions_takes_none_from_the_form_and_says_why(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.cz_plan, checks.MAX_ACTIONS - built.cz_plan.actions.count())
    client.force_login(personas.coordinator_cz)
    response = client.post(
        url("action_new", built.cz_plan.pk), {"title": "One more", "status": "planned"}
    )
    assert response.status_code == 200
    assert f"at most {checks.MAX_ACTIONS} actions" in response.content.decode()
    assert built.cz_plan.actions.count() == checks.MAX_ACTIONS


def test_an_action_cannot_be_moved_into_a_full_plan(personas: Personas) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.pl_plan, checks.MAX_ACTIONS - built.pl_plan.actions.count())
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_action(
            built.cz_plan, {"plan": built.pl_plan.pk}, actor=SETUP, action=built.late
        )
    assert "plan" in refused.value.errors
    built.late.refresh_from_db()
    assert built.late.plan_id == built.cz_plan.pk


def test_changing_an_action_of_a_full_plan_is_still_allowed(personas: Personas) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    fill(built.cz_plan, checks.MAX_ACTIONS - built.cz_plan.actions.count())
    services.save_action(built.cz_plan, {"status": "done"}, actor=SETUP, action=built.late)
    built.late.refresh_from_db()
    assert built.late.status == "done"


def test_an_action_takes_no_more_indicators_than_the_limit(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    Indicator.objects.bulk_create(
        Indicator(action=built.late, name=f"I {n}") for n in range(checks.MAX_INDICATORS)
    )
    client.force_login(personas.manager)
    response = client.post(
        url("indicator_new", built.cz_plan.pk, built.late.pk), {"name": "One more"}
    )
    assert response.status_code == 200
    assert f"at most {checks.MAX_INDICATORS} indicators" in response.content.decode()
    assert built.late.indicators.count() == checks.MAX_INDICATORS


def test_an_action_takes_no_more_progress_notes_than_the_limit_through_the_api(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    now = timezone.now()
    ProgressNote.objects.bulk_create(
        ProgressNote(action=built.late, written_at=now, author_name="x", text=f"N {n}")
        for n in range(checks.MAX_NOTES)
    )
    path = f"/api/v1/action-plans/{built.cz_plan.pk}/actions/{built.late.pk}/notes"
    response = api(client, "post", path, personas.coordinator_cz, {"text": "One more"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    assert built.late.notes.count() == checks.MAX_NOTES


# A cluster that left a meta-cluster no longer belongs to it: its plan's actions may not
# start serving the meta-cluster's goals, which would put their titles on the
# meta-cluster's public page (under each goal, and its plan among the meta-cluster's).


def _left(personas: Personas) -> tuple[World, ActionPlan, Action]:
    world = build(personas)
    membership = MetaClusterMembership.objects.get(
        meta_cluster=world.meta, cluster=personas.cz_other
    )
    plan = services.save_plan({"title": "Plán zdraví", "cluster": personas.cz_other}, actor=SETUP)
    action = services.save_action(plan, {"title": "Mise"}, actor=SETUP)
    metas.remove_member(world.meta, membership, left="2024-06-01", actor=SETUP)
    return world, plan, action


def test_a_cluster_that_left_cannot_make_its_actions_serve_the_meta_clusters_goals_by_api(
    client: Client, personas: Personas
) -> None:
    world, plan, action = _left(personas)
    path = f"/api/v1/action-plans/{plan.pk}/actions/{action.pk}"
    response = api(client, "patch", path, personas.coordinator_cz, {"goal": world.goal.pk})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "goal"
    action.refresh_from_db()
    assert action.goal_id is None


def test_the_action_form_offers_no_goal_of_a_meta_cluster_the_cluster_left(
    client: Client, personas: Personas
) -> None:
    world, plan, action = _left(personas)
    client.force_login(personas.coordinator_cz)
    response = client.post(
        url("action_edit", plan.pk, action.pk),
        {"title": "Mise", "status": "planned", "goal": world.goal.pk},
    )
    assert response.status_code == 200  # the form again: not a goal it may choose
    action.refresh_from_db()
    assert action.goal_id is None


def test_an_action_keeps_the_goal_it_served_before_its_cluster_left(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    plan = services.save_plan({"title": "Plán zdraví", "cluster": personas.cz_other}, actor=SETUP)
    action = services.save_action(plan, {"title": "Mise", "goal": world.goal.pk}, actor=SETUP)
    membership = MetaClusterMembership.objects.get(
        meta_cluster=world.meta, cluster=personas.cz_other
    )
    metas.remove_member(world.meta, membership, left="2024-06-01", actor=SETUP)
    client.force_login(personas.coordinator_cz)
    response = client.post(
        url("action_edit", plan.pk, action.pk),
        {"title": "Mise", "status": "done", "goal": world.goal.pk},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.goal_id) == ("done", world.goal.pk)


# Members leaving and joining again.


def test_a_leave_date_the_form_cannot_read_leaves_the_member_as_it_was(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    membership = MetaClusterMembership.objects.get(
        meta_cluster=world.meta, cluster=world.sk_cluster
    )
    client.force_login(personas.coordinator_cz)
    response = client.post(
        url("metacluster_leave", world.meta.slug, membership.pk), {"left": "2024-01-01" + "x" * 40}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.left is None  # it was taken for "today"


def test_a_cluster_cannot_rejoin_on_a_day_it_was_still_a_member(personas: Personas) -> None:
    world = build(personas)
    membership = MetaClusterMembership.objects.get(
        meta_cluster=world.meta, cluster=personas.cz_other
    )
    metas.remove_member(world.meta, membership, left="2025-06-01", actor=SETUP)
    with pytest.raises(InvalidMetaCluster) as refused:
        metas.add_member(world.meta, personas.cz_other.pk, joined="2024-01-01", actor=SETUP)
    assert "joined" in refused.value.errors
    rejoined = metas.add_member(
        world.meta, personas.cz_other.pk, joined=dt.date(2025, 6, 1), actor=SETUP
    )
    assert rejoined.joined == dt.date(2025, 6, 1)


# The meta-cluster's public page lists every meeting (agenda, minutes, decisions of up to
# 20,000 characters each), every working group person, every membership row and every
# action plan it owns: without limits, those who run it could grow it past serving.


def test_a_meta_cluster_takes_no_more_meetings_than_the_limit(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    Meeting.objects.bulk_create(
        Meeting(meta_cluster=world.meta, date=dt.date(2024, 1, 1))
        for _n in range(group.MAX_MEETINGS - world.meta.meetings.count())
    )
    client.force_login(personas.manager)
    response = client.post(url("meeting_new", world.meta.slug), {"date": "2025-01-01"})
    assert response.status_code == 200
    assert f"at most {group.MAX_MEETINGS} meetings" in response.content.decode()
    assert world.meta.meetings.count() == group.MAX_MEETINGS


def test_a_working_group_takes_no_more_people_than_the_limit(personas: Personas) -> None:
    world = build(personas)
    WorkingGroupMember.objects.bulk_create(
        WorkingGroupMember(meta_cluster=world.meta, cluster=personas.pl_cluster, name=f"P {n}")
        for n in range(group.MAX_PEOPLE - world.meta.working_group.count())
    )
    with pytest.raises(InvalidMetaCluster) as refused:
        group.save_person(
            world.meta, {"cluster": personas.pl_cluster.pk, "name": "One more"}, actor=SETUP
        )
    assert "name" in refused.value.errors
    group.save_person(  # changing one of them is still allowed
        world.meta,
        {"cluster": personas.pl_cluster.pk, "name": "Anna"},
        actor=SETUP,
        person=world.person,
    )


def test_leaving_and_rejoining_without_end_is_refused(personas: Personas) -> None:
    world = build(personas)
    MetaClusterMembership.objects.bulk_create(
        MetaClusterMembership(
            meta_cluster=world.meta,
            cluster=world.outsider,
            joined=dt.date(2024, 1, 1),
            left=dt.date(2024, 1, 1),
        )
        for _n in range(metas.MAX_MEMBERSHIPS - world.meta.memberships.count())
    )
    with pytest.raises(InvalidMetaCluster) as refused:
        metas.add_member(world.meta, world.outsider.pk, actor=SETUP)
    assert "cluster" in refused.value.errors


def test_an_owner_takes_no_more_action_plans_than_the_limit_through_the_form(
    client: Client, personas: Personas
) -> None:
    ActionPlan.objects.bulk_create(
        ActionPlan(title=f"P {n}", cluster=personas.cz_cluster) for n in range(checks.MAX_PLANS)
    )
    client.force_login(personas.manager)
    response = client.post(
        url("actionplan_new"), {"title": "One more", "owner": f"c:{personas.cz_cluster.pk}"}
    )
    assert response.status_code == 200
    assert f"at most {checks.MAX_PLANS} action plans" in response.content.decode()
    assert ActionPlan.objects.filter(cluster=personas.cz_cluster).count() == checks.MAX_PLANS


def test_a_plan_whose_actions_serve_goals_cannot_be_given_to_a_cluster_outside_the_meta_cluster(
    client: Client, personas: Personas
) -> None:
    world = build(personas)
    outside = cluster("cz-3", "Klastr mimo", "CZ")
    plan = services.save_plan({"title": "Plán zdraví", "cluster": personas.cz_other}, actor=SETUP)
    services.save_action(plan, {"title": "Mise", "goal": world.goal.pk}, actor=SETUP)
    client.force_login(personas.coordinator_cz)
    response = client.post(
        url("actionplan_edit", plan.pk), {"title": "Plán zdraví", "owner": f"c:{outside.pk}"}
    )
    assert response.status_code == 200  # the form again, with the reason
    assert "does not serve" in response.content.decode()
    plan.refresh_from_db()
    assert plan.cluster_id == personas.cz_other.pk
