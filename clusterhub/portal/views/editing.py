"""Editing organisations and their members, their history, and restoring a version.

Every view asks the one policy (`can`) and writes through the registry services, so the
validation is the importer's and every change enters the history.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.policy import Action, NotPermitted, can
from clusterhub.accounts.sign_in import login_first
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.registry import services
from clusterhub.registry.forms import ClusterForm, MemberForm, NewClusterForm, initial_from_record
from clusterhub.registry.models import Cluster, Member
from clusterhub.registry.records import cluster_record, member_record


def _allow(request: HttpRequest, allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="portal")


@require_http_methods(["GET", "POST"])
def edit_cluster(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.EDIT, cluster))
    initial = initial_from_record(cluster_record(cluster))
    form = ClusterForm(request.POST or None, initial=initial, source_id=cluster.source_id)
    if request.method == "POST" and form.is_valid():
        values = form.clean_values
        moving = values.get("country") and values["country"] != cluster.country
        if moving and not can(request.user, Action.CREATE, values["country"]):
            form.add_error("country", _("You may not move the organisation to this country."))
        else:
            values["id"] = cluster.source_id
            with transaction.atomic():
                services.upsert_cluster(values, source=cluster.source, actor=_actor(request))
            messages.success(request, _("The profile was saved."))
            return redirect("portal:cluster_detail", pk=cluster.pk)
    return render(request, "portal/editing/cluster_form.html", {"form": form, "cluster": cluster})


@require_http_methods(["GET", "POST"])
def new_cluster(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    form = NewClusterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = form.clean_values
        _allow(request, can(request.user, Action.CREATE, values["country"]))
        source = values["country"]
        if Cluster.objects.filter(source=source, source_id=values["id"]).exists():
            form.add_error("id", _("An organisation of this source already has this id."))
        else:
            with transaction.atomic():
                cluster, _outcome = services.upsert_cluster(
                    values, source=source, actor=_actor(request)
                )
            return redirect("portal:cluster_detail", pk=cluster.pk)
    return render(request, "portal/editing/cluster_form.html", {"form": form, "cluster": None})


@require_http_methods(["GET", "POST"])
def delete_cluster(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.DELETE, cluster))
    if request.method == "POST":
        with transaction.atomic():
            services.delete_cluster(cluster, actor=_actor(request))
        messages.success(request, _("The organisation was deleted; its history is kept."))
        return redirect("portal:cluster_list")
    return render(
        request, "portal/editing/confirm_delete.html", {"object": cluster, "cluster": cluster}
    )


@require_http_methods(["GET", "POST"])
def edit_member(request: HttpRequest, pk: int, member_pk: int | None = None) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.EDIT_MEMBERS, cluster))
    member = get_object_or_404(Member, pk=member_pk, cluster=cluster) if member_pk else None
    initial = initial_from_record(member_record(member, cluster.source_id)) if member else {}
    form = MemberForm(request.POST or None, initial=initial, cluster_id=cluster.source_id)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.save_member(
                    cluster, form.clean_values, actor=_actor(request), member=member
                )
        except services.DuplicateMember:
            form.add_error("name", _("Another member of this organisation has this name."))
        else:
            messages.success(request, _("The member was saved."))
            return redirect("portal:cluster_detail", pk=cluster.pk)
    context = {"form": form, "cluster": cluster, "member": member}
    return render(request, "portal/editing/member_form.html", context)


@require_POST
def delete_member(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.EDIT_MEMBERS, cluster))
    member = get_object_or_404(Member, pk=member_pk, cluster=cluster)
    with transaction.atomic():
        services.delete_member(member, actor=_actor(request))
    messages.success(request, _("The member was removed."))
    return redirect("portal:cluster_detail", pk=cluster.pk)


def _diff(entry: AuditEntry) -> list[dict[str, Any]]:
    before, after = entry.before or {}, entry.after or {}
    return [
        {"field": name, "before": before.get(name), "after": after.get(name)}
        for name in entry.changed_fields()
    ]


def history(request: HttpRequest, pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.VIEW_HISTORY, cluster))
    member_ids = [str(i) for i in cluster.members.values_list("pk", flat=True)]
    entries = AuditEntry.objects.filter(model="cluster", object_id=str(cluster.pk)).order_by(
        "-timestamp", "-id"
    )
    member_entries = AuditEntry.objects.filter(model="member", object_id__in=member_ids).order_by(
        "-timestamp", "-id"
    )[:200]
    context = {
        "cluster": cluster,
        "entries": [{"entry": e, "diff": _diff(e)} for e in entries],
        "member_entries": [{"entry": e, "diff": _diff(e)} for e in member_entries],
        "can_restore": can(request.user, Action.RESTORE, cluster),
    }
    return render(request, "portal/editing/history.html", context)


@require_POST
def restore(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    cluster = get_object_or_404(Cluster, pk=pk)
    _allow(request, can(request.user, Action.RESTORE, cluster))
    entry = get_object_or_404(AuditEntry, pk=entry_pk, model="cluster", object_id=str(cluster.pk))
    if not entry.after:
        raise PermissionDenied
    try:
        with transaction.atomic():
            services.restore_cluster(cluster, entry.after, actor=_actor(request))
    except NotPermitted:
        # An earlier version may have the organisation in another country: restoring it is
        # a move, which the policy judges as an edit of the country would be.
        messages.error(
            request,
            _(
                "This version puts the organisation in a country whose registry you may not "
                "change, so it was not restored."
            ),
        )
        return redirect("portal:history", pk=cluster.pk)
    messages.success(
        request,
        _("The version of %(time)s was restored.") % {"time": f"{entry.timestamp:%Y-%m-%d %H:%M}"},
    )
    return redirect("portal:history", pk=cluster.pk)
