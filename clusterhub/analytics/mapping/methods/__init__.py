"""Mapping methods: one registry, one module per method.

A method takes the cells of `engine.cells` and returns them with its own columns. Adding a
method is one module and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import ibis.expr.types as ir

from clusterhub.analytics.mapping.methods import cmp, stars


@dataclass(frozen=True)
class Method:
    """A mapping method: what it adds to the cells, its columns and its parameters."""

    name: str
    summary: str
    apply: Callable[[ir.Table, Mapping[str, float | str], bool], ir.Table]
    columns: tuple[str, ...]
    defaults: Mapping[str, float | str]


METHODS: dict[str, Method] = {
    "cmp": Method(
        "cmp",
        "US Cluster Mapping Project: qualifying, significant, strong and strong10 flags",
        cmp.flags,
        cmp.COLUMNS,
        cmp.DEFAULTS,
    ),
    "stars": Method(
        "stars",
        "European Cluster Observatory: 0-3 stars for size, specialisation and focus",
        stars.flags,
        stars.COLUMNS,
        stars.DEFAULTS,
    ),
}
