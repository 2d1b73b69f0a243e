"""A meta-cluster's history: every recorded change of it and of its parts, newest first.

The entries name working group people and hold their e-mail addresses, so only those the
policy lets run the meta-cluster see them (the managers' forms' own check: anonymous users
get the sign-in page, others 403).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusterhub.cooperation.metaclusters.history import metacluster_history as entries_of
from clusterhub.cooperation.models import MetaCluster
from clusterhub.cooperation.views.history import history_context
from clusterhub.cooperation.views.metacluster_parts import meta_cluster_managed


@require_GET
@meta_cluster_managed
def metacluster_history(request: HttpRequest, meta: MetaCluster) -> HttpResponse:
    context = {"meta": meta, **history_context(request, entries_of(meta.pk))}
    return render(request, "cooperation/metaclusters/history.html", context)
