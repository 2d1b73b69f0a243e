"""The managers' forms of a meta-cluster: its fields and lead, its members (joining and
leaving), working group, meetings, and strategic plan with goals.

Only those the policy lets run the meta-cluster reach them (others get 403, anonymous users
the sign-in page); every write goes through the services, which ask the policy again about
the new values and record the change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.policy import Action, NotPermitted, can
from clusterhub.accounts.sign_in import login_first
from clusterhub.cooperation.forms.metaclusters import (
    GoalForm,
    LeaveForm,
    MeetingForm,
    MemberForm,
    MetaClusterForm,
    PersonForm,
    PlanForm,
    report,
)
from clusterhub.cooperation.metaclusters import group, plans, services
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster
from clusterhub.cooperation.metaclusters.figures import current_clusters
from clusterhub.cooperation.models import (
    Goal,
    Meeting,
    MetaCluster,
    MetaClusterMembership,
    StrategicPlan,
    WorkingGroupMember,
)
from clusterhub.cooperation.views.access import actor

FORM = "cooperation/metaclusters/form.html"


def meta_cluster_managed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The view gets the meta-cluster of `slug` instead: the sign-in page for anonymous
    users, 403 for those the policy does not let run it."""

    @wraps(view)
    def managed(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        if (login := login_first(request)) is not None:
            return login
        meta = get_object_or_404(MetaCluster.objects.select_related("lead"), slug=slug)
        if not can(request.user, Action.MANAGE_META_CLUSTER, meta):
            raise PermissionDenied
        return view(request, meta, **kwargs)

    return managed


def _detail(meta: MetaCluster, anchor: str = "") -> str:
    url = reverse("portal:cooperation:metacluster_detail", kwargs={"slug": meta.slug})
    return f"{url}#{anchor}" if anchor else url


def _form_page(
    request: HttpRequest,
    meta: MetaCluster,
    form: forms.Form,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    anchor: str,
    done: str,
    delete_url: str = "",
) -> HttpResponse:
    """Show `form`; on a valid POST call `save(cleaned_data)` and go back to the page."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except InvalidMetaCluster as invalid:
            report(form, invalid)
        except NotPermitted:
            form.add_error(None, _("You could no longer run the meta-cluster with this change."))
        else:
            messages.success(request, done)
            return redirect(_detail(meta, anchor))
    context = {
        "meta": meta,
        "form": form,
        "title": title,
        "cancel_url": _detail(meta, anchor),
        "delete_url": delete_url,
    }
    return render(request, FORM, context)


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def metacluster_edit(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    initial = {
        "name": meta.name,
        "ecosystem": meta.ecosystem,
        "sectors": "; ".join(meta.sectors),
        "description": meta.description,
        "founded": meta.founded.isoformat() if meta.founded else "",
        "lead": str(meta.lead_id or ""),
    }
    leads = current_clusters(meta).order_by("name")
    form = MetaClusterForm(request.POST or None, initial=initial, leads=leads)
    return _form_page(
        request,
        meta,
        form,
        lambda data: services.update_meta_cluster(meta, data, actor=actor(request)),
        title=_("Edit %(name)s") % {"name": meta.name},
        anchor="",
        done=_("The meta-cluster was saved."),
    )


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def metacluster_members(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    """The members with a "leaves" form each, and a form to add one."""
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_member(meta, data["cluster"], joined=data["joined"], actor=actor(request))
        except InvalidMetaCluster as invalid:
            report(form, invalid)
        else:
            messages.success(request, _("The cluster joined the meta-cluster."))
            return redirect("portal:cooperation:metacluster_members", slug=meta.slug)
    memberships = meta.memberships.select_related("cluster").order_by("left", "cluster__name")
    context = {"meta": meta, "form": form, "memberships": memberships, "leave_form": LeaveForm()}
    return render(request, "cooperation/metaclusters/members.html", context)


@require_POST
@meta_cluster_managed
def metacluster_leave(request: HttpRequest, meta: MetaCluster, pk: int) -> HttpResponse:
    membership = get_object_or_404(MetaClusterMembership, pk=pk, meta_cluster=meta)
    form = LeaveForm(request.POST)
    if not form.is_valid():  # unread, the date would be taken for today
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect("portal:cooperation:metacluster_members", slug=meta.slug)
    left = form.cleaned_data["left"]
    try:
        services.remove_member(meta, membership, left=left, actor=actor(request))
    except InvalidMetaCluster as invalid:
        for reason in invalid.errors.values():
            messages.error(request, reason)
    else:
        messages.success(request, _("The cluster left the meta-cluster."))
    return redirect("portal:cooperation:metacluster_members", slug=meta.slug)


def _person_values(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("cluster", "name", "email", "role")}


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def person_edit(request: HttpRequest, meta: MetaCluster, pk: int | None = None) -> HttpResponse:
    person = get_object_or_404(WorkingGroupMember, pk=pk, meta_cluster=meta) if pk else None
    initial = {}
    if person is not None:
        initial = {
            "cluster": str(person.cluster_id),
            "name": person.name,
            "email": person.email,
            "role": person.role,
        }
    clusters = current_clusters(meta).order_by("name")
    form = PersonForm(request.POST or None, initial=initial, clusters=clusters)
    delete = (
        reverse("portal:cooperation:person_delete", kwargs={"slug": meta.slug, "pk": pk})
        if pk
        else ""
    )
    return _form_page(
        request,
        meta,
        form,
        lambda data: group.save_person(
            meta, _person_values(data), actor=actor(request), person=person
        ),
        title=_("Working group member") if person else _("Add a working group member"),
        anchor="working-group",
        done=_("The working group was saved."),
        delete_url=delete,
    )


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def meeting_edit(request: HttpRequest, meta: MetaCluster, pk: int | None = None) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk, meta_cluster=meta) if pk else None
    initial = {}
    if meeting is not None:
        initial = {f: getattr(meeting, f) for f in ("place", "agenda", "minutes", "decisions")}
        initial["date"] = meeting.date.isoformat()
    form = MeetingForm(request.POST or None, initial=initial)
    delete = (
        reverse("portal:cooperation:meeting_delete", kwargs={"slug": meta.slug, "pk": pk})
        if pk
        else ""
    )
    return _form_page(
        request,
        meta,
        form,
        lambda data: group.save_meeting(meta, data, actor=actor(request), meeting=meeting),
        title=_("Meeting") if meeting else _("Add a meeting"),
        anchor="meetings",
        done=_("The meeting was saved."),
        delete_url=delete,
    )


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def plan_edit(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    plan = StrategicPlan.objects.filter(meta_cluster=meta).first()
    initial = {}
    if plan is not None:
        initial = {
            "vision": plan.vision,
            "period_start": plan.period_start or "",
            "period_end": plan.period_end or "",
            "adopted": plan.adopted.isoformat() if plan.adopted else "",
        }
    form = PlanForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        meta,
        form,
        lambda data: plans.save_plan(meta, data, actor=actor(request)),
        title=_("Strategic plan"),
        anchor="plan",
        done=_("The strategic plan was saved."),
    )


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def goal_edit(request: HttpRequest, meta: MetaCluster, pk: int | None = None) -> HttpResponse:
    goal = get_object_or_404(Goal, pk=pk, plan__meta_cluster=meta) if pk else None
    initial: dict[str, Any] = {}
    if goal is not None:
        initial = {f: getattr(goal, f) for f in ("title", "description", "indicator", "unit")}
        initial.update({f: _number(getattr(goal, f)) for f in ("baseline", "target", "current")})
        initial["position"] = goal.position
    form = GoalForm(request.POST or None, initial=initial)
    delete = (
        reverse("portal:cooperation:goal_delete", kwargs={"slug": meta.slug, "pk": pk})
        if pk
        else ""
    )
    return _form_page(
        request,
        meta,
        form,
        lambda data: plans.save_goal(meta, data, actor=actor(request), goal=goal),
        title=_("Goal") if goal else _("Add a goal"),
        anchor="plan",
        done=_("The goal was saved."),
        delete_url=delete,
    )


def _delete_page(
    request: HttpRequest,
    meta: MetaCluster,
    label: str,
    delete: Callable[[], object],
    anchor: str,
) -> HttpResponse:
    if request.method == "POST":
        delete()
        messages.success(request, _("Deleted; the history keeps it."))
        return redirect(_detail(meta, anchor))
    context = {"meta": meta, "label": label, "cancel_url": _detail(meta, anchor)}
    return render(request, "cooperation/metaclusters/confirm_delete.html", context)


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def person_delete(request: HttpRequest, meta: MetaCluster, pk: int) -> HttpResponse:
    person = get_object_or_404(WorkingGroupMember, pk=pk, meta_cluster=meta)
    return _delete_page(
        request,
        meta,
        person.name,
        lambda: group.delete_person(meta, person, actor=actor(request)),
        "working-group",
    )


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def meeting_delete(request: HttpRequest, meta: MetaCluster, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk, meta_cluster=meta)
    return _delete_page(
        request,
        meta,
        str(meeting),
        lambda: group.delete_meeting(meta, meeting, actor=actor(request)),
        "meetings",
    )


@require_http_methods(["GET", "POST"])
@meta_cluster_managed
def goal_delete(request: HttpRequest, meta: MetaCluster, pk: int) -> HttpResponse:
    goal = get_object_or_404(Goal, pk=pk, plan__meta_cluster=meta)
    return _delete_page(
        request,
        meta,
        goal.title,
        lambda: plans.delete_goal(meta, goal, actor=actor(request)),
        "plan",
    )
