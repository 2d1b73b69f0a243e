"""A meta-cluster's history: every recorded change of it and of its parts, newest first.

The entries name working group people and hold their e-mail addresses, so only those the
policy lets run the meta-cluster see them (the managers' forms' own check: anonymous users
get the sign-in page, others 403).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from clusterhub.cooperation.actionplans.records import ACTION, PLAN
from clusterhub.cooperation.metaclusters.history import metacluster_history as entries_of
from clusterhub.cooperation.metaclusters.records import (
    GOAL,
    MEETING,
    MEMBERSHIP,
    META_CLUSTER,
    STRATEGIC_PLAN,
    WORKING_GROUP_MEMBER,
)
from clusterhub.cooperation.models import MetaCluster
from clusterhub.cooperation.views.metacluster_parts import meta_cluster_managed

PAGE_SIZE = 50


def _labels() -> dict[str, str]:
    """The kinds of record in the history, named in the active language."""
    return {
        META_CLUSTER: _("meta-cluster"),
        MEMBERSHIP: _("meta-cluster membership"),
        WORKING_GROUP_MEMBER: _("working group member"),
        MEETING: _("meeting"),
        STRATEGIC_PLAN: _("strategic plan"),
        GOAL: _("goal"),
        PLAN: _("action plan"),
        ACTION: pgettext("action plan", "action"),
    }


@require_GET
@meta_cluster_managed
def metacluster_history(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    page = Paginator(entries_of(meta.pk), PAGE_SIZE).get_page(request.GET.get("page"))
    labels = _labels()
    entries = [(entry, labels.get(entry.model, entry.model)) for entry in page.object_list]
    context = {"meta": meta, "page": page, "entries": entries}
    return render(request, "cooperation/metaclusters/history.html", context)
