"""The demo's relatedness of industries: computed with the default measure from the demo
mapping's employment (the newest year of its star-rating result) and stored as a named set,
so that partner suggestions rank related industries by it and the mapping's category pages
show their related industries."""

from __future__ import annotations

import pandas as pd

from clusterhub.analytics.relatedness import DEFAULT_MEASURE, relatedness
from clusterhub.audit.services import Actor
from clusterhub.cooperation.models import RelatednessResult
from clusterhub.cooperation.relatedness_store import store_relatedness
from clusterhub.demo.mapping import DEMO_NAMES
from clusterhub.mapping.models import MappingCell, MappingResult

DEMO_NAME = "Demo relatedness (co-location of employment)"


def load_demo_relatedness() -> str | None:
    """Store the demo set once; returns its name, or None without a demo mapping."""
    if RelatednessResult.objects.filter(name=DEMO_NAME).exists():
        return None
    result = MappingResult.objects.filter(name=DEMO_NAMES["stars"]).first()
    if result is None:
        return None
    cells = MappingCell.objects.filter(result=result, employment__isnull=False)
    frame = pd.DataFrame(
        list(cells.values_list("region", "category", "year", "employment")),
        columns=["region", "category", "year", "employment"],
    )
    if frame.empty:
        return None
    matrix = relatedness(frame, DEFAULT_MEASURE)
    store_relatedness(
        matrix,
        name=DEMO_NAME,
        measure=DEFAULT_MEASURE,
        source=result.name,
        description="Generated demo data: related industries from the demo mapping's employment.",
        actor=Actor.system("demo", context="demo"),
    )
    return DEMO_NAME
