"""Template context for every page."""

from __future__ import annotations

from django.http import HttpRequest

from clusterhub.accounts.policy import coordinated_countries, is_admin
from clusterhub.registry.models import Cluster


def demo_banner(request: HttpRequest) -> dict[str, bool]:
    """Demo data is marked as such on every page while the registry holds any."""
    return {"has_demo": Cluster.objects.filter(is_demo=True).exists()}


def roles(request: HttpRequest) -> dict[str, bool]:
    """What the navigation offers the visitor."""
    user = getattr(request, "user", None)
    return {"can_import": bool(is_admin(user) or coordinated_countries(user))}
