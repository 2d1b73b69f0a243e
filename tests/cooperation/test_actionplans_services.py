"""Action plan services: the policy on the record and on the new values, field rules, late
derivation, the overdue query's scope, and the history."""

from __future__ import annotations

import datetime as dt

import pytest

from clusterhub.accounts.policy import NotPermitted
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.actionplans.queries import overdue, plan_history
from clusterhub.cooperation.models import Action, ActionPlan, Goal, Indicator, StrategicPlan
from tests.builders.actionplans import SETUP, TODAY, build_plans, meta_cluster

pytestmark = pytest.mark.django_db


def person(user) -> Actor:  # type: ignore[no-untyped-def]
    return Actor.person(user, context="test")


@pytest.fixture
def plans(personas):  # type: ignore[no-untyped-def]
    return build_plans(personas.cz_cluster, personas.pl_cluster)


def test_late_is_derived_from_the_deadline_and_the_status(plans) -> None:  # type: ignore[no-untyped-def]
    assert plans.late.is_late(TODAY)
    assert plans.planned_late.is_late(TODAY)
    assert not plans.done.is_late(TODAY)
    assert not plans.dropped.is_late(TODAY)
    assert not plans.future.is_late(TODAY)
    assert not plans.planned_late.is_late(TODAY - dt.timedelta(days=1))  # due today: not late
    no_deadline = services.save_action(plans.cz_plan, {"title": "Bez termínu"}, actor=SETUP)
    assert not no_deadline.is_late(TODAY)


def test_a_coordinator_sees_the_overdue_actions_of_their_country_only(personas, plans) -> None:  # type: ignore[no-untyped-def]
    cz = set(overdue(TODAY, personas.coordinator_cz))
    assert cz == {plans.late, plans.planned_late}
    assert set(overdue(TODAY, personas.coordinator_pl)) == {plans.pl_late}
    assert set(overdue(TODAY, personas.admin)) == {plans.late, plans.planned_late, plans.pl_late}
    assert set(overdue(TODAY, personas.manager)) == {plans.late, plans.planned_late}
    assert not overdue(TODAY, personas.registered).exists()
    assert not overdue(TODAY, personas.anonymous).exists()
    assert overdue(TODAY, personas.admin).first() == plans.pl_late  # longest overdue first


def test_a_meta_clusters_plan_is_overseen_from_the_lead_clusters_country(personas) -> None:  # type: ignore[no-untyped-def]
    meta = meta_cluster(personas.pl_cluster, personas.cz_cluster)
    plan = services.save_plan({"title": "Meta plan", "meta_cluster": meta}, actor=SETUP)
    late = services.save_action(
        plan, {"title": "Late", "status": "planned", "deadline": "2020-01-01"}, actor=SETUP
    )
    assert late in overdue(TODAY, personas.coordinator_pl)
    assert late not in overdue(TODAY, personas.coordinator_cz)


def test_a_manager_edits_their_clusters_plan(personas, plans) -> None:  # type: ignore[no-untyped-def]
    action = services.save_action(
        plans.cz_plan, {"status": "done"}, actor=person(personas.manager), action=plans.late
    )
    assert action.status == "done"
    assert not action.is_late(TODAY)


@pytest.mark.parametrize("who", ["manager", "coordinator_cz", "registered"])
def test_nobody_but_the_owners_editors_changes_a_plan(personas, plans, who) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, who)
    with pytest.raises(NotPermitted):
        services.save_action(
            plans.pl_plan, {"status": "done"}, actor=person(user), action=plans.pl_late
        )
    with pytest.raises(NotPermitted):
        services.add_note(plans.pl_late, "Hotovo", actor=person(user))
    with pytest.raises(NotPermitted):
        services.delete_plan(plans.pl_plan, actor=person(user))
    plans.pl_late.refresh_from_db()
    assert plans.pl_late.status == "in_progress"


def test_a_manager_cannot_give_their_plan_to_a_cluster_they_do_not_manage(personas, plans) -> None:  # type: ignore[no-untyped-def]
    entries = AuditEntry.objects.count()
    with pytest.raises(NotPermitted):
        services.save_plan(
            {"cluster": personas.pl_cluster}, actor=person(personas.manager), plan=plans.cz_plan
        )
    with pytest.raises(NotPermitted):
        services.save_plan(
            {"title": "Nový", "cluster": personas.cz_other.pk}, actor=person(personas.manager)
        )
    plans.cz_plan.refresh_from_db()
    assert plans.cz_plan.cluster == personas.cz_cluster
    assert AuditEntry.objects.count() == entries


def test_an_action_cannot_be_moved_into_a_plan_the_user_may_not_edit(personas, plans) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotPermitted):
        services.save_action(
            plans.cz_plan,
            {"plan": plans.pl_plan.pk},
            actor=person(personas.manager),
            action=plans.future,
        )
    moved = services.save_action(
        plans.cz_plan, {"plan": plans.pl_plan.pk}, actor=person(personas.admin), action=plans.future
    )
    assert moved.plan == plans.pl_plan
    # The move shows in the history of both plans.
    assert plan_history(plans.cz_plan.pk).filter(object_id=str(moved.pk), action="update")
    assert plan_history(plans.pl_plan.pk).filter(object_id=str(moved.pk), action="update")


def test_a_coordinator_may_create_a_plan_for_a_cluster_of_their_country(personas) -> None:  # type: ignore[no-untyped-def]
    plan = services.save_plan(
        {"title": "Plán", "cluster": personas.cz_other.pk}, actor=person(personas.coordinator_cz)
    )
    assert plan.owner == personas.cz_other
    with pytest.raises(NotPermitted):
        services.save_plan(
            {"title": "Plán", "cluster": personas.cz_other.pk},
            actor=person(personas.coordinator_pl),
        )


def test_bad_values_are_each_named_and_nothing_is_written(plans) -> None:  # type: ignore[no-untyped-def]
    entries, actions = AuditEntry.objects.count(), Action.objects.count()
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_action(
            plans.cz_plan,
            {
                "title": "x" * 301,
                "start": "2027-05-01",
                "deadline": "2027-04-01",
                "status": "finished",
                "partners": [999_999],
                "owner_person": "y" * 201,
            },
            actor=SETUP,
        )
    errors = refused.value.errors
    assert set(errors) == {"title", "deadline", "status", "partners", "owner_person"}
    assert "2027-04-01" in errors["deadline"] and "2027-05-01" in errors["deadline"]
    assert "finished" in errors["status"]
    assert (AuditEntry.objects.count(), Action.objects.count()) == (entries, actions)


@pytest.mark.parametrize("value", ["inf", "nan", float("inf"), "1e400", "abc", 1e16, True])
def test_an_indicator_needs_finite_numbers(plans, value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_indicator(plans.late, {"name": "Účastníci", "target": value}, actor=SETUP)
    assert set(refused.value.errors) == {"target"}
    assert not Indicator.objects.exists()


def test_dates_must_be_dates_in_a_sensible_range(plans) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_action(
            plans.cz_plan,
            {"title": "A", "start": "31.12.2026", "deadline": "2300-01-01"},
            actor=SETUP,
        )
    assert set(refused.value.errors) == {"start", "deadline"}


def test_a_plan_has_exactly_one_owner(personas) -> None:  # type: ignore[no-untyped-def]
    meta = meta_cluster(personas.cz_cluster)
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_plan({"title": "P"}, actor=SETUP)
    assert set(refused.value.errors) == {"owner"}
    with pytest.raises(services.InvalidActionPlan):
        services.save_plan(
            {"title": "P", "cluster": personas.cz_cluster, "meta_cluster": meta}, actor=SETUP
        )
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_plan({"title": "P", "cluster": 999_999}, actor=SETUP)
    assert set(refused.value.errors) == {"cluster"}
    assert not ActionPlan.objects.exists()


def test_a_goal_must_be_of_the_meta_cluster_the_plan_serves(personas, plans) -> None:  # type: ignore[no-untyped-def]
    meta = meta_cluster(personas.pl_cluster, slug="other")
    strategic = StrategicPlan.objects.create(meta_cluster=meta)
    goal = Goal.objects.create(plan=strategic, title="Více projektů")
    with pytest.raises(services.InvalidActionPlan) as refused:
        services.save_action(plans.cz_plan, {"goal": goal.pk}, actor=SETUP, action=plans.late)
    assert set(refused.value.errors) == {"goal"}
    joined = meta_cluster(personas.cz_cluster, slug="joined")
    own_goal = Goal.objects.create(
        plan=StrategicPlan.objects.create(meta_cluster=joined), title="Cíl"
    )
    action = services.save_action(plans.cz_plan, {"goal": own_goal}, actor=SETUP, action=plans.late)
    assert action.goal == own_goal


def test_every_change_is_in_the_plans_history_with_its_actions(personas, plans) -> None:  # type: ignore[no-untyped-def]
    manager = person(personas.manager)
    services.save_plan({"title": "Plán 2026/2027"}, actor=manager, plan=plans.cz_plan)
    services.save_action(plans.cz_plan, {"status": "done"}, actor=manager, action=plans.late)
    indicator = services.save_indicator(
        plans.late, {"name": "Firmy na misi", "target": 10, "current": 4}, actor=manager
    )
    services.save_indicator(plans.late, {"current": 10}, actor=manager, indicator=indicator)
    note = services.add_note(plans.late, "Mise proběhla.", actor=manager)
    services.delete_note(note, actor=manager)
    services.delete_action(plans.dropped, actor=manager)
    entries = list(plan_history(plans.cz_plan.pk).filter(actor=personas.manager))
    kinds = [(e.model, e.action) for e in reversed(entries)]
    assert kinds == [
        ("action_plan", "update"),
        ("action", "update"),
        ("indicator", "create"),
        ("indicator", "update"),
        ("progress_note", "create"),
        ("progress_note", "delete"),
        ("action", "delete"),
    ]
    status_change = entries[-2]
    assert status_change.before["status"] == "in_progress"
    assert status_change.after["status"] == "done"
    assert entries[-4].changed_fields() == ["current"]
    assert note.author_name == "manazer"
    # The PL plan's history has none of it.
    assert not plan_history(plans.pl_plan.pk).filter(actor=personas.manager).exists()


def test_an_unchanged_save_writes_no_history(plans) -> None:  # type: ignore[no-untyped-def]
    entries = AuditEntry.objects.count()
    services.save_action(plans.cz_plan, {"status": "in_progress"}, actor=SETUP, action=plans.late)
    services.save_plan({"title": plans.cz_plan.title}, actor=SETUP, plan=plans.cz_plan)
    assert AuditEntry.objects.count() == entries


def test_deleting_a_plan_keeps_its_actions_in_the_history(plans) -> None:  # type: ignore[no-untyped-def]
    pk = plans.cz_plan.pk
    services.delete_plan(plans.cz_plan, actor=SETUP)
    deleted = plan_history(pk).filter(action="delete")
    assert {e.model for e in deleted} == {"action_plan", "action"}
    assert deleted.filter(model="action").count() == 5
    assert not Action.objects.filter(plan_id=pk).exists()
