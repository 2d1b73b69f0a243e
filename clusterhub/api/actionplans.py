"""Action plans: read by anyone; actions created and changed, and progress notes added, with
an API token under the portal's permissions (whoever may edit the plan's owner).

Owner persons and note authors are personal data: null unless the caller has a role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from clusterhub.accounts.policy import Action as Do
from clusterhub.accounts.policy import can, has_role
from clusterhub.api.auth import TokenAuth, caller
from clusterhub.api.problems import Problem, object_body
from clusterhub.api.schemas import PageParams, page_of
from clusterhub.audit.services import Actor
from clusterhub.cooperation.actionplans import queries, services
from clusterhub.cooperation.models import Action, ActionPlan, ProgressNote
from clusterhub.lib.text import cut

router = Router(tags=["action plans"])
STATUS = "planned, in_progress, done or dropped"
T = TypeVar("T")
MAX_ID = 2**63 - 1  # the largest id a database holds; beyond it, a 422 and not an overflow


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    target: float | None
    current: float | None


class NoteOut(Schema):
    id: int
    written_at: dt.datetime
    author_name: str | None = Field(..., description="Null unless the caller has a role")
    text: str


class ActionOut(Schema):
    id: int
    plan: int
    title: str
    description: str
    status: str = Field(..., description=STATUS)
    late: bool = Field(..., description="Still planned or in progress after the deadline")
    owner_cluster: int | None = Field(..., description="The owner organisation's registry id")
    owner_person: str | None = Field(..., description="Null unless the caller has a role")
    partners: list[int] = Field(..., description="Registry ids of partner organisations")
    goal: int | None = Field(..., description="The strategic plan's goal the action serves")
    start: dt.date | None
    deadline: dt.date | None
    position: int
    indicators: list[IndicatorOut]
    notes: list[NoteOut]


class PlanOut(Schema):
    id: int
    title: str
    description: str
    cluster: int | None = Field(..., description="The owning cluster's registry id")
    meta_cluster: int | None = Field(..., description="The owning meta-cluster's id")
    is_demo: bool
    action_count: int = Field(..., description="Number of actions")
    late_count: int = Field(..., description="Number of late actions")
    url: str = Field(..., description="The plan's page in the portal")


class PlanPage(Schema):
    count: int
    page: int
    pages: int
    results: list[PlanOut]


class PlanDetail(PlanOut):
    actions: list[ActionOut]


class PlanFilters(Schema):
    cluster: int | None = Field(
        None, ge=1, le=MAX_ID, description="Plans of this cluster (registry id)"
    )
    meta_cluster: int | None = Field(
        None, ge=1, le=MAX_ID, description="Plans of this meta-cluster"
    )


class ActionChange(Schema):
    """Fields to change; those left out keep their value."""

    title: str | None = Field(None, description="At most 300 characters")
    description: str | None = None
    status: str | None = Field(None, description=STATUS)
    owner_cluster: int | None = None
    owner_person: str | None = Field(None, description="At most 200 characters")
    partners: list[int] | None = Field(None, description="Registry ids, at most 100")
    goal: int | None = None
    start: dt.date | None = None
    deadline: dt.date | None = Field(None, description="Not before the start")
    position: int | None = None
    plan: int | None = Field(None, description="Move the action to this plan (also yours)")


class ActionCreate(ActionChange):
    title: str = Field(..., description="At most 300 characters")  # type: ignore[assignment]


class NoteCreate(Schema):
    text: str = Field(..., description="At most 20,000 characters")


def _note(note: ProgressNote, personal: bool) -> dict[str, Any]:
    return {
        "id": note.pk,
        "written_at": note.written_at,
        "author_name": note.author_name if personal else None,
        "text": note.text,
    }


def _action(action: Action, personal: bool, today: dt.date) -> dict[str, Any]:
    return {
        "id": action.pk,
        "plan": action.plan_id,
        "title": action.title,
        "description": action.description,
        "status": action.status,
        "late": action.is_late(today),
        "owner_cluster": action.owner_cluster_id,
        "owner_person": action.owner_person if personal else None,
        "partners": sorted(p.pk for p in action.partners.all()),
        "goal": action.goal_id,
        "start": action.start,
        "deadline": action.deadline,
        "position": action.position,
        "indicators": [
            {"id": i.pk, "name": i.name, "unit": i.unit, "target": i.target, "current": i.current}
            for i in action.indicators.all()
        ],
        "notes": [_note(n, personal) for n in action.notes.all()],
    }


def _plan(plan: ActionPlan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "title": plan.title,
        "description": plan.description,
        "cluster": plan.cluster_id,
        "meta_cluster": plan.meta_cluster_id,
        "is_demo": plan.is_demo,
        "action_count": getattr(plan, "action_count", 0),
        "late_count": getattr(plan, "late_count", 0),
        "url": reverse("portal:cooperation:actionplan_detail", args=[plan.pk]),
    }


@router.get("/action-plans", response=PlanPage, summary="Action plans")
def list_plans(
    request: HttpRequest, filters: Query[PlanFilters], page: Query[PageParams]
) -> dict[str, Any]:
    """Every action plan (of clusters and meta-clusters) by title, with pages."""
    found = queries.plans(timezone.localdate())
    if filters.cluster is not None:
        found = found.filter(cluster_id=filters.cluster)
    if filters.meta_cluster is not None:
        found = found.filter(meta_cluster_id=filters.meta_cluster)
    return page_of(found, page, _plan)


@router.get("/action-plans/{int:pk}", response=PlanDetail, summary="One action plan")
def get_plan(request: HttpRequest, pk: int) -> dict[str, Any]:
    """The plan with its actions, their indicators and progress notes (newest first)."""
    today = timezone.localdate()
    plan = get_object_or_404(queries.plans(today), pk=pk)
    personal = has_role(caller(request))
    actions = [_action(a, personal, today) for a in queries.plan_actions(plan)]
    return {**_plan(plan), "actions": actions}


def _editable(request: HttpRequest, pk: int) -> tuple[Actor, ActionPlan]:
    """The token's user as the actor, and the plan, which they must be allowed to edit."""
    user = request.auth  # type: ignore[attr-defined]
    plan = get_object_or_404(ActionPlan, pk=pk)
    if not can(user, Do.EDIT_ACTION_PLAN, plan):
        raise Problem(403, "Forbidden", "Your role does not allow this.")
    return Actor.person(user, "api"), plan


def _write(write: Callable[[], T], given: dict[str, Any]) -> T:
    """Run a service write; refused values are a 422 problem naming each field."""
    try:
        with transaction.atomic():
            return write()
    except services.InvalidActionPlan as invalid:
        errors = [
            {"field": field, "value": cut(str(given.get(field, "")), 200), "reason": reason}
            for field, reason in invalid.errors.items()
        ]
        detail = "Some fields break the rules of action plans."
        raise Problem(422, "Invalid data", detail, errors) from None


# Fields that always hold a value: null is refused, not taken for a default (null clears
# the others: owner organisation and person, goal, start, deadline).
NOT_NULL = ("title", "description", "status", "position", "partners", "plan")


def _body(request: HttpRequest, given: dict[str, Any]) -> dict[str, Any]:
    """`given` (the body as parsed), once the body is a JSON object without a null where
    a value is needed; else a 422 problem."""
    raw = object_body(request)
    nulls = [field for field in NOT_NULL if field in raw and raw[field] is None]
    if nulls:
        errors = [{"field": f, "value": None, "reason": "must not be null"} for f in nulls]
        raise Problem(422, "Invalid data", f"{nulls[0]} must not be null.", errors)
    return given


def _saved_action(action: Action) -> dict[str, Any]:
    fresh = queries.plan_actions(action.plan).get(pk=action.pk)
    return _action(fresh, True, timezone.localdate())


@router.post(
    "/action-plans/{int:pk}/actions",
    response={201: ActionOut},
    auth=TokenAuth(),
    summary="Add an action to a plan",
)
def create_action(request: HttpRequest, pk: int, body: ActionCreate) -> Status[dict[str, Any]]:
    actor, plan = _editable(request, pk)
    given = _body(request, body.dict(exclude_unset=True))
    given.pop("plan", None)
    action = _write(lambda: services.save_action(plan, given, actor=actor), given)
    return Status(201, _saved_action(action))


@router.patch(
    "/action-plans/{int:pk}/actions/{int:action}",
    response=ActionOut,
    auth=TokenAuth(),
    summary="Change an action (its status, dates, owners, ...)",
)
def change_action(request: HttpRequest, pk: int, action: int, body: ActionChange) -> dict[str, Any]:
    actor, plan = _editable(request, pk)
    current = get_object_or_404(Action, pk=action, plan=plan)
    given = _body(request, body.dict(exclude_unset=True))
    saved = _write(lambda: services.save_action(plan, given, actor=actor, action=current), given)
    return _saved_action(saved)


@router.post(
    "/action-plans/{int:pk}/actions/{int:action}/notes",
    response={201: NoteOut},
    auth=TokenAuth(),
    summary="Add a progress note to an action",
)
def add_note(
    request: HttpRequest, pk: int, action: int, body: NoteCreate
) -> Status[dict[str, Any]]:
    actor, plan = _editable(request, pk)
    current = get_object_or_404(Action, pk=action, plan=plan)
    note = _write(lambda: services.add_note(current, body.text, actor=actor), {"text": body.text})
    return Status(201, _note(note, True))
