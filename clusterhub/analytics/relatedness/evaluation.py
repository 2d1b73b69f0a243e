"""How well a relatedness matrix agrees with a reference of related categories.

- ROC AUC: the probability that a pair the reference calls related scores higher than a
  pair it does not (ties count half); 0.5 is chance, 1 perfect. Over unordered pairs of
  different categories, both in the reference.
- Mean precision@k: for each category with at least one related category in the reference,
  the share of its k highest-scoring other categories that the reference calls related,
  averaged over those categories.

Used to choose the default measure (bench/relatedness_reference.py, docs/cooperation.md).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Agreement:
    """The agreement of one matrix with a reference."""

    auc: float
    precision_at_k: float
    k: int
    related_mean: float  # the mean score of the related pairs
    other_mean: float  # the mean score of the other pairs
    related_pairs: int
    other_pairs: int


def agreement(
    pairs: pd.DataFrame,
    related: Collection[frozenset[str]],
    categories: Collection[str],
    k: int = 5,
) -> Agreement:
    """Score a relatedness matrix against a reference.

    Args:
        pairs: `category_a`, `category_b`, `relatedness` (as `relatedness()` returns).
        related: the reference: unordered pairs of related categories.
        categories: the categories compared (those of the reference found in `pairs`);
            pairs and rankings involving others are left out.
        k: how many of each category's most related categories count for precision.
    """
    kept = set(categories)
    frame = pairs.loc[pairs["category_a"].isin(kept) & pairs["category_b"].isin(kept)]
    is_related = np.fromiter(
        (
            frozenset((a, b)) in related
            for a, b in zip(frame["category_a"], frame["category_b"], strict=True)
        ),
        dtype=bool,
        count=len(frame),
    )
    scores = frame["relatedness"].to_numpy(dtype=np.float64)
    # Each unordered pair appears twice (a, b) and (b, a): keep a < b.
    once = (frame["category_a"] < frame["category_b"]).to_numpy()
    return Agreement(
        auc=roc_auc(scores[once], is_related[once]),
        precision_at_k=_precision(frame.assign(related=is_related), k),
        k=k,
        related_mean=float(scores[once & is_related].mean()) if (once & is_related).any() else 0.0,
        other_mean=float(scores[once & ~is_related].mean()) if (once & ~is_related).any() else 0.0,
        related_pairs=int((once & is_related).sum()),
        other_pairs=int((once & ~is_related).sum()),
    )


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted half; nan without both
    positive and negative cases."""
    positives = int(positive.sum())
    negatives = len(positive) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    rank_sum = ranks[positive].sum()
    return float((rank_sum - positives * (positives + 1) / 2) / (positives * negatives))


def _precision(frame: pd.DataFrame, k: int) -> float:
    """Mean over categories with a related one of the related share of their top k."""
    having = frame.groupby("category_a")["related"].any()
    ranked = frame.loc[frame["category_a"].isin(having[having].index)].sort_values(
        ["category_a", "relatedness", "category_b"], ascending=[True, False, True]
    )
    top = ranked.groupby("category_a").head(k)
    shares = top.groupby("category_a")["related"].mean()
    return float(shares.mean()) if len(shares) else float("nan")
