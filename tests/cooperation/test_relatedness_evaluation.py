"""How a relatedness matrix is scored against a reference of related categories (the
measure used to choose the default, docs/cooperation.md)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterhub.analytics.relatedness.evaluation import agreement, roc_auc


def _pairs(scores: dict[tuple[str, str], float]) -> pd.DataFrame:
    """Both orders of every unordered pair, as `relatedness()` returns them."""
    rows = [(a, b, v) for (a, b), v in scores.items()] + [(b, a, v) for (a, b), v in scores.items()]
    return pd.DataFrame(rows, columns=["category_a", "category_b", "relatedness"])


def test_the_auc_is_the_share_of_related_and_other_pairs_ranked_the_right_way_ties_half() -> None:
    scores = np.array([0.9, 0.5, 0.5, 0.1])
    positive = np.array([True, True, False, False])
    # (0.9 > 0.5) 1, (0.9 > 0.1) 1, (0.5 = 0.5) 0.5, (0.5 > 0.1) 1: 3.5 of 4
    assert roc_auc(scores, positive) == pytest.approx(0.875)
    assert roc_auc(scores, ~positive) == pytest.approx(0.125)
    assert np.isnan(roc_auc(scores, np.zeros(4, dtype=bool)))


def test_a_matrix_that_ranks_the_reference_pairs_first_agrees_perfectly() -> None:
    pairs = _pairs(
        {("A", "B"): 0.9, ("C", "D"): 0.8, ("A", "C"): 0.2, ("A", "D"): 0.1,
         ("B", "C"): 0.3, ("B", "D"): 0.0}
    )  # fmt: skip
    related = {frozenset(("A", "B")), frozenset(("C", "D"))}
    result = agreement(pairs, related, ["A", "B", "C", "D"], k=1)
    assert result.auc == pytest.approx(1.0)
    assert result.precision_at_k == pytest.approx(1.0)
    assert (result.related_pairs, result.other_pairs) == (2, 4)
    assert result.related_mean == pytest.approx(0.85)


def test_precision_counts_the_related_share_of_each_categorys_top_k() -> None:
    pairs = _pairs(
        {("A", "B"): 0.1, ("A", "C"): 0.9, ("B", "C"): 0.5, ("A", "D"): 0.0,
         ("B", "D"): 0.0, ("C", "D"): 0.0}
    )  # fmt: skip
    related = {frozenset(("A", "B"))}
    result = agreement(pairs, related, ["A", "B", "C", "D"], k=1)
    # A's top is C (not related), B's top is C (not related): C and D have none related.
    assert result.precision_at_k == pytest.approx(0.0)
    assert agreement(pairs, related, ["A", "B", "C", "D"], k=2).precision_at_k == pytest.approx(0.5)


def test_categories_outside_the_compared_ones_are_left_out() -> None:
    pairs = _pairs({("A", "B"): 0.9, ("A", "X"): 1.0, ("B", "X"): 1.0})
    result = agreement(pairs, {frozenset(("A", "B"))}, ["A", "B"], k=1)
    assert (result.related_pairs, result.other_pairs) == (1, 0)
    assert result.precision_at_k == pytest.approx(1.0)
