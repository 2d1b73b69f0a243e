"""Meta-clusters and their parts as plain dicts: what the history keeps.

Every record of a part (membership, working group member, meeting, plan, goal) names its
`meta_cluster`, so the history of a meta-cluster finds them, even deleted ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clusterhub.cooperation.models import (
    Goal,
    Meeting,
    MetaCluster,
    MetaClusterMembership,
    StrategicPlan,
    WorkingGroupMember,
)

META_CLUSTER = "meta_cluster"
MEMBERSHIP = "meta_cluster_membership"
WORKING_GROUP_MEMBER = "working_group_member"
MEETING = "meeting"
STRATEGIC_PLAN = "strategic_plan"
GOAL = "goal"
MODELS = (META_CLUSTER, MEMBERSHIP, WORKING_GROUP_MEMBER, MEETING, STRATEGIC_PLAN, GOAL)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def meta_cluster_record(meta: MetaCluster) -> dict[str, Any]:
    return {
        "meta_cluster": meta.pk,
        "name": meta.name,
        "slug": meta.slug,
        "ecosystem": meta.ecosystem,
        "sectors": list(meta.sectors),
        "description": meta.description,
        "lead": meta.lead_id,
        "founded": _day(meta.founded),
    }


def membership_record(membership: MetaClusterMembership) -> dict[str, Any]:
    return {
        "meta_cluster": membership.meta_cluster_id,
        "cluster": membership.cluster_id,
        "joined": _day(membership.joined),
        "left": _day(membership.left),
    }


def person_record(person: WorkingGroupMember) -> dict[str, Any]:
    return {
        "meta_cluster": person.meta_cluster_id,
        "cluster": person.cluster_id,
        "name": person.name,
        "email": person.email,
        "role": person.role,
    }


def meeting_record(meeting: Meeting) -> dict[str, Any]:
    return {
        "meta_cluster": meeting.meta_cluster_id,
        "date": _day(meeting.date),
        "place": meeting.place,
        "agenda": meeting.agenda,
        "minutes": meeting.minutes,
        "decisions": meeting.decisions,
    }


def plan_record(plan: StrategicPlan) -> dict[str, Any]:
    return {
        "meta_cluster": plan.meta_cluster_id,
        "vision": plan.vision,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "adopted": _day(plan.adopted),
    }


def goal_record(goal: Goal, meta_cluster_id: int) -> dict[str, Any]:
    return {
        "meta_cluster": meta_cluster_id,
        "plan": goal.plan_id,
        "title": goal.title,
        "description": goal.description,
        "indicator": goal.indicator,
        "unit": goal.unit,
        "baseline": goal.baseline,
        "target": goal.target,
        "current": goal.current,
        "position": goal.position,
    }
