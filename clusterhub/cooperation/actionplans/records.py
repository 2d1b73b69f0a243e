"""Action plans, actions, indicators and notes as plain dicts: what the history keeps.

Every record of an action, indicator or note names its `plan`, so a plan's history finds
the entries of its actions, even of those deleted since.
"""

from __future__ import annotations

from typing import Any

from clusterhub.cooperation.models import Action, ActionPlan, Indicator, ProgressNote

PLAN = "action_plan"
ACTION = "action"
INDICATOR = "indicator"
NOTE = "progress_note"
MODELS = (PLAN, ACTION, INDICATOR, NOTE)


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def plan_record(plan: ActionPlan) -> dict[str, Any]:
    return {
        "plan": plan.pk,
        "title": plan.title,
        "description": plan.description,
        "cluster": plan.cluster_id,
        "meta_cluster": plan.meta_cluster_id,
    }


def action_record(action: Action) -> dict[str, Any]:
    return {
        "plan": action.plan_id,
        "title": action.title,
        "description": action.description,
        "owner_cluster": action.owner_cluster_id,
        "owner_person": action.owner_person,
        "partners": sorted(p.pk for p in action.partners.all()) if action.pk else [],
        "goal": action.goal_id,
        "start": _day(action.start),
        "deadline": _day(action.deadline),
        "status": action.status,
        "position": action.position,
    }


def indicator_record(indicator: Indicator, plan_id: int) -> dict[str, Any]:
    return {
        "plan": plan_id,
        "action": indicator.action_id,
        "name": indicator.name,
        "unit": indicator.unit,
        "target": indicator.target,
        "current": indicator.current,
    }


def note_record(note: ProgressNote, plan_id: int) -> dict[str, Any]:
    return {
        "plan": plan_id,
        "action": note.action_id,
        "written_at": note.written_at.isoformat(),
        "author_name": note.author_name,
        "text": note.text,
    }
