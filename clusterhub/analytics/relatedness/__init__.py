"""Relatedness of industries from the co-location of their employment: plain tables in,
plain tables out (no Django). The measures and their formulas: `measures.py`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterhub.analytics.relatedness.measures import MEASURES

__all__ = ["MEASURES", "UnknownMeasure", "relatedness"]

COLUMNS = ["category_a", "category_b", "relatedness"]


class UnknownMeasure(ValueError):
    def __init__(self, name: str) -> None:
        known = ", ".join(sorted(MEASURES))
        super().__init__(f"'{name}' is not a relatedness measure (known: {known})")
        self.name = name


def relatedness(
    observations: pd.DataFrame,
    measure: str = "share_correlation",
    region_totals: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per ordered pair of different categories: `category_a`, `category_b`,
    `relatedness`, sorted by the pair.

    Args:
        observations: columns `region`, `category`, `employment` (and optionally `year`:
            the latest year is used). Repeated region and category pairs are added up.
        measure: a name in MEASURES.
        region_totals: optional columns `region`, `employment` (summed over any `group`):
            the regions' total employment, when it comes from outside the observed cells.
    """
    if measure not in MEASURES:
        raise UnknownMeasure(measure)
    cells = observations
    if "year" in cells.columns and cells["year"].notna().any():
        cells = cells[cells["year"] == cells["year"].max()]
    matrix = cells.pivot_table(
        index="region", columns="category", values="employment", aggfunc="sum", fill_value=0
    ).astype(np.float64)
    employment = matrix.to_numpy()
    totals = employment.sum(axis=1)
    if region_totals is not None:
        given = region_totals.groupby("region")["employment"].sum()
        outside = given.reindex(matrix.index).to_numpy(dtype=np.float64)
        totals = np.where(np.isnan(outside), totals, outside)
    scores = MEASURES[measure](employment, totals)
    categories = matrix.columns.to_numpy()
    first, second = np.nonzero(~np.eye(len(categories), dtype=bool))
    return pd.DataFrame(
        {
            "category_a": categories[first],
            "category_b": categories[second],
            "relatedness": scores[first, second],
        },
        columns=COLUMNS,
    )
