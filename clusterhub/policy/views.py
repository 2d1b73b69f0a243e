"""The portal's pages of policy initiatives: search, detail, and editing for permitted users.

Every view asks the one policy (`can`) and writes through `policy.services`, so the
validation is the importer's and every change enters the history.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.policy import Action, can, coordinated_countries, is_admin
from clusterhub.accounts.sign_in import login_first
from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.policy import services
from clusterhub.policy.forms import InitiativeForm, SearchForm, initial_values
from clusterhub.policy.models import Initiative
from clusterhub.policy.queries import initiatives_for
from clusterhub.policy.records import initiative_record, initiative_tags
from clusterhub.registry import vocabulary_labels
from clusterhub.registry.forms import initial_from_record
from clusterhub.registry.services.taxonomy import nace_name
from clusterhub.standard import vocabularies as vocab

PAGE_SIZE = 20


def _actor(request: HttpRequest) -> Actor:
    return Actor.person(request.user, context="portal")


def _may_add(user: Any) -> bool:
    return is_admin(user) or bool(coordinated_countries(user))


def initiative_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    found = initiatives_for(**form.filters()).prefetch_related("tags")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    params = [(k, v) for k, v in request.GET.items() if k != "page"]

    def link(number: int) -> str:
        return "?" + urlencode([*params, ("page", str(number))])

    context = {
        "form": form,
        "page": page,
        "initiatives": [_card(i) for i in page.object_list],
        "previous_link": link(page.number - 1) if page.has_previous() else "",
        "next_link": link(page.number + 1) if page.has_next() else "",
        "share_link": "?" + urlencode(params) if params else "?",
        "can_add": _may_add(request.user),
    }
    template = "policy/results.html" if request.htmx else "policy/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _card(initiative: Initiative) -> dict[str, Any]:
    tags = initiative_tags(initiative)
    return {
        "initiative": initiative,
        "ecosystems": [vocabulary_labels.label(vocab.ECOSYSTEMS, c) for c in tags["ecosystems"]],
        "sectors": tags["sectors"],
        "open_to_all": not (tags["ecosystems"] or tags["sectors"]),
    }


def initiative_detail(request: HttpRequest, code: str) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.select_related("region").prefetch_related("tags"), code=code
    )
    tags = initiative_tags(initiative)
    may_edit = can(request.user, Action.EDIT_INITIATIVE, initiative)
    history = (
        AuditEntry.objects.filter(model=services.MODEL, object_id=str(initiative.pk))[:50]
        if may_edit
        else []
    )
    context = {
        "initiative": initiative,
        "country_name": vocabulary_labels.country_label(initiative.country),
        "sectors": [(code, nace_name(code)) for code in tags["sectors"]],
        "ecosystems": [
            (code, vocabulary_labels.label(vocab.ECOSYSTEMS, code)) for code in tags["ecosystems"]
        ],
        "open_to_all": not (tags["ecosystems"] or tags["sectors"]),
        "can_edit": may_edit,
        "history": history,
    }
    return render(request, "policy/detail.html", context)


def _target(values: dict[str, Any]) -> str:
    """What the policy is asked about for the values of a form: the country, "" for EU."""
    return "" if values.get("level") == "eu" else values.get("country") or ""


@require_http_methods(["GET", "POST"])
def new_initiative(request: HttpRequest) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    if not _may_add(request.user):
        raise PermissionDenied
    form = InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = form.clean_values
        if not can(request.user, Action.EDIT_INITIATIVE, _target(values)):
            form.add_error(None, _("You may not add initiatives of this level or country."))
        elif Initiative.objects.filter(code=values["code"]).exists():
            form.add_error("code", _("Another initiative already has this code."))
        else:
            return _save(request, form, values, None)
    return render(request, "policy/form.html", {"form": form, "initiative": None})


@require_http_methods(["GET", "POST"])
def edit_initiative(request: HttpRequest, code: str) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    initiative = get_object_or_404(Initiative, code=code)
    if not can(request.user, Action.EDIT_INITIATIVE, initiative):
        raise PermissionDenied
    initial = initial_values(initial_from_record(initiative_record(initiative)))
    form = InitiativeForm(request.POST or None, initial=initial, code=initiative.code)
    if request.method == "POST" and form.is_valid():
        values = {**form.clean_values, "code": initiative.code}
        if not can(request.user, Action.EDIT_INITIATIVE, _target(values)):
            form.add_error(None, _("You may not move the initiative to this level or country."))
        else:
            return _save(request, form, values, initiative)
    context = {"form": form, "initiative": initiative}
    return render(request, "policy/form.html", context)


def _save(
    request: HttpRequest, form: InitiativeForm, values: dict[str, Any], current: Any
) -> HttpResponse:
    try:
        with transaction.atomic():
            saved, _outcome = services.upsert_initiative(values, actor=_actor(request))
    except services.InvalidInitiative as invalid:
        form.report(invalid.problems)
        context = {"form": form, "initiative": current}
        return render(request, "policy/form.html", context)
    messages.success(request, _("The initiative was saved."))
    return redirect("portal:policy_detail", code=saved.code)


@require_http_methods(["GET", "POST"])
def delete_initiative(request: HttpRequest, code: str) -> HttpResponse:
    if (login := login_first(request)) is not None:
        return login
    initiative = get_object_or_404(Initiative, code=code)
    if not can(request.user, Action.EDIT_INITIATIVE, initiative):
        raise PermissionDenied
    if request.method == "POST":
        with transaction.atomic():
            services.delete_initiative(initiative, actor=_actor(request))
        messages.success(request, _("The initiative was deleted; its history is kept."))
        return redirect("portal:policy_list")
    return render(request, "policy/confirm_delete.html", {"initiative": initiative})
