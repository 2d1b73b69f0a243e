"""Partner suggestions for a cluster organisation, and dismissing or restoring one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.security import SessionAuth

from clusterhub.accounts.policy import Action, can
from clusterhub.analytics.partners import DEFAULT_WEIGHTS, PARTS
from clusterhub.api.auth import TokenAuth
from clusterhub.api.problems import Problem
from clusterhub.audit.services import Actor
from clusterhub.cooperation.suggestions.service import (
    DEFAULT_TOP,
    MAX_TOP,
    NotInRegistry,
    WeightRefused,
    dismiss,
    restore,
    suggestions_for,
)
from clusterhub.cooperation.suggestions.service import parse_weights as parse_suggestion_weights
from clusterhub.registry.models import Cluster

router = Router(tags=["cooperation"])

WEIGHT_HELP = (
    "Change a part's weight, PART:VALUE, repeated for several parts (weight=needs:2"
    "&weight=cross_border:0); parts and defaults: "
    + ", ".join(f"{p}:{DEFAULT_WEIGHTS[p]:g}" for p in PARTS)
)


class ReasonOut(Schema):
    code: str
    text: str
    value: float


class SuggestionOut(Schema):
    id: int
    source_id: str = Field(description="the organisation's id in the file it was imported from")
    name: str
    country: str
    score: float
    reasons: list[ReasonOut]


class SuggestionParams(Schema):
    top: int = Field(DEFAULT_TOP, ge=1, le=MAX_TOP, description=f"how many (1 to {MAX_TOP})")
    include_partners: bool = Field(
        False, description="suggest organisations it already cooperates with too"
    )
    weight: list[str] = Field([], description=WEIGHT_HELP)


class DismissalOut(Schema):
    cluster: int
    candidate: int
    dismissed: bool
    changed: bool


def parse_weights(given: list[str]) -> dict[str, float]:
    """`PART:VALUE` items as a dict; a bad one is a 422 problem naming it."""
    try:
        return parse_suggestion_weights(given, ":")
    except WeightRefused as refused:
        raise Problem(
            422,
            "Invalid request",
            f"weight {refused.item}: {refused.reason}."
            if refused.item
            else f"weight: {refused.reason}.",
            [{"field": "weight", "value": refused.item, "reason": refused.reason}],
        ) from None


def _require(allowed: bool) -> None:
    if not allowed:
        raise Problem(403, "Forbidden", "Your role does not allow this.")


@router.get(
    "/clusters/{int:pk}/suggestions",
    response=list[SuggestionOut],
    auth=[TokenAuth(), SessionAuth()],
    summary="Suggested partners of a cluster organisation",
)
def list_suggestions(
    request: HttpRequest, pk: int, params: Query[SuggestionParams]
) -> list[dict[str, Any]]:
    """The best partners for the organisation, best first, each with the reasons that add
    up to its score (`value`: weight x part). Existing partners and dismissed candidates
    are left out. For users with a role (admin, coordinator, manager): an API token, or
    the portal's session."""
    _require(can(request.auth, Action.VIEW_SUGGESTIONS))  # type: ignore[attr-defined]
    weights = parse_weights(params.weight)
    cluster = get_object_or_404(Cluster, pk=pk)
    try:
        found = suggestions_for(
            cluster, params.top, weights, include_partners=params.include_partners
        )
    except NotInRegistry:  # created after the tables were read: suggested after a change
        found = []
    return [partner.as_dict() for partner in found]


def _pair(request: HttpRequest, pk: int, candidate: int) -> tuple[Any, Cluster, Cluster]:
    user = request.auth  # type: ignore[attr-defined]
    cluster = get_object_or_404(Cluster, pk=pk)
    other = get_object_or_404(Cluster, pk=candidate)
    _require(can(user, Action.DISMISS_SUGGESTION, cluster))
    return user, cluster, other


@router.post(
    "/clusters/{int:pk}/suggestions/{int:candidate}/dismiss",
    response=DismissalOut,
    auth=TokenAuth(),
    summary="Dismiss a suggested partner",
)
def dismiss_suggestion(request: HttpRequest, pk: int, candidate: int) -> dict[str, Any]:
    """Keep `candidate` out of the organisation's suggestions from now on (its managers and
    its country's coordinators). `changed` is false when it was dismissed already."""
    user, cluster, other = _pair(request, pk, candidate)
    changed = dismiss(cluster, other, Actor.person(user, context="api"))
    return {"cluster": pk, "candidate": candidate, "dismissed": True, "changed": changed}


@router.post(
    "/clusters/{int:pk}/suggestions/{int:candidate}/restore",
    response=DismissalOut,
    auth=TokenAuth(),
    summary="Suggest a dismissed partner again",
)
def restore_suggestion(request: HttpRequest, pk: int, candidate: int) -> dict[str, Any]:
    """Undo a dismissal; `changed` is false when the candidate was not dismissed."""
    user, cluster, other = _pair(request, pk, candidate)
    changed = restore(cluster, other, Actor.person(user, context="api"))
    return {"cluster": pk, "candidate": candidate, "dismissed": False, "changed": changed}
