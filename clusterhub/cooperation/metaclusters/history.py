"""Reading a meta-cluster's history: the entries of the meta-cluster and of all its parts.

Each part's record names its `meta_cluster` (see `records`), so deleted parts are found too:
memberships (joining and leaving), working group people, meetings, the strategic plan and
its goals. Two more kinds of entry belong here:
- an action plan the meta-cluster owns: its own record names the `meta_cluster` (the
  plan's actions, indicators and notes are in the plan's history, not here);
- an action serving one of the meta-cluster's goals (in any plan): its record names the
  `goal`, and the goals are the ones ever recorded for the meta-cluster (deleted ones too)
  or serving it now; deleting a goal records each of its actions losing it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans.records import ACTION, PLAN
from clusterhub.cooperation.metaclusters.records import GOAL, MODELS
from clusterhub.cooperation.models import Goal


def _names(key: str, value: int) -> Q:
    """Entries whose record names `value` under `key`, as it was or as it became."""
    return Q(**{f"after__{key}": value}) | Q(**{f"before__{key}": value})


def goal_ids(metacluster_id: int) -> set[int]:
    """The goals of the meta-cluster: recorded in its history (deleted ones too) or now in
    its strategic plan."""
    recorded = (
        AuditEntry.objects.filter(model=GOAL)
        .filter(_names("meta_cluster", metacluster_id))
        .values_list("object_id", flat=True)
        .distinct()
    )
    ids = {int(pk) for pk in recorded if pk.isdecimal()}
    ids.update(Goal.objects.filter(plan__meta_cluster=metacluster_id).values_list("pk", flat=True))
    return ids


def metacluster_history(metacluster_id: int) -> QuerySet[AuditEntry]:
    """The entries of the meta-cluster and of its parts, owned action plans and the actions
    serving its goals, newest first (the model's order)."""
    scope = Q(model__in=(*MODELS, PLAN)) & _names("meta_cluster", metacluster_id)
    goals = sorted(goal_ids(metacluster_id))
    if goals:
        served = Q(after__goal__in=goals) | Q(before__goal__in=goals)
        scope |= Q(model=ACTION) & served
    return AuditEntry.objects.filter(scope)
