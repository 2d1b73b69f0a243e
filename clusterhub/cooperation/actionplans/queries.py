"""Reading action plans: the list, a plan's history, and the late actions a user oversees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet

from clusterhub.accounts.policy import coordinated_countries, is_admin, managed_clusters
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.actionplans.records import MODELS
from clusterhub.cooperation.models import Action, ActionPlan


def plans(today: dt.date) -> QuerySet[ActionPlan]:
    """Every plan with its owner and counts of its actions: all, done, and late."""
    open_late = Q(actions__status__in=Action.OPEN, actions__deadline__lt=today)
    return (
        ActionPlan.objects.select_related("cluster", "meta_cluster")
        .annotate(
            action_count=Count("actions", distinct=True),
            done_count=Count(
                "actions", filter=Q(actions__status=Action.Status.DONE), distinct=True
            ),
            late_count=Count("actions", filter=open_late, distinct=True),
        )
        .order_by("title", "id")  # aggregation drops the model's ordering
    )


def plan_actions(plan: ActionPlan) -> QuerySet[Action]:
    return plan.actions.select_related("owner_cluster", "goal").prefetch_related(
        "partners", "indicators", "notes"
    )


def plan_history(plan_id: int) -> QuerySet[AuditEntry]:
    """The entries of the plan and of its actions, indicators and notes, newest first; an
    action moved between plans shows in the history of both."""
    return AuditEntry.objects.filter(model__in=MODELS).filter(
        Q(after__plan=plan_id) | Q(before__plan=plan_id)
    )


def overseen(user: Any) -> Q | None:
    """The plans `user` oversees, as a filter on actions; None: every plan (an admin).

    A coordinator oversees the plans of their countries' clusters and of the meta-clusters
    led from there; a manager those of their clusters and of the meta-clusters they lead.
    """
    if is_admin(user):
        return None
    countries, managed = coordinated_countries(user), managed_clusters(user)
    return (
        Q(plan__cluster__country__in=countries)
        | Q(plan__meta_cluster__lead__country__in=countries)
        | Q(plan__cluster_id__in=managed)
        | Q(plan__meta_cluster__lead_id__in=managed)
    )


def overdue(today: dt.date, user: Any) -> QuerySet[Action]:
    """Late actions (still planned or in progress after their deadline) of the plans the
    user oversees, the longest overdue first."""
    late = Action.objects.filter(status__in=Action.OPEN, deadline__lt=today)
    scope = overseen(user)
    if scope is not None:
        late = late.filter(scope)
    return late.select_related(
        "plan", "plan__cluster", "plan__meta_cluster", "owner_cluster"
    ).order_by("deadline", "plan_id", "id")
