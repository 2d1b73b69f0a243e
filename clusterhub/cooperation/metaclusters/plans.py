"""Writes to a meta-cluster's strategic plan (vision, period, adoption) and its goals (an
indicator each, with baseline, target and current value)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from clusterhub.audit.services import Actor, Change, delete_recorded, record_many
from clusterhub.cooperation.actionplans.records import ACTION, action_record
from clusterhub.cooperation.metaclusters import checks
from clusterhub.cooperation.metaclusters.access import check_manage
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster, Problems
from clusterhub.cooperation.metaclusters.records import (
    GOAL,
    STRATEGIC_PLAN,
    goal_record,
    plan_record,
)
from clusterhub.cooperation.metaclusters.services import save_recorded
from clusterhub.cooperation.models import Goal, MetaCluster, StrategicPlan

MAX_GOALS = 50


@transaction.atomic
def save_plan(meta: MetaCluster, values: Mapping[str, Any], *, actor: Actor) -> StrategicPlan:
    """Write the strategic plan (created on first save): `vision`, `period_start` and
    `period_end` (years), `adopted` (a date)."""
    check_manage(actor, meta)
    problems = Problems()
    vision = checks.text(problems, "vision", values.get("vision"), checks.TEXT_LENGTH)
    start = checks.year(problems, "period_start", values.get("period_start"))
    end = checks.year(problems, "period_end", values.get("period_end"))
    adopted = checks.date(problems, "adopted", values.get("adopted"))
    if start is not None and end is not None and end < start:
        problems.add(
            "period_end",
            _("The plan cannot end (%(end)d) before it starts (%(start)d).")
            % {"end": end, "start": start},
        )
    problems.raise_any()
    plan = StrategicPlan.objects.filter(meta_cluster=meta).first()
    before = plan_record(plan) if plan is not None else None
    plan = plan or StrategicPlan(meta_cluster=meta)
    plan.vision, plan.period_start, plan.period_end, plan.adopted = vision, start, end, adopted
    save_recorded(actor, STRATEGIC_PLAN, plan, meta.name, before, plan_record(plan))
    return plan


def _own(meta: MetaCluster, goal: Goal | None) -> None:
    if goal is not None and goal.plan.meta_cluster_id != meta.pk:
        raise InvalidMetaCluster({"goal": _("This goal belongs to another meta-cluster.")})


@transaction.atomic
def save_goal(
    meta: MetaCluster, values: Mapping[str, Any], *, actor: Actor, goal: Goal | None = None
) -> Goal:
    """Add a goal to the plan (or change `goal`): `title`, `description`, `indicator`,
    `unit`, `baseline`, `target`, `current` (numbers), `position` (order)."""
    check_manage(actor, meta)
    _own(meta, goal)
    plan = StrategicPlan.objects.filter(meta_cluster=meta).first()
    problems = Problems()
    if plan is None:
        problems.add("plan", _("Write the strategic plan before its goals."))
    elif goal is None and plan.goals.count() >= MAX_GOALS:
        problems.add("plan", _("A plan has at most %(limit)d goals.") % {"limit": MAX_GOALS})
    clean: dict[str, Any] = {
        "title": checks.line(problems, "title", values.get("title"), checks.TITLE_LENGTH, True),
        "description": checks.text(
            problems, "description", values.get("description"), checks.TEXT_LENGTH
        ),
        "indicator": checks.line(
            problems, "indicator", values.get("indicator"), checks.SHORT_LENGTH
        ),
        "unit": checks.line(problems, "unit", values.get("unit"), checks.UNIT_LENGTH),
    }
    for field in ("baseline", "target", "current"):
        clean[field] = checks.number(problems, field, values.get(field))
    position = checks.number(problems, "position", values.get("position"))
    if position is not None and not (0 <= position <= 1000 and position.is_integer()):
        problems.add("position", _("The position is a whole number from 0 to 1000."))
    problems.raise_any()
    assert plan is not None
    before = goal_record(goal, meta.pk) if goal is not None else None
    goal = goal or Goal(plan=plan, position=plan.goals.count())
    for field, value in clean.items():
        setattr(goal, field, value)
    if position is not None:
        goal.position = int(position)
    save_recorded(actor, GOAL, goal, goal.title, before, goal_record(goal, meta.pk))
    return goal


@transaction.atomic
def delete_goal(meta: MetaCluster, goal: Goal, *, actor: Actor) -> None:
    """Delete the goal; the actions that served it (in any plan) serve no goal from now on,
    and the history records that change of each of them too."""
    check_manage(actor, meta)
    _own(meta, goal)
    served = [(a, action_record(a)) for a in goal.actions.prefetch_related("partners")]
    delete_recorded(
        goal, model=GOAL, label=goal.title, before=goal_record(goal, meta.pk), actor=actor
    )
    changes = []
    for action, before in served:
        action.goal = None  # as the database did (SET_NULL)
        changes.append(
            Change("update", ACTION, str(action.pk), action.title, before, action_record(action))
        )
    record_many(actor, changes)
