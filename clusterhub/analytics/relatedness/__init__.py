"""Relatedness of industries from the co-location of their employment: plain tables in,
plain tables out (no Django). The measures and their formulas: `measures.py`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterhub.analytics.relatedness.measures import MEASURES

__all__ = ["DEFAULT_MEASURE", "MEASURES", "UnknownMeasure", "relatedness"]

# Chosen by measurement: of the measures, the correlation of log location quotients agrees
# best with the European Cluster Observatory's related-industries categories on Eurostat's
# regional employment (ROC AUC 0.815 at NUTS 2, 0.774 at NUTS 1; docs/cooperation.md,
# bench/relatedness_reference.py).
DEFAULT_MEASURE = "log_lq_correlation"

COLUMNS = ["category_a", "category_b", "relatedness"]


class UnknownMeasure(ValueError):
    def __init__(self, name: str) -> None:
        known = ", ".join(sorted(MEASURES))
        super().__init__(f"'{name}' is not a relatedness measure (known: {known})")
        self.name = name


def relatedness(
    observations: pd.DataFrame,
    measure: str = DEFAULT_MEASURE,
    region_totals: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per ordered pair of different categories: `category_a`, `category_b`,
    `relatedness`, sorted by the pair.

    Args:
        observations: columns `region`, `category`, `employment` (and optionally `year`:
            the latest year is used). Repeated region and category pairs are added up.
        measure: a name in MEASURES (default DEFAULT_MEASURE).
        region_totals: optional columns `region`, `employment` (summed over any `group`):
            the regions' total employment, when it comes from outside the observed cells.
    """
    if measure not in MEASURES:
        raise UnknownMeasure(measure)
    cells = observations
    if "year" in cells.columns and cells["year"].notna().any():
        cells = cells[cells["year"] == cells["year"].max()]
    employment, regions, categories = _matrix(cells)
    totals = employment.sum(axis=1)
    if region_totals is not None:
        given = region_totals.groupby("region")["employment"].sum()
        outside = given.reindex(regions).to_numpy(dtype=np.float64)
        totals = np.where(np.isnan(outside), totals, outside)
    scores = MEASURES[measure](employment, totals)
    first, second = np.nonzero(~np.eye(len(categories), dtype=bool))
    return pd.DataFrame(
        {
            "category_a": categories[first],
            "category_b": categories[second],
            "relatedness": scores[first, second],
        },
        columns=COLUMNS,
    )


def _matrix(cells: pd.DataFrame) -> tuple[np.ndarray, pd.Index, np.ndarray]:
    """Employment as a regions x categories matrix (repeated cells added up, missing ones
    0), with the regions and the categories in sorted order."""
    region_codes, regions = pd.factorize(cells["region"].astype(str), sort=True)
    category_codes, categories = pd.factorize(cells["category"].astype(str), sort=True)
    flat = np.bincount(
        region_codes * len(categories) + category_codes,
        weights=cells["employment"].to_numpy(dtype=np.float64),
        minlength=len(regions) * len(categories),
    )
    return flat.reshape(len(regions), len(categories)), pd.Index(regions), np.asarray(categories)
