"""Relatedness of industries from where their employment lies (co-location).

Each measure takes the employment matrix E (regions x categories, employment of category c
in region r; zero where nothing was observed) and the regions' total employment T (by
default the row sums of E, or from outside when region totals are given) and returns a
symmetric category x category matrix. The diagonal is not used.

- ``share_correlation``: Pearson correlation, over regions, of the categories' shares of
  regional employment s[r, c] = E[r, c] / T[r].
- ``share_cosine``: cosine similarity of the same share vectors (never negative).
- ``log_lq_correlation``: Pearson correlation, over regions, of log(1 + LQ), with
  LQ[r, c] = s[r, c] / (E[:, c].sum() / T.sum()); the 1 + keeps regions without the
  category (LQ 0) in the comparison.
- ``proximity``: Hidalgo et al. (2007): M[r, c] = 1 where LQ[r, c] ≥ 1 (the region is
  specialised in c); φ(a, b) = Σ_r M[r, a] M[r, b] / max(Σ_r M[r, a], Σ_r M[r, b]), the
  smaller of the two conditional probabilities of specialising in one given the other.

A category with no variation over regions (a constant column) has no correlation with any
other: its scores are 0, not undefined.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


def shares(employment: Matrix, totals: Matrix) -> Matrix:
    """Each category's share of its region's employment (0 in a region without any)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        result = employment / totals[:, None]
    return np.nan_to_num(result, nan=0.0, posinf=0.0, neginf=0.0)


def location_quotients(employment: Matrix, totals: Matrix) -> Matrix:
    """LQ[r, c]: the category's share in the region over its share in all regions."""
    overall = employment.sum(axis=0) / totals.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio: Matrix = shares(employment, totals) / overall[None, :]
    return np.nan_to_num(ratio, nan=0.0, posinf=0.0, neginf=0.0)


def correlation(columns: Matrix) -> Matrix:
    """Pearson correlation of every pair of columns; 0 where a column is constant."""
    centred = columns - columns.mean(axis=0)
    norms = np.sqrt((centred * centred).sum(axis=0))
    return _normalised_products(centred, norms)


def cosine(columns: Matrix) -> Matrix:
    """Cosine similarity of every pair of columns; 0 where a column is all zeros."""
    norms = np.sqrt((columns * columns).sum(axis=0))
    return _normalised_products(columns, norms)


def _normalised_products(columns: Matrix, norms: Matrix) -> Matrix:
    products = columns.T @ columns
    scale = np.outer(norms, norms)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(scale > 0, products / np.where(scale > 0, scale, 1.0), 0.0)
    return np.clip(result, -1.0, 1.0)


def share_correlation(employment: Matrix, totals: Matrix) -> Matrix:
    return correlation(shares(employment, totals))


def share_cosine(employment: Matrix, totals: Matrix) -> Matrix:
    return cosine(shares(employment, totals))


def log_lq_correlation(employment: Matrix, totals: Matrix) -> Matrix:
    return correlation(np.log1p(location_quotients(employment, totals)))


def proximity(employment: Matrix, totals: Matrix) -> Matrix:
    specialised = (location_quotients(employment, totals) >= 1.0).astype(np.float64)
    together = specialised.T @ specialised
    alone = specialised.sum(axis=0)
    larger = np.maximum(alone[:, None], alone[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(larger > 0, together / np.where(larger > 0, larger, 1.0), 0.0)


Measure = Callable[[Matrix, Matrix], Matrix]

# The measures by the name the command line and the stored result sets use.
MEASURES: dict[str, Measure] = {
    "share_correlation": share_correlation,
    "share_cosine": share_cosine,
    "log_lq_correlation": log_lq_correlation,
    "proximity": proximity,
}
