"""Every write to action plans, their actions, indicators and progress notes.

The portal, the API and the demo call these. Each one asks the permission policy about the
plan as it is and about the new values (a plan given to another owner, an action moved to
another plan: the user must be allowed to edit both), checks every field, writes, and
records the change in the history. Nothing is written when anything is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.policy import Action as Do
from clusterhub.accounts.policy import NotPermitted, Refusal, can
from clusterhub.audit.services import Actor, Change, delete_recorded, record, record_many
from clusterhub.cooperation.actionplans import checks
from clusterhub.cooperation.actionplans.checks import InvalidActionPlan, Problems
from clusterhub.cooperation.actionplans.records import (
    ACTION,
    INDICATOR,
    NOTE,
    PLAN,
    action_record,
    indicator_record,
    note_record,
    plan_record,
)
from clusterhub.cooperation.cluster_text import find_cluster, registry_number
from clusterhub.cooperation.models import (
    Action,
    ActionPlan,
    Goal,
    Indicator,
    MetaCluster,
    MetaClusterMembership,
    ProgressNote,
)
from clusterhub.registry.models import Cluster

__all__ = [
    "InvalidActionPlan",
    "add_note",
    "delete_action",
    "delete_indicator",
    "delete_note",
    "delete_plan",
    "save_action",
    "save_indicator",
    "save_plan",
]

Owner = Cluster | MetaCluster


def _may(actor: Actor, target: Any) -> bool:
    """A person needs the policy's yes; a system actor (the demo, the operator) does not."""
    return actor.user is None or can(actor.user, Do.EDIT_ACTION_PLAN, target)


def _check_existing(actor: Actor, plan: ActionPlan) -> None:
    if not _may(actor, plan):
        raise NotPermitted(Refusal.RECORD)


def _resolve(problems: Problems, field: str, model: type[Model], value: Any) -> Any:
    """The record `value` names (a record or its id), or None; an unknown id is a problem."""
    if value in (None, ""):
        return None
    if isinstance(value, model):
        return value
    if model is Cluster and registry_number(value) is None:
        # A cluster picker's "Name (CC)", an id at the source or a name.
        named, reason = find_cluster(value)
        if reason:
            problems.add(field, reason)
        return named
    try:
        pk = int(value)
    except (TypeError, ValueError):
        problems.add(field, _("%(value)r is not an id.") % {"value": value})
        return None
    in_range = 0 < pk <= checks.MAX_ID  # beyond, the database refuses the number itself
    found = model._default_manager.filter(pk=pk).first() if in_range else None
    if found is None:
        problems.add(field, _("There is no record with the id %(value)s.") % {"value": pk})
    return found


# Plans ---------------------------------------------------------------------------------


def save_plan(
    values: Mapping[str, Any],
    *,
    actor: Actor,
    plan: ActionPlan | None = None,
    is_demo: bool = False,
) -> ActionPlan:
    """Create a plan, or change `plan` with the given values (those left out stay).

    `values`: title, description, and the owner: `cluster` or `meta_cluster` (a record or
    its id; exactly one). Giving one owner clears the other.
    """
    if plan is not None:
        _check_existing(actor, plan)
    problems = Problems()
    before = plan_record(plan) if plan else None
    merged = {**(before or {}), **values}
    if "cluster" in values and values["cluster"] not in (None, ""):
        merged["meta_cluster"] = values.get("meta_cluster")
    elif "meta_cluster" in values and values["meta_cluster"] not in (None, ""):
        merged["cluster"] = values.get("cluster")
    title = checks.line(problems, "title", merged.get("title"), checks.TITLE_LENGTH, True)
    description = checks.text(
        problems, "description", merged.get("description"), checks.TEXT_LENGTH
    )
    cluster = _resolve(problems, "cluster", Cluster, merged.get("cluster"))
    meta = _resolve(problems, "meta_cluster", MetaCluster, merged.get("meta_cluster"))
    known = "cluster" not in problems.errors and "meta_cluster" not in problems.errors
    if known and (cluster is None) == (meta is None):
        problems.add("owner", _("A plan belongs to exactly one cluster or meta-cluster."))
    problems.raise_any()
    owner: Owner = cluster or meta
    moving = plan is None or owner != plan.owner
    if moving and not _may(actor, owner):
        raise NotPermitted(Refusal.COUNTRY)
    if moving and owner.action_plans.count() >= checks.MAX_PLANS:
        limit = {"limit": checks.MAX_PLANS}
        problems.add("owner", _("An owner has at most %(limit)d action plans.") % limit)
    if plan is not None and moving:
        # Its actions' goals must suit the new owner as they would a new action's.
        will_be = ActionPlan(cluster=cluster, meta_cluster=meta)
        goals = Goal.objects.filter(actions__plan=plan).select_related("plan").distinct()
        for goal in goals:
            if reason := _goal_problem(goal, will_be):
                problems.add("owner", reason)
    problems.raise_any()
    target = plan or ActionPlan()
    target.title, target.description = title, description
    target.cluster, target.meta_cluster = cluster, meta
    target.is_demo = is_demo or target.is_demo
    after = plan_record(target)
    if plan is not None and before == after:
        return plan
    target.save()
    after["plan"] = target.pk
    kind = "update" if plan else "create"
    record(actor, Change(kind, PLAN, str(target.pk), target.title, before, after))
    return target


def _parts_deleted(actions: list[Action], plan_id: int) -> list[Change]:
    """The deletions of the indicators and notes of `actions`, which go with them."""
    ids = [a.pk for a in actions]
    indicators = Indicator.objects.filter(action_id__in=ids).order_by("id")
    notes = ProgressNote.objects.filter(action_id__in=ids).order_by("id")
    return [
        *(
            Change("delete", INDICATOR, str(i.pk), i.name, indicator_record(i, plan_id), None)
            for i in indicators
        ),
        *(
            Change("delete", NOTE, str(n.pk), n.text[:60], note_record(n, plan_id), None)
            for n in notes
        ),
    ]


def delete_plan(plan: ActionPlan, *, actor: Actor) -> None:
    """Delete a plan with its actions, their indicators and notes; the history keeps every
    one of them as it was."""
    _check_existing(actor, plan)
    changes = plan_deleted(plan)
    with transaction.atomic():
        plan.delete()
        record_many(actor, changes)


def plan_deleted(plan: ActionPlan) -> list[Change]:
    """The deletions of a plan, its actions, their indicators and notes, as history
    entries (to record when the plan goes)."""
    actions = list(plan.actions.prefetch_related("partners"))
    changes = _parts_deleted(actions, plan.pk)
    changes += [
        Change("delete", ACTION, str(a.pk), a.title, action_record(a), None) for a in actions
    ]
    changes.append(Change("delete", PLAN, str(plan.pk), plan.title, plan_record(plan), None))
    return changes


# Actions -------------------------------------------------------------------------------


def _goal_problem(goal: Goal, plan: ActionPlan) -> str | None:
    """A goal must be one of the strategic plan of the meta-cluster the plan serves: its
    own, or, for a cluster's plan, one the cluster is a current member of (a cluster that
    left may not put its actions under the goals on the meta-cluster's page)."""
    meta_id = goal.plan.meta_cluster_id
    if plan.meta_cluster_id is not None:
        serves = meta_id == plan.meta_cluster_id
    else:
        assert plan.cluster_id is not None
        serves = MetaClusterMembership.objects.filter(
            meta_cluster_id=meta_id, cluster_id=plan.cluster_id, left__isnull=True
        ).exists()
    if serves:
        return None
    return _("The goal %(goal)s belongs to a meta-cluster this plan does not serve.") % {
        "goal": goal.pk
    }


def _partners(problems: Problems, value: Any) -> list[Cluster]:
    ids: list[int] = []
    for item in value or []:
        pk = item.pk if isinstance(item, Cluster) else item
        if not isinstance(pk, int) and registry_number(pk) is None:
            # A picker's "Name (CC)", an id at the source or a name.
            named, reason = find_cluster(pk)
            if reason:
                problems.add("partners", reason)
                return []
            pk = named.pk if named else pk
        try:
            ids.append(int(pk))
        except (TypeError, ValueError):
            problems.add("partners", _("%(value)r is not an id.") % {"value": item})
            return []
    ids = list(dict.fromkeys(ids))
    if len(ids) > checks.MAX_PARTNERS:
        problems.add("partners", _("At most %(limit)d partners.") % {"limit": checks.MAX_PARTNERS})
        return []
    # An id beyond the database's integers names no cluster (and the query would fail).
    in_range = [pk for pk in ids if 0 < pk <= checks.MAX_ID]
    found = {c.pk: c for c in Cluster.objects.filter(pk__in=in_range)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        problems.add(
            "partners", _("There is no cluster with the id %(value)s.") % {"value": missing[0]}
        )
    return [found[pk] for pk in ids if pk in found]


def save_action(
    plan: ActionPlan,
    values: Mapping[str, Any],
    *,
    actor: Actor,
    action: Action | None = None,
) -> Action:
    """Add an action to `plan`, or change `action` (of `plan`) with the given values.

    `values`: title, description, owner_cluster (a Cluster or id), owner_person, partners
    (Clusters or ids), goal (a Goal or id), start, deadline, status, position, and `plan`
    (a plan or id) to move the action to another plan.
    """
    _check_existing(actor, plan)
    if action is not None and action.plan_id != plan.pk:
        raise ValueError("The action is not one of the plan's.")
    problems = Problems()
    before = action_record(action) if action else None
    merged: dict[str, Any] = {**(before or {}), **values}
    if action is not None:
        merged.setdefault("position", action.position)
    target_plan = plan
    if values.get("plan") not in (None, "", plan.pk, plan):
        target_plan = _resolve(problems, "plan", ActionPlan, values["plan"]) or plan
    title = checks.line(problems, "title", merged.get("title"), checks.TITLE_LENGTH, True)
    description = checks.text(
        problems, "description", merged.get("description"), checks.TEXT_LENGTH
    )
    person = checks.line(problems, "owner_person", merged.get("owner_person"), checks.NAME_LENGTH)
    owner = _resolve(problems, "owner_cluster", Cluster, merged.get("owner_cluster"))
    partners = _partners(problems, merged.get("partners"))
    goal = _resolve(problems, "goal", Goal, merged.get("goal"))
    # A goal the action served before its cluster left stays; a new goal, or a move to
    # another plan, is judged anew.
    if goal is not None:
        kept = action is not None and target_plan.pk == plan.pk and goal.pk == action.goal_id
        if not kept and (reason := _goal_problem(goal, target_plan)):
            problems.add("goal", reason)
    if (action is None or target_plan.pk != plan.pk) and (
        target_plan.actions.count() >= checks.MAX_ACTIONS
    ):
        problems.add(
            "plan", _("A plan has at most %(limit)d actions.") % {"limit": checks.MAX_ACTIONS}
        )
    elif action is not None and target_plan.pk != plan.pk:
        moved = action.notes.count()
        held = ProgressNote.objects.filter(action__plan=target_plan).count()
        if moved and held + moved > checks.MAX_PLAN_NOTES:
            problems.add("plan", _plan_notes_full())
    start = checks.date(problems, "start", merged.get("start"))
    deadline = checks.date(problems, "deadline", merged.get("deadline"))
    checks.period(problems, start, deadline)
    status = str(merged.get("status") or Action.Status.PLANNED)
    if status not in Action.Status.values:
        problems.add(
            "status",
            _("%(value)r is not one of %(choices)s.")
            % {"value": status, "choices": ", ".join(Action.Status.values)},
        )
    position = checks.integer(problems, "position", merged.get("position"), 0, checks.MAX_POSITION)
    problems.raise_any()
    if target_plan.pk != plan.pk and not _may(actor, target_plan):
        raise NotPermitted(Refusal.COUNTRY)

    target = action or Action(plan=plan)
    target.plan = target_plan
    target.title, target.description, target.owner_person = title, description, person
    target.owner_cluster, target.goal = owner, goal
    target.start, target.deadline, target.status = start, deadline, status
    if action is None and "position" not in values:
        position = target_plan.actions.count()
    target.position = position
    with transaction.atomic():
        target.save()
        target.partners.set(partners)
        after = action_record(target)
        if before == after:
            return target
        kind = "update" if action else "create"
        record(actor, Change(kind, ACTION, str(target.pk), target.title, before, after))
    return target


def delete_action(action: Action, *, actor: Actor) -> None:
    """Delete an action with its indicators and notes; the history keeps them all."""
    _check_existing(actor, action.plan)
    before = action_record(action)
    parts = _parts_deleted([action], action.plan_id)
    with transaction.atomic():
        record_many(actor, parts)
        delete_recorded(action, model=ACTION, label=action.title, before=before, actor=actor)


# Indicators ----------------------------------------------------------------------------


def save_indicator(
    action: Action,
    values: Mapping[str, Any],
    *,
    actor: Actor,
    indicator: Indicator | None = None,
) -> Indicator:
    """Add an indicator to `action`, or change `indicator` (one of the action's): name, unit,
    target, current."""
    plan = action.plan
    _check_existing(actor, plan)
    if indicator is not None and indicator.action_id != action.pk:
        raise ValueError("The indicator is not one of the action's.")
    problems = Problems()
    before = indicator_record(indicator, plan.pk) if indicator else None
    merged = {**(before or {}), **values}
    name = checks.line(problems, "name", merged.get("name"), checks.NAME_LENGTH, True)
    unit = checks.line(problems, "unit", merged.get("unit"), checks.UNIT_LENGTH)
    goal = checks.number(problems, "target", merged.get("target"))
    current = checks.number(problems, "current", merged.get("current"))
    if indicator is None and action.indicators.count() >= checks.MAX_INDICATORS:
        problems.add(
            "name",
            _("An action has at most %(limit)d indicators.") % {"limit": checks.MAX_INDICATORS},
        )
    problems.raise_any()
    target = indicator or Indicator(action=action)
    target.name, target.unit, target.target, target.current = name, unit, goal, current
    after = indicator_record(target, plan.pk)
    if indicator is not None and before == after:
        return indicator
    with transaction.atomic():
        target.save()
        kind = "update" if indicator else "create"
        record(actor, Change(kind, INDICATOR, str(target.pk), target.name, before, after))
    return target


def delete_indicator(indicator: Indicator, *, actor: Actor) -> None:
    plan = indicator.action.plan
    _check_existing(actor, plan)
    before = indicator_record(indicator, plan.pk)
    with transaction.atomic():
        delete_recorded(
            indicator, model=INDICATOR, label=indicator.name, before=before, actor=actor
        )


# Progress notes ------------------------------------------------------------------------


def _author(actor: Actor) -> str:
    user = actor.user
    if user is not None:
        return (user.get_full_name() or user.get_username())[: checks.NAME_LENGTH]
    return actor.name[: checks.NAME_LENGTH]


def _plan_notes_full() -> str:
    return _("A plan holds at most %(limit)d progress notes in all.") % {
        "limit": checks.MAX_PLAN_NOTES
    }


def add_note(
    action: Action,
    text: Any,
    *,
    actor: Actor,
    written_at: dt.datetime | None = None,
    author_name: str | None = None,
) -> ProgressNote:
    """A progress note on `action`, signed by the actor (or `author_name`, for the demo)."""
    plan = action.plan
    _check_existing(actor, plan)
    problems = Problems()
    clean = checks.text(problems, "text", text, checks.TEXT_LENGTH, True)
    if action.notes.count() >= checks.MAX_NOTES:
        problems.add(
            "text",
            _("An action has at most %(limit)d progress notes.") % {"limit": checks.MAX_NOTES},
        )
    elif ProgressNote.objects.filter(action__plan=plan).count() >= checks.MAX_PLAN_NOTES:
        problems.add("text", _plan_notes_full())
    author = checks.line(
        problems, "author_name", author_name or _author(actor), checks.NAME_LENGTH, True
    )
    problems.raise_any()
    note = ProgressNote(
        action=action,
        written_at=written_at or timezone.now(),
        author=actor.user,
        author_name=author,
        text=clean,
    )
    with transaction.atomic():
        note.save()
        after = note_record(note, plan.pk)
        record(actor, Change("create", NOTE, str(note.pk), clean[:60], None, after))
    return note


def delete_note(note: ProgressNote, *, actor: Actor) -> None:
    plan = note.action.plan
    _check_existing(actor, plan)
    before = note_record(note, plan.pk)
    with transaction.atomic():
        delete_recorded(note, model=NOTE, label=note.text[:60], before=before, actor=actor)
