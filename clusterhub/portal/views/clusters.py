"""Search and profile pages of cluster organisations."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.policy import Action, can
from clusterhub.benchmarking.peers import peer_comparison
from clusterhub.cooperation.views.suggestions import profile_suggestions
from clusterhub.mapping.queries import region_badges
from clusterhub.registry import profiles
from clusterhub.registry.models import Cluster
from clusterhub.registry.search import ClusterQuery, search

FACET_TITLES = {
    "country": _("Country"),
    "nuts": _("Region"),
    "ecosystem": _("Industrial ecosystem"),
    "sector": _("Sector (NACE)"),
    "lifecycle": _("Lifecycle stage"),
    "label": _("Label"),
    "service": _("Services offered"),
    "need": _("Needs"),
    "coop_country": _("Cooperation with"),
}
SORT_LABELS = {
    "name": _("Name A–Z"),  # noqa: RUF001
    "-name": _("Name Z–A"),  # noqa: RUF001
    "country": _("Country"),
    "members": _("Most members"),
    "founded": _("Oldest first"),
    "-founded": _("Newest first"),
    "updated": _("Recently updated"),
}


def _link(query: ClusterQuery) -> str:
    params = query.params()
    return "?" + urlencode(params) if params else "?"


def _toggle(query: ClusterQuery, name: str, code: str) -> str:
    current: tuple[str, ...] = getattr(query, name)
    codes = tuple(c for c in current if c != code) if code in current else (*current, code)
    return _link(query.with_codes(name, codes))


def cluster_list(request: HttpRequest) -> HttpResponse:
    query = ClusterQuery.from_params(request.GET)
    result = search(query)
    facets = [
        {
            "name": name,
            "title": FACET_TITLES[name],
            "values": [{"value": v, "link": _toggle(result.query, name, v.code)} for v in values],
        }
        for name, values in result.facets.items()
        if values
    ]
    context = {
        "result": result,
        "query": result.query,
        "facets": facets,
        "sorts": [(key, label, key == result.query.sort) for key, label in SORT_LABELS.items()],
        "share_link": _link(result.query),
        "previous_link": _link(result.query.with_page(result.query.page - 1)),
        "next_link": _link(result.query.with_page(result.query.page + 1)),
        "clear_link": "?",
    }
    template = "portal/clusters/results.html" if request.htmx else "portal/clusters/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _script_safe_json(data: object) -> str:
    """JSON that cannot close its <script> element, whatever text a source wrote."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = get_object_or_404(Cluster.objects.select_related("nuts"), pk=pk)
    if not can(request.user, Action.VIEW, cluster):
        raise Http404
    profile = profiles.profile(cluster, personal=can(request.user, Action.VIEW_PERSONAL, cluster))
    context = {
        "cluster": cluster,
        "profile": profile,
        "json_ld": _script_safe_json(profiles.json_ld(cluster, settings.SITE_URL + request.path)),
        "can_edit": can(request.user, Action.EDIT, cluster),
        "can_delete": can(request.user, Action.DELETE, cluster),
        "mapping_badges": region_badges(cluster),
        # The comparison reveals the organisation's own survey answers: managers only.
        "peers": peer_comparison(cluster)
        if can(request.user, Action.VIEW_BENCHMARK, cluster)
        else None,
        # Signed-in users with a role (None for others); from the cached tables.
        "suggestions": profile_suggestions(request.user, cluster),
    }
    return render(request, "portal/clusters/detail.html", context)
