"""The meta-cluster pages anyone may read (the list, a meta-cluster with its figures, map,
members, working group, meetings and strategic plan) and the coordinators' forms that create
one, by hand or from a candidate. The managers' forms are in `metacluster_parts`."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from clusterhub.accounts.policy import (
    Action,
    NotPermitted,
    can,
    coordinated_countries,
    is_admin,
)
from clusterhub.accounts.sign_in import login_first
from clusterhub.cooperation.candidates import find_candidates
from clusterhub.cooperation.forms.metaclusters import (
    CandidateForm,
    CandidateSettingsForm,
    NewMetaClusterForm,
    report,
)
from clusterhub.cooperation.metaclusters import group, services
from clusterhub.cooperation.metaclusters.checks import InvalidMetaCluster
from clusterhub.cooperation.metaclusters.figures import (
    current_clusters,
    figures,
    figures_of,
    progress,
)
from clusterhub.cooperation.models import ActionPlan, Goal, MetaCluster, StrategicPlan
from clusterhub.cooperation.views.access import actor
from clusterhub.registry import geo, vocabulary_labels
from clusterhub.registry.models import Cluster, Region
from clusterhub.registry.nace_labels import nace_title
from clusterhub.standard import vocabularies as vocab

GEOJSON = "application/geo+json"
REGION_LEVELS = (2, 3)
NEW_LEADS_SHOWN = 2000  # the lead choices of the "new" form (a coordinator's countries)
CANDIDATES_SHOWN = 30


def may_create(user: Any) -> bool:
    return is_admin(user) or can(user, Action.COORDINATE)


def ecosystem_label(code: str) -> str:
    return vocabulary_labels.label(vocab.ECOSYSTEMS, code) if code else ""


@require_GET
def metacluster_list(request: HttpRequest) -> HttpResponse:
    metas = list(MetaCluster.objects.select_related("lead"))
    numbers = figures_of(metas)
    rows = [
        {"meta": m, "figures": numbers[m.pk], "ecosystem": ecosystem_label(m.ecosystem)}
        for m in metas
    ]
    context = {"rows": rows, "may_create": may_create(request.user)}
    return render(request, "cooperation/metaclusters/list.html", context)


def _plan(meta: MetaCluster) -> tuple[StrategicPlan | None, list[dict[str, Any]]]:
    plan = (
        StrategicPlan.objects.filter(meta_cluster=meta)
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.prefetch_related("actions")))
        .first()
    )
    if plan is None:
        return None, []
    goals = []
    for goal in plan.goals.all():
        share = progress(goal)
        goals.append(
            {
                "goal": goal,
                "percent": None if share is None else round(share * 100),
                "actions": list(goal.actions.all()),
            }
        )
    return plan, goals


def _action_plans(meta: MetaCluster) -> list[ActionPlan]:
    """The meta-cluster's own action plans and those whose actions serve its goals (a
    member's plan, which the goals' actions link to)."""
    serving = Q(meta_cluster=meta) | Q(actions__goal__plan__meta_cluster=meta)
    return list(ActionPlan.objects.filter(serving).distinct().order_by("title"))


@require_GET
def metacluster_detail(request: HttpRequest, slug: str) -> HttpResponse:
    meta = get_object_or_404(MetaCluster.objects.select_related("lead"), slug=slug)
    memberships = list(meta.memberships.select_related("cluster__nuts").order_by("cluster__name"))
    plan, goals = _plan(meta)
    numbers = figures(meta)
    regions = dict(Region.objects.filter(code__in=numbers.regions).values_list("code", "name"))
    context = {
        "meta": meta,
        "figures": numbers,
        "countries": [(c, vocabulary_labels.country_label(c)) for c in numbers.countries],
        "regions": [(code, regions.get(code, "")) for code in numbers.regions],
        "ecosystem": ecosystem_label(meta.ecosystem),
        "sectors": [(code, nace_title(code)) for code in meta.sectors],  # in the reader's language
        "current": [m for m in memberships if m.left is None],
        "former": [m for m in memberships if m.left is not None],
        "working_group": sorted(
            meta.working_group.select_related("cluster"),
            key=lambda p: (group.ROLES.index(p.role) if p.role in group.ROLES else 9, p.name),
        ),
        "meetings": list(meta.meetings.all()),
        "plan": plan,
        "goals": goals,
        "action_plans": _action_plans(meta),
        "may_manage": can(request.user, Action.MANAGE_META_CLUSTER, meta),
        "sees_people": can(request.user, Action.VIEW_PERSONAL),
        "region_levels": list(REGION_LEVELS),
    }
    return render(request, "cooperation/metaclusters/detail.html", context)


@require_GET
def metacluster_map_data(request: HttpRequest, slug: str) -> HttpResponse:
    """The current members with coordinates, as the portal's map reads them."""
    meta = get_object_or_404(MetaCluster, slug=slug)
    extra = {"region_levels": [lvl for lvl in geo.shape_levels() if lvl in REGION_LEVELS]}
    body = geo.cluster_points(current_clusters(meta), geo.profile_url_builder(), extra)
    return HttpResponse(body, content_type=GEOJSON)


@require_GET
def metacluster_region_data(request: HttpRequest, slug: str) -> HttpResponse:
    meta = get_object_or_404(MetaCluster, slug=slug)
    raw = request.GET.get("level", "")
    # isdecimal, not isdigit: int() refuses "²".
    level = int(raw) if raw.isdecimal() and int(raw) in REGION_LEVELS else REGION_LEVELS[0]
    counts = geo.region_counts(current_clusters(meta), level)
    return HttpResponse(geo.region_features(level, counts), content_type=GEOJSON)


def _lead_choices(user: Any) -> list[Cluster]:
    clusters = Cluster.objects.order_by("country", "name")
    if not is_admin(user):
        clusters = clusters.filter(country__in=coordinated_countries(user))
    return list(clusters.only("pk", "name", "country")[:NEW_LEADS_SHOWN])


def _created(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    messages.success(request, _("The meta-cluster was created."))
    return redirect("portal:cooperation:metacluster_detail", slug=meta.slug)


@require_http_methods(["GET", "POST"])
def metacluster_new(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    if not may_create(request.user):
        raise PermissionDenied
    form = NewMetaClusterForm(request.POST or None, leads=_lead_choices(request.user))
    if request.method == "POST" and form.is_valid():
        values = {k: form.cleaned_data[k] for k in ("name", "ecosystem", "sectors")}
        values.update(description=form.cleaned_data["description"])
        values.update(founded=form.cleaned_data["founded"])
        try:
            meta = services.create_meta_cluster(
                values,
                lead=form.cleaned_data["lead"],
                members=form.member_ids(),
                actor=actor(request),
            )
        except InvalidMetaCluster as invalid:
            report(form, invalid)
        except NotPermitted:
            form.add_error("lead", _("You may not create a meta-cluster led from this country."))
        else:
            return _created(request, meta)
    context = {"form": form, "title": _("New meta-cluster")}
    return render(request, "cooperation/metaclusters/form.html", context)


@require_http_methods(["GET", "POST"])
def metacluster_from_candidate(request: HttpRequest) -> HttpResponse:
    """One candidate (JSON, as the `metaclusters` command prints it) becomes a meta-cluster."""
    if (login := login_first(request)) is not None:
        return login
    if not may_create(request.user):
        raise PermissionDenied
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = json.loads(form.cleaned_data["candidate"])
        except (ValueError, RecursionError) as error:  # too deeply nested: RecursionError
            form.add_error("candidate", _not_json(error))
        else:
            if isinstance(candidate, list) and len(candidate) == 1:
                candidate = candidate[0]  # the command's list, with the one candidate wanted
            return _create_from(request, form, candidate)
    settings = CandidateSettingsForm(request.GET or None)
    searched = {
        k: v for k, v in (settings.cleaned_data if settings.is_valid() else {}).items() if v
    }
    context = {
        "form": form,
        "title": _("New meta-cluster from a candidate"),
        "settings": settings,
        "candidates": _offered(request.user, searched) if request.method == "GET" else [],
    }
    return render(request, "cooperation/metaclusters/form.html", context)


def _not_json(error: Exception) -> str:
    """Where the text stops being JSON, in the reader's language (the parser's own message
    is English: "Expecting property name enclosed in double quotes")."""
    if isinstance(error, json.JSONDecodeError):
        where = {"line": error.lineno, "column": error.colno}
        return (
            _("This is not JSON: it stops being JSON at line %(line)d, column %(column)d.") % where
        )
    return _("This is not JSON: it is nested too deeply.")


def _offered(user: Any, settings: dict[str, Any]) -> list[dict[str, Any]]:
    """The registry's candidates (searched with `settings`, those of `CandidateSettingsForm`
    that are given) with a cluster in a country the user coordinates (all for admins),
    each with its JSON for the one-step form; not those whose clusters all belong to one
    meta-cluster already (formed: nothing to create)."""
    countries = None if is_admin(user) else coordinated_countries(user)
    offered = []
    for candidate in find_candidates(**settings):
        if _formed(candidate):
            continue
        if countries is None or countries & set(candidate["countries"]):
            offered.append({**candidate, "json": json.dumps(candidate, ensure_ascii=False)})
    return offered[:CANDIDATES_SHOWN]


def _formed(candidate: dict[str, Any]) -> bool:
    return any(
        r["code"] == "existing_meta_cluster" and r["value"] >= 1.0 for r in candidate["reasons"]
    )


def _create_from(request: HttpRequest, form: CandidateForm, candidate: Any) -> HttpResponse:
    data = form.cleaned_data
    try:
        meta = services.create_from_candidate(
            candidate,
            name=data["name"],
            lead=data["lead"],
            founded=data["founded"],
            actor=actor(request),
        )
    except InvalidMetaCluster as invalid:
        report(form, invalid)
    except NotPermitted:
        form.add_error("lead", _("Choose a lead cluster in a country you coordinate."))
    else:
        return _created(request, meta)
    context = {"form": form, "title": _("New meta-cluster from a candidate")}
    return render(request, "cooperation/metaclusters/form.html", context)
