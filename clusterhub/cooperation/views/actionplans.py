"""The pages of action plans: the list, a plan with its timeline, actions, indicators and
notes, the editors' forms, the plan's history, its exports, and the overdue actions.

Plans are public. Owner persons and note authors are personal data, shown only to users
with a role; the history (which holds them too) only to those who may edit the plan. Every
write goes through `actionplans.services`, which asks the policy again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.policy import Action as Do
from clusterhub.accounts.policy import can, has_role
from clusterhub.accounts.sign_in import login_first
from clusterhub.cooperation.actionplans import exports, queries, services
from clusterhub.cooperation.actionplans.charts import timeline
from clusterhub.cooperation.actionplans.exports import progress
from clusterhub.cooperation.forms.actionplans import (
    ActionForm,
    IndicatorForm,
    NoteForm,
    PlanForm,
    owner_choices,
    owner_key,
)
from clusterhub.cooperation.models import Action, ActionPlan, Indicator, ProgressNote
from clusterhub.cooperation.views.access import actor
from clusterhub.cooperation.views.history import history_context

PAGE_SIZE = 25
T = TypeVar("T")
TEMPLATES = "cooperation/actionplans/"


def _plan_url(plan: ActionPlan) -> str:
    return reverse("portal:cooperation:actionplan_detail", args=[plan.pk])


def _plan(pk: int) -> ActionPlan:
    return get_object_or_404(ActionPlan.objects.select_related("cluster", "meta_cluster"), pk=pk)


def _editable(request: HttpRequest, pk: int) -> ActionPlan:
    plan = _plan(pk)
    if not can(request.user, Do.EDIT_ACTION_PLAN, plan):
        raise PermissionDenied
    return plan


def _action_of(plan: ActionPlan, action_pk: int) -> Action:
    return get_object_or_404(Action, pk=action_pk, plan=plan)


# Reading -------------------------------------------------------------------------------


def plan_list(request: HttpRequest) -> HttpResponse:
    found = queries.plans(timezone.localdate())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    user = request.user
    context = {
        "page": page,
        "can_add": bool(user.is_authenticated and owner_choices(user)),
        "can_see_overdue": has_role(user),
    }
    return render(request, TEMPLATES + "list.html", context)


def _action_rows(actions: list[Action], today: Any) -> list[dict[str, Any]]:
    rows = []
    for action in actions:
        indicators = []
        for indicator in action.indicators.all():
            share = progress(indicator.target, indicator.current)
            percent = None if share is None else round(share * 100)
            meter = None if share is None else max(0.0, min(share, 1.0))
            indicators.append({"indicator": indicator, "percent": percent, "share": meter})
        rows.append(
            {
                "action": action,
                "late": action.is_late(today),
                "indicators": indicators,
                "notes": list(action.notes.all()),
                "partners": list(action.partners.all()),
            }
        )
    return rows


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(pk)
    today = timezone.localdate()
    actions = list(queries.plan_actions(plan))
    rows = _action_rows(actions, today)
    context = {
        "plan": plan,
        "rows": rows,
        "chart": timeline(actions, today),
        "today": today,
        "late_count": sum(1 for r in rows if r["late"]),
        "done_count": sum(1 for a in actions if a.status == Action.Status.DONE),
        "can_edit": can(request.user, Do.EDIT_ACTION_PLAN, plan),
        "personal": has_role(request.user),
        "note_form": NoteForm(),
    }
    return render(request, TEMPLATES + "detail.html", context)


def plan_history(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    context = {"plan": plan, **history_context(request, queries.plan_history(plan.pk))}
    return render(request, TEMPLATES + "history.html", context)


def overdue(request: HttpRequest) -> HttpResponse:
    """The late actions of the plans the user oversees (coordinators: their countries)."""
    if (login := login_first(request)) is not None:
        return login
    if not has_role(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    late = queries.overdue(today, request.user)
    page = Paginator(late, 50).get_page(request.GET.get("page"))
    rows = [{"action": a, "days": (today - a.deadline).days} for a in page.object_list]
    return render(request, TEMPLATES + "overdue.html", {"page": page, "rows": rows})


# Exports -------------------------------------------------------------------------------


def _export(request: HttpRequest, pk: int) -> tuple[ActionPlan, list[Action], bool]:
    plan = _plan(pk)
    return plan, list(queries.plan_actions(plan)), has_role(request.user)


def _download(body: bytes, content_type: str, plan: ActionPlan, suffix: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    name = slugify(plan.title)[:60] or "action-plan"
    response["Content-Disposition"] = f'attachment; filename="{name}-{plan.pk}.{suffix}"'
    return response


def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    plan, actions, personal = _export(request, pk)
    body = exports.to_csv(actions, personal=personal, today=timezone.localdate())
    return _download(body, "text/csv; charset=utf-8", plan, "csv")


def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    plan, actions, personal = _export(request, pk)
    body = exports.to_xlsx(actions, personal=personal, today=timezone.localdate())
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(body, kind, plan, "xlsx")


def export_ical(request: HttpRequest, pk: int) -> HttpResponse:
    plan, actions, _personal = _export(request, pk)
    body = exports.to_ical(
        plan,
        actions,
        host=request.get_host().split(":")[0] or "clusterhub",
        url=request.build_absolute_uri(_plan_url(plan)),
        stamp=plan.modified_at,
    )
    return _download(body, "text/calendar; charset=utf-8", plan, "ics")


# Writing -------------------------------------------------------------------------------


def _saved(request: HttpRequest, form: Any, write: Callable[[], T], done: str) -> T | None:
    """Run a service write and return what it wrote; on refused values, put the reasons on
    the form and return None."""
    try:
        with transaction.atomic():
            written = write()
    except services.InvalidActionPlan as invalid:
        form.report(invalid.errors)
        return None
    messages.success(request, done)
    return written


def _form_page(
    request: HttpRequest, form: Any, heading: str, back: str, plan: ActionPlan | None = None
) -> HttpResponse:
    """A form of the plan `plan` names its plan above the heading ("New action" says not which)."""
    context = {"form": form, "heading": heading, "back": back, "plan": plan}
    return render(request, TEMPLATES + "form.html", context)


@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    if not owner_choices(request.user):
        raise PermissionDenied
    initial = {"owner": request.GET.get("owner", "")}
    form = PlanForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = _saved(
            request,
            form,
            lambda: services.save_plan(form.values(), actor=actor(request)),
            _("The action plan was created."),
        )
        if created is not None:
            return redirect(_plan_url(created))
    back = reverse("portal:cooperation:actionplan_list")
    return _form_page(request, form, _("New action plan"), back)


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    initial = {
        "title": plan.title,
        "description": plan.description,
        "owner": owner_key(plan),
        "owner_label": str(plan.owner),
    }
    form = PlanForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():

        def write() -> ActionPlan:
            return services.save_plan(form.values(), actor=actor(request), plan=plan)

        if _saved(request, form, write, _("The action plan was saved.")) is not None:
            return redirect(_plan_url(plan))
    return _form_page(
        request, form, _("Edit %(plan)s") % {"plan": plan.title}, _plan_url(plan), plan
    )


def _confirm_delete(
    request: HttpRequest, label: str, back: str, delete: Callable[[], None], after: str
) -> HttpResponse:
    if request.method == "POST":
        with transaction.atomic():
            delete()
        messages.success(request, _("Deleted; the history keeps the last version."))
        return redirect(after)
    return render(request, TEMPLATES + "confirm_delete.html", {"label": label, "back": back})


@require_http_methods(["GET", "POST"])
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    return _confirm_delete(
        request,
        plan.title,
        _plan_url(plan),
        lambda: services.delete_plan(plan, actor=actor(request)),
        reverse("portal:cooperation:actionplan_list"),
    )


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action_pk: int | None = None) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    action = _action_of(plan, action_pk) if action_pk is not None else None
    initial: dict[str, Any] = {"status": Action.Status.PLANNED}
    if action is not None:
        initial = {
            name: getattr(action, name)
            for name in ("title", "status", "start", "deadline", "owner_person", "position")
        }
        initial.update(
            description=action.description,
            owner_cluster=action.owner_cluster_id,
            goal=action.goal_id,
            partners=list(action.partners.values_list("pk", flat=True)),
        )
    form = ActionForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():

        def write() -> Action:
            return services.save_action(plan, form.values(), actor=actor(request), action=action)

        if _saved(request, form, write, _("The action was saved.")) is not None:
            return redirect(_plan_url(plan))
    heading = _("Edit %(action)s") % {"action": action.title} if action else _("New action")
    return _form_page(request, form, heading, _plan_url(plan), plan)


@require_http_methods(["GET", "POST"])
def action_delete(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    action = _action_of(plan, action_pk)
    return _confirm_delete(
        request,
        action.title,
        _plan_url(plan),
        lambda: services.delete_action(action, actor=actor(request)),
        _plan_url(plan),
    )


@require_http_methods(["GET", "POST"])
def indicator_edit(
    request: HttpRequest, pk: int, action_pk: int, indicator_pk: int | None = None
) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    action = _action_of(plan, action_pk)
    indicator = (
        get_object_or_404(Indicator, pk=indicator_pk, action=action) if indicator_pk else None
    )
    initial = (
        {f: getattr(indicator, f) for f in ("name", "unit", "target", "current")}
        if indicator
        else {}
    )
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():

        def write() -> Indicator:
            return services.save_indicator(
                action, form.values(), actor=actor(request), indicator=indicator
            )

        if _saved(request, form, write, _("The indicator was saved.")) is not None:
            return redirect(_plan_url(plan))
    heading = _("Indicator of %(action)s") % {"action": action.title}
    return _form_page(request, form, heading, _plan_url(plan), plan)


@require_http_methods(["GET", "POST"])
def indicator_delete(
    request: HttpRequest, pk: int, action_pk: int, indicator_pk: int
) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, action=_action_of(plan, action_pk))
    return _confirm_delete(
        request,
        indicator.name,
        _plan_url(plan),
        lambda: services.delete_indicator(indicator, actor=actor(request)),
        _plan_url(plan),
    )


@require_http_methods(["GET", "POST"])
def note_new(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    action = _action_of(plan, action_pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def write() -> ProgressNote:
            return services.add_note(action, form.cleaned_data["text"], actor=actor(request))

        if _saved(request, form, write, _("The note was added.")) is not None:
            return redirect(_plan_url(plan))
    heading = _("Progress note on %(action)s") % {"action": action.title}
    return _form_page(request, form, heading, _plan_url(plan), plan)


@require_http_methods(["GET", "POST"])
def note_delete(request: HttpRequest, pk: int, action_pk: int, note_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    plan = _editable(request, pk)
    note = get_object_or_404(ProgressNote, pk=note_pk, action=_action_of(plan, action_pk))
    return _confirm_delete(
        request,
        note.text[:80],
        _plan_url(plan),
        lambda: services.delete_note(note, actor=actor(request)),
        _plan_url(plan),
    )
