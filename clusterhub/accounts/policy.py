"""The one permission policy: every view, API endpoint and command asks `can()`.

Roles: admin (superuser), national coordinator of one or more countries, cluster manager of
one or more organisations, registered user (signed in, no role), anonymous.

Accounts sit below the registry and the feature apps, so targets are recognised by their
model's label ("registry.Cluster") and read through their attributes (`country`, `level`,
`pk`), never imported.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

CLUSTER = "registry.Cluster"
INITIATIVE = "policy.Initiative"
META_CLUSTER = "cooperation.MetaCluster"
ACTION_PLAN = "cooperation.ActionPlan"


class Action(StrEnum):
    VIEW = "view"
    VIEW_PERSONAL = "view_personal"  # contact persons of organisations
    CREATE = "create"  # a cluster organisation in a country
    EDIT = "edit"  # an organisation's profile
    EDIT_MEMBERS = "edit_members"
    DELETE = "delete"
    IMPORT = "import"  # into a country's registry
    VIEW_HISTORY = "view_history"
    RESTORE = "restore"
    INVITE = "invite"
    # Create, change or delete a policy initiative; target: the Initiative, or the country
    # code of a new one ("" for the EU level, which only admins may change).
    EDIT_INITIATIVE = "edit_initiative"
    # Benchmarking surveys. Answer: a cluster's response (target: the Cluster), its
    # managers. Manage: survey rounds, invitations, reminders, response rates, reopening
    # and importing answers (target: a country code or a Cluster). See answers: a
    # cluster's individual answers (target: the Cluster). Nobody else sees answers.
    ANSWER_SURVEY = "answer_survey"
    MANAGE_SURVEYS = "manage_surveys"
    VIEW_SURVEY_ANSWERS = "view_survey_answers"
    # An organisation's peer comparison (its indicators as percentiles among its peers;
    # target: the Cluster): its managers and the coordinators of its country.
    VIEW_BENCHMARK = "view_benchmark"
    # Cooperation. Suggested partners of an organisation (target: the Cluster): anyone
    # signed in with a role. Dismiss one: those who may edit the organisation. Coordinate:
    # the all-organisations suggestion table and the overdue actions (target: a country
    # code, or None for every country the user coordinates).
    VIEW_SUGGESTIONS = "view_suggestions"
    DISMISS_SUGGESTION = "dismiss_suggestion"
    COORDINATE = "coordinate"
    # Run a meta-cluster: its members, working group, meetings and strategic plan (target:
    # the MetaCluster, or the country code of a new one's lead): the coordinators of the
    # lead cluster's country and the lead cluster's managers.
    MANAGE_META_CLUSTER = "manage_meta_cluster"
    # Change an action plan, its actions, indicators and notes (target: the ActionPlan, or
    # its owner, a Cluster or a MetaCluster, for a new one): whoever may edit the cluster
    # or run the meta-cluster that owns it.
    EDIT_ACTION_PLAN = "edit_action_plan"


def coordinated_countries(user: Any) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_coordinated_countries", None)
    if cached is None:
        cached = frozenset(user.coordinator_roles.values_list("country", flat=True))
        user._coordinated_countries = cached
    return cached  # type: ignore[no-any-return]


def managed_clusters(user: Any) -> frozenset[int]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_managed_clusters", None)
    if cached is None:
        cached = frozenset(user.manager_roles.values_list("cluster_id", flat=True))
        user._managed_clusters = cached
    return cached  # type: ignore[no-any-return]


def is_admin(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser and user.is_active)


def has_role(user: Any) -> bool:
    """Admins, coordinators and managers; they may see personal contact data."""
    return is_admin(user) or bool(coordinated_countries(user) or managed_clusters(user))


def _model(target: Any) -> str:
    """The label of the model `target` is an instance of ("registry.Cluster"), or ""."""
    meta = getattr(target, "_meta", None)
    return str(getattr(meta, "label", ""))


def _country_of(target: Any) -> str | None:
    model = _model(target)
    if model == CLUSTER:
        return str(target.country)
    if model == INITIATIVE:
        return target.country if target.level != "eu" else None
    if model == META_CLUSTER:
        return str(target.lead_country) or None
    if isinstance(target, str):
        return target.upper()
    return None


def can(user: Any, action: Action, target: Any = None) -> bool:
    """May `user` do `action` on `target` (a Cluster or an Initiative, or a country code for
    create/import and for a new initiative)?"""
    if action == Action.VIEW:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_admin(user):
        return True
    if action in (Action.VIEW_PERSONAL, Action.VIEW_SUGGESTIONS):
        return has_role(user)
    if action == Action.EDIT_ACTION_PLAN:
        owner = target.owner if _model(target) == ACTION_PLAN else target
        if _model(owner) == META_CLUSTER:
            return can(user, Action.MANAGE_META_CLUSTER, owner)
        return _model(owner) == CLUSTER and can(user, Action.EDIT, owner)
    if action == Action.COORDINATE:
        countries = coordinated_countries(user)
        return bool(countries) and (target is None or str(target).upper() in countries)
    if action == Action.INVITE:
        return False
    country = _country_of(target)
    coordinates = bool(country) and country in coordinated_countries(user)
    if action == Action.EDIT_INITIATIVE:
        return coordinates
    if action == Action.ANSWER_SURVEY:
        return _model(target) == CLUSTER and target.pk in managed_clusters(user)
    if action in (Action.MANAGE_SURVEYS, Action.VIEW_SURVEY_ANSWERS):
        return coordinates
    if action in (Action.CREATE, Action.IMPORT, Action.DELETE):
        return coordinates
    if action == Action.MANAGE_META_CLUSTER:
        leads = _model(target) == META_CLUSTER and target.lead_id in managed_clusters(user)
        return coordinates or leads
    if action in (
        Action.EDIT,
        Action.EDIT_MEMBERS,
        Action.VIEW_HISTORY,
        Action.RESTORE,
        Action.VIEW_BENCHMARK,
        Action.DISMISS_SUGGESTION,
    ):
        manages = _model(target) == CLUSTER and target.pk in managed_clusters(user)
        return coordinates or manages
    return False


class Refusal(StrEnum):
    """Why a write to an organisation is refused."""

    RECORD = "record"  # the organisation as it is belongs to a country the user may not change
    COUNTRY = "country"  # the new values put it in a country the user may not write in


def cluster_write_refusal(
    user: Any, existing: Any, new_country: str | None, action: Action = Action.EDIT
) -> Refusal | None:
    """Why `user` may not give `existing` (a Cluster; None: a new organisation) these values,
    or None.

    Both sides are judged, so no write path can move an organisation out of reach: the
    record as it is needs `action` (edit, restore, import), and a country it does not have
    yet (a new organisation, or a move) needs the right to create organisations there.
    """
    if existing is not None and not can(user, action, existing):
        return Refusal.RECORD
    moving = existing is None or (bool(new_country) and new_country != existing.country)
    if moving and not can(user, Action.CREATE, new_country):
        return Refusal.COUNTRY
    return None


class NotPermitted(PermissionDenied):
    """A write the policy refuses (raised by the services; views answer 403)."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal
