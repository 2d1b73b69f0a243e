"""How related two sector codes are, as the suggestion score counts it: the stored matrix's
percentile where it knows both codes (at its own level), else the NACE hierarchy."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterhub.analytics.partners.industry import IndustryRelatedness

CODES = ["C", "C22", "C29", "C29.1", "C29.10", "C29.2", "C30.1", "J62"]


def part(rel: IndustryRelatedness, a: str, b: str) -> tuple[float, str]:
    i, j = rel.codes.index(a), rel.codes.index(b)
    return float(rel.part[i, j]), str(rel.kind[i, j])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("C29.10", "C29.10", (1.0, "same")),
        ("C29.10", "C29.1", (1.0, "same")),  # one inside the other
        ("C29", "C29.10", (1.0, "same")),
        ("C", "C22", (1.0, "same")),
        ("C29.1", "C29.2", (0.5, "division")),
        ("C29.10", "C29.2", (0.5, "division")),
        ("C29.1", "C30.1", (0.25, "section")),
        ("C22", "J62", (0.0, "")),
    ],
)
def test_without_a_matrix_the_nace_hierarchy_decides(a: str, b: str, expected: tuple) -> None:  # type: ignore[type-arg]
    rel = IndustryRelatedness(CODES)
    assert part(rel, a, b) == expected
    assert part(rel, b, a) == expected


def test_codes_of_one_group_count_three_quarters() -> None:
    rel = IndustryRelatedness(["C29.10", "C29.11", "C29.2"])
    assert part(rel, "C29.10", "C29.11") == (0.75, "group")


def test_a_matrix_decides_at_its_own_level_by_percentile_and_either_direction() -> None:
    matrix = pd.DataFrame(
        [("C29", "C22", 0.9), ("C29", "J62", 0.1), ("C22", "J62", 0.5)],
        columns=["category_a", "category_b", "relatedness"],
    )
    rel = IndustryRelatedness(CODES, matrix)
    # The top pair: 0.9, never as much as the same industry (1).
    assert part(rel, "C29.10", "C22") == (pytest.approx(0.9), "matrix")
    assert part(rel, "C22", "C29.1") == (pytest.approx(0.9), "matrix")  # listed once
    # Above the median, 0.9 x (2p - 1) of the percentile p (2/3); the lowest third nothing.
    assert part(rel, "C22", "J62") == (pytest.approx(0.3), "matrix")
    assert part(rel, "C29", "J62") == (0.0, "matrix")
    assert part(rel, "C29.1", "C29.2") == (1.0, "same")  # one category of the matrix
    assert part(rel, "C30.1", "C29.1") == (0.25, "section")  # the matrix lacks C30
    explained = rel.explain(rel.codes.index("C29"), rel.codes.index("J62"))
    assert (explained.kind, explained.relatedness) == ("matrix", 0.1)
    assert explained.top_percent == pytest.approx(100.0)
    top = rel.explain(rel.codes.index("C29"), rel.codes.index("C22"))
    assert top.top_percent == pytest.approx(100 / 3)


def test_the_mean_best_pair_takes_each_organisations_best_codes_over_ordered_pairs() -> None:
    import numpy as np

    from clusterhub.analytics.partners.industry import mean_best_pair

    rel = IndustryRelatedness(["C29.1", "C29.2", "C30.1", "J62"])
    # Three organisations: {C29.1}, {C29.2, J62}, {C30.1} (padded with -1).
    sectors = np.array([[0, -1], [1, 3], [2, -1]])
    # best pairs: 1-2 division 0.5, 1-3 section 0.25, 2-3 section 0.25, each both ways.
    assert mean_best_pair(rel.padded_part(), sectors) == pytest.approx((0.5 + 0.25 + 0.25) / 3)
    assert mean_best_pair(rel.padded_part(), sectors[:1]) == 0.0


def test_the_less_related_half_of_a_matrix_counts_nothing_and_the_top_twentieth_nearly_all() -> (
    None
):
    codes = [f"C{n}" for n in range(10, 31)]  # 21 divisions, 210 pairs
    pairs = [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]
    matrix = pd.DataFrame(
        [(a, b, float(k)) for k, (a, b) in enumerate(pairs)],
        columns=["category_a", "category_b", "relatedness"],
    )
    rel = IndustryRelatedness(codes, matrix)
    values = {(a, b): part(rel, a, b)[0] for a, b in pairs}
    ranked = [values[p] for p in pairs]  # in order of relatedness
    assert all(v == 0.0 for v in ranked[: len(pairs) // 2])
    assert all(0.81 <= v <= 0.9 for v in ranked[-len(pairs) // 20 :])
    assert ranked == sorted(ranked)
