"""The cooperation section's front page: what it offers, and to whom."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusterhub.accounts.policy import Action, can, has_role, is_admin, managed_clusters
from clusterhub.cooperation.models import ActionPlan, MetaCluster
from clusterhub.registry.models import Cluster


@require_GET
def cooperation_hub(request: HttpRequest) -> HttpResponse:
    user = request.user
    coordinates = is_admin(user) or can(user, Action.COORDINATE)
    context = {
        "metaclusters": MetaCluster.objects.count(),
        "plans": ActionPlan.objects.count(),
        "has_role": has_role(user),
        "coordinates": coordinates,
        # A manager's way to their organisations' suggested partners (on each profile).
        "managed": list(
            Cluster.objects.filter(pk__in=managed_clusters(user)).order_by("name").only("name")
        ),
    }
    return render(request, "cooperation/hub.html", context)
