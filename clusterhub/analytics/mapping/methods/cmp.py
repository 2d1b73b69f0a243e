"""`cmp`: the US Cluster Mapping Project's published rules for strong clusters.

For each category of the traded group and each year, over the regions with employment > 0,
percentiles by linear interpolation (numpy's default):

- base = E > p25(E) and, when establishments are given, establishments > p25(establishments)
- qualifying = LQ > p25(LQ) and base
- significant = LQ > p50(LQ) and base
- strong = LQ ≥ p75(LQ) and LQ ≥ 1 and base
- strong10 = LQ ≥ p90(LQ) and LQ ≥ 1 and base

Categories of other groups (local) and cells without employment get no flags.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis
import ibis.expr.types as ir

from clusterhub.analytics.mapping.joins import left_join

COLUMNS = ("qualifying", "significant", "strong", "strong10")
DEFAULTS: Mapping[str, float | str] = {"traded_group": "traded"}


def flags(cells: ir.Table, params: Mapping[str, float | str], has_establishments: bool) -> ir.Table:
    """The cells with the four flags (booleans, never null)."""
    traded = str(params.get("traded_group", DEFAULTS["traded_group"])).lower()
    eligible = (cells.group.lower() == traded) & (cells.employment > 0)
    pool = cells.filter(eligible)
    stats: dict[str, ir.Value] = {
        "p25_employment": pool.employment.quantile(0.25),
        "p25_lq": pool.lq.quantile(0.25),
        "p50_lq": pool.lq.quantile(0.50),
        "p75_lq": pool.lq.quantile(0.75),
        "p90_lq": pool.lq.quantile(0.90),
    }
    if has_establishments:
        stats["p25_establishments"] = pool.establishments.quantile(0.25)
    percentiles = pool.group_by(["category", "year"]).aggregate(**stats)
    joined = left_join(cells, percentiles, ["category", "year"])
    base = eligible & (joined.employment > joined.p25_employment)
    if has_establishments:
        base = base & (joined.establishments > joined.p25_establishments)
    lq = joined.lq
    flagged = {
        "qualifying": base & (lq > joined.p25_lq),
        "significant": base & (lq > joined.p50_lq),
        "strong": base & (lq >= joined.p75_lq) & (lq >= 1),
        "strong10": base & (lq >= joined.p90_lq) & (lq >= 1),
    }
    return joined.mutate(
        **{name: ibis.coalesce(flag, False) for name, flag in flagged.items()}
    ).drop(*stats)
