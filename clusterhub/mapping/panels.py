"""Panels that apps above the mapping add to its category pages.

The mapping sits below the apps that know more about a category (cooperation's related
industries), so it cannot import them; they register a panel here instead (in their
AppConfig.ready), and the category page renders every registered panel that has something
to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from clusterhub.mapping.models import MappingCategory, MappingResult

# (request, result set, category) -> (template, context), or None when it has nothing to show.
CategoryPanel = Callable[
    [HttpRequest, MappingResult, MappingCategory], tuple[str, dict[str, Any]] | None
]

_category_panels: list[CategoryPanel] = []


def register_category_panel(panel: CategoryPanel) -> CategoryPanel:
    """Add a panel to every category page (once, however often it is registered)."""
    if panel not in _category_panels:
        _category_panels.append(panel)
    return panel


def category_panels(
    request: HttpRequest, result: MappingResult, category: MappingCategory
) -> list[SafeString]:
    """The registered panels' HTML for this category, in the order they were registered."""
    rendered = []
    for panel in _category_panels:
        shown = panel(request, result, category)
        if shown is not None:
            template, context = shown
            rendered.append(render_to_string(template, context, request=request))
    return rendered
