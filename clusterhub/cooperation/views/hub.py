"""The cooperation section's front page: what it offers, and to whom."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusterhub.accounts.policy import Action, can, has_role, is_admin
from clusterhub.cooperation.models import ActionPlan, MetaCluster


@require_GET
def cooperation_hub(request: HttpRequest) -> HttpResponse:
    user = request.user
    coordinates = is_admin(user) or can(user, Action.COORDINATE)
    context = {
        "metaclusters": MetaCluster.objects.count(),
        "plans": ActionPlan.objects.count(),
        "has_role": has_role(user),
        "coordinates": coordinates,
    }
    return render(request, "cooperation/hub.html", context)
