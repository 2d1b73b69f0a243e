"""The most promising sectors for cross-regional meta-clusters: a chart of the best sectors'
scores stacked by criterion, and a table of them with their reasons. Aggregates of the
registry only: public."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clusterhub.analytics.sectors import CRITERIA, DEFAULT_WEIGHTS
from clusterhub.cooperation.sectors import (
    chart_spec,
    criterion_names,
    explained,
    kind_name,
    ranked_sectors,
    sector_name,
)

SHOWN = 20


@require_GET
def sectors_page(request: HttpRequest) -> HttpResponse:
    ranks = ranked_sectors(SHOWN)
    names = criterion_names()
    rows = [
        {
            "rank": r.rank,
            "name": sector_name(r.kind, r.code),
            "kind": kind_name(r.kind),
            "clusters": len(r.cluster_ids),
            "countries": len(r.countries),
            "score": r.score,
            "reasons": explained(r),
        }
        for r in ranks
    ]
    context = {
        "rows": rows,
        "spec": json.dumps(chart_spec(ranks), ensure_ascii=False) if ranks else "",
        "weights": [(names[c], DEFAULT_WEIGHTS[c]) for c in CRITERIA],
    }
    return render(request, "cooperation/sectors.html", context)
