"""Template context for every page."""

from __future__ import annotations

from django.http import HttpRequest

from clusterhub.registry.models import Cluster


def demo_banner(request: HttpRequest) -> dict[str, bool]:
    """Demo data is marked as such on every page while the registry holds any."""
    return {"has_demo": Cluster.objects.filter(is_demo=True).exists()}
