"""Partner suggestions on the portal: the section of a profile, dismissing and restoring a
suggestion, and the coordinators' table of every organisation's best partners.

Profiles and table read the tables the service caches per registry state: a page costs a
fixed number of queries, however many suggestions it shows.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.policy import Action, can, coordinated_countries, is_admin
from clusterhub.analytics.partners import Reason, Suggestion
from clusterhub.cooperation.models import SuggestionDismissal
from clusterhub.cooperation.suggestions.reasons import reason_text
from clusterhub.cooperation.suggestions.service import (
    NotInRegistry,
    dismiss,
    restore,
    suggestions_for,
    suggestions_for_all,
)
from clusterhub.cooperation.views.access import actor
from clusterhub.exchange.formats.base import csv_row_writer, text_cell
from clusterhub.registry.models import Cluster

PROFILE_TOP = 10
TABLE_TOP = 3
PAGE_SIZE = 50


def may_see_table(user: Any) -> bool:
    return is_admin(user) or can(user, Action.COORDINATE)


def profile_suggestions(user: Any, cluster: Cluster) -> dict[str, Any] | None:
    """The "Suggested partners" section of a profile, or None for users without a role."""
    if not can(user, Action.VIEW_SUGGESTIONS, cluster):
        return None
    try:
        partners = suggestions_for(cluster, PROFILE_TOP)
    except NotInRegistry:  # created after the tables were read: shown on the next change
        partners = []
    # A candidate with no reason at all is no suggestion (the engine ranks everyone).
    partners = [p for p in partners if p.score > 0]
    may_dismiss = can(user, Action.DISMISS_SUGGESTION, cluster)
    dismissed = []
    if may_dismiss:
        dismissed = list(
            SuggestionDismissal.objects.filter(cluster=cluster)
            .order_by("candidate__name", "candidate_id")
            .values("candidate_id", "candidate__name", "candidate__country")
        )
    return {
        "partners": partners,
        "may_dismiss": may_dismiss,
        "dismissed": [
            {
                "id": d["candidate_id"],
                "name": d["candidate__name"],
                "country": d["candidate__country"],
            }
            for d in dismissed
        ],
        "may_see_table": may_see_table(user),
    }


def _profile(pk: int) -> str:
    return reverse("portal:cluster_detail", args=[pk]) + "#suggestions"


def _pair(request: HttpRequest, pk: int, candidate: int) -> tuple[Cluster, Cluster]:
    cluster = get_object_or_404(Cluster, pk=pk)
    other = get_object_or_404(Cluster, pk=candidate)
    if not can(request.user, Action.DISMISS_SUGGESTION, cluster):
        raise PermissionDenied
    return cluster, other


@require_POST
def dismiss_suggestion(request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
    cluster, other = _pair(request, pk, candidate)
    dismiss(cluster, other, actor(request))
    messages.success(
        request,
        _("%(candidate)s will not be suggested to %(cluster)s again.")
        % {"candidate": other.name, "cluster": cluster.name},
    )
    return redirect(_profile(cluster.pk))


@require_POST
def restore_suggestion(request: HttpRequest, pk: int, candidate: int) -> HttpResponse:
    cluster, other = _pair(request, pk, candidate)
    restore(cluster, other, actor(request))
    messages.success(
        request,
        _("%(candidate)s may be suggested to %(cluster)s again.")
        % {"candidate": other.name, "cluster": cluster.name},
    )
    return redirect(_profile(cluster.pk))


def _main_reason(reasons: list[Reason]) -> str:
    """The reason that weighs most: the first, as reasons come sorted by value."""
    return reason_text(reasons[0]) if reasons else ""


def _countries(request: HttpRequest) -> tuple[list[str], str]:
    """The countries the user may see (all listed ones for an admin) and the one chosen;
    a coordinator asking for another country's table is refused."""
    user = request.user
    chosen = request.GET.get("country", "").strip().upper()[:2]
    if is_admin(user):
        present = Cluster.objects.order_by("country").values_list("country", flat=True)
        return list(present.distinct()), chosen
    allowed = sorted(coordinated_countries(user))
    if chosen and chosen not in allowed:
        raise PermissionDenied
    return allowed, chosen


def _page_rows(ids: list[int]) -> dict[int, list[Suggestion]]:
    """The best partners of the organisations `ids` (none for one the tables lack yet)."""
    found: dict[int, list[Suggestion]] = {cluster_id: [] for cluster_id in ids}
    for cluster_id, _name, _country, best in suggestions_for_all(
        TABLE_TOP, cluster_ids=ids, explain=True, explained=1
    ):
        found[cluster_id] = [s for s in best if s.score > 0]
    return found


def _table_order(countries: list[str] | None) -> Any:
    """(id, name, country) of the organisations of `countries` (None: all) in the table's
    order, which the CSV follows too."""
    organisations = Cluster.objects.order_by("country", "name", "id")
    if countries is not None:
        organisations = organisations.filter(country__in=countries)
    return organisations.values_list("id", "name", "country")


def suggestion_table(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """Every organisation of the user's countries (an admin: all, or one country) with its
    best partners, a page at a time; the whole table as CSV."""
    if not may_see_table(request.user):
        raise PermissionDenied
    countries, chosen = _countries(request)
    wanted = [chosen] if chosen else countries
    organisations = _table_order(wanted if chosen or not is_admin(request.user) else None)
    if request.GET.get("format") == "csv":
        return _csv([row[0] for row in organisations])
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    listed = list(page.object_list)
    best = _page_rows([row[0] for row in listed])
    rows = [
        {
            "id": cluster_id,
            "name": name,
            "country": country,
            "partners": [
                {
                    "id": s.id,
                    "name": s.name,
                    "country": s.country,
                    "score": s.score,
                    "reason": _main_reason(s.reasons),
                }
                for s in best[cluster_id]
            ],
        }
        for cluster_id, name, country in listed
    ]
    params = [("country", chosen)] if chosen else []

    def link(**extra: str) -> str:
        return "?" + urlencode([*params, *extra.items()])

    context = {
        "rows": rows,
        "page": page,
        "countries": countries,
        "chosen": chosen,
        "may_filter": len(countries) > 1,
        "top": TABLE_TOP,
        "previous_link": link(page=str(page.number - 1)) if page.has_previous() else "",
        "next_link": link(page=str(page.number + 1)) if page.has_next() else "",
        "csv_link": link(format="csv"),
    }
    return render(request, "cooperation/suggestions/table.html", context)


CSV_COLUMNS = (
    "id",
    "name",
    "country",
    "rank",
    "partner_id",
    "partner_name",
    "partner_country",
    "score",
    "main_reason",
)


def _csv(ids: list[int]) -> StreamingHttpResponse:
    """One row per suggestion of the organisations `ids`, in that order (the table's), sent
    as it is ranked: the first rows leave at once, and memory holds one chunk, not the table."""

    language = translation.get_language()

    def lines() -> Iterator[str]:
        out = io.StringIO()
        write = csv_row_writer(out)
        write(list(CSV_COLUMNS))
        with translation.override(language):  # the rows are written after the view returned
            for start in range(0, len(ids), CSV_FLUSH):
                chunk = ids[start : start + CSV_FLUSH]
                # The service ranks in its tables' order (registry id): put the table's back.
                ranked = {
                    row[0]: row
                    for row in suggestions_for_all(
                        TABLE_TOP, cluster_ids=chunk, explain=True, explained=1
                    )
                }
                for cluster_id in chunk:
                    if cluster_id not in ranked:  # added since the tables were built
                        continue
                    _, name, country, found = ranked[cluster_id]
                    for rank, s in enumerate((s for s in found if s.score > 0), start=1):
                        cells = (cluster_id, name, country, rank, s.id, s.name, s.country)
                        reason = text_cell(_main_reason(s.reasons))
                        write([*map(text_cell, cells), f"{s.score:.4f}", reason])
                yield _drain(out)
        yield _drain(out)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partner-suggestions.csv"'
    return response


CSV_FLUSH = 200  # organisations per piece of the streamed CSV


def _drain(out: io.StringIO) -> str:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text
