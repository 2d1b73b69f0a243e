"""`stars`: the European Cluster Observatory's star rating, 0-3 per region x category.

One star each, per category and year, over the regions with employment > 0:

- size: employment in the top `size_top` (10 %) of regions, i.e. E ≥ p90(E);
- specialisation: LQ ≥ `min_lq` (2);
- focus: the category's share of the region's total employment in the top `focus_top`
  (10 %) of regions, i.e. share ≥ p90(share).

Percentiles by linear interpolation, as for `cmp`. Every threshold is a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis
import ibis.expr.types as ir

from clusterhub.analytics.mapping.joins import left_join

COLUMNS = ("share", "size", "specialisation", "focus", "stars")
DEFAULTS: Mapping[str, float | str] = {"size_top": 0.10, "focus_top": 0.10, "min_lq": 2.0}


def flags(cells: ir.Table, params: Mapping[str, float | str], has_establishments: bool) -> ir.Table:
    """The cells with the three star criteria (booleans) and their count `stars`."""
    size_top = float(params.get("size_top", DEFAULTS["size_top"]))
    focus_top = float(params.get("focus_top", DEFAULTS["focus_top"]))
    min_lq = float(params.get("min_lq", DEFAULTS["min_lq"]))
    eligible = cells.employment > 0
    pool = cells.filter(eligible)
    percentiles = pool.group_by(["category", "year"]).aggregate(
        size_cut=pool.employment.quantile(1 - size_top),
        focus_cut=pool.share.quantile(1 - focus_top),
    )
    joined = left_join(cells, percentiles, ["category", "year"])
    criteria = {
        "size": eligible & (joined.employment >= joined.size_cut),
        "specialisation": eligible & (joined.lq >= min_lq),
        "focus": eligible & (joined.share >= joined.focus_cut),
    }
    rated = joined.mutate(**{name: ibis.coalesce(flag, False) for name, flag in criteria.items()})
    return rated.mutate(
        stars=sum((rated[name].cast("int64") for name in criteria), ibis.literal(0, "int64"))
    ).drop("size_cut", "focus_cut")
