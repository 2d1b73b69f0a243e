"""Relatedness of industries from co-location: each measure against its formula, worked by
hand on small tables, and the shape of the result."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from clusterhub.analytics.relatedness import UnknownMeasure, relatedness
from clusterhub.analytics.relatedness.measures import MEASURES


def observations(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region", "category", "employment"])


# Three regions; A and B grow together, C goes the other way, D is spread evenly.
TOGETHER = observations(
    [
        ("R1", "A", 10), ("R1", "B", 20), ("R1", "C", 70), ("R1", "D", 100),
        ("R2", "A", 40), ("R2", "B", 80), ("R2", "C", 10), ("R2", "D", 100),
        ("R3", "A", 25), ("R3", "B", 50), ("R3", "C", 40), ("R3", "D", 100),
    ]
)  # fmt: skip


def score(table: pd.DataFrame, a: str, b: str) -> float:
    row = table[(table["category_a"] == a) & (table["category_b"] == b)]
    assert len(row) == 1
    return float(row["relatedness"].iloc[0])


def test_it_writes_one_row_per_ordered_pair_of_different_categories() -> None:
    table = relatedness(TOGETHER, "share_correlation")
    assert list(table.columns) == ["category_a", "category_b", "relatedness"]
    assert len(table) == 4 * 3
    assert not (table["category_a"] == table["category_b"]).any()
    assert score(table, "A", "B") == pytest.approx(score(table, "B", "A"))


def test_share_correlation_is_the_pearson_correlation_of_regional_shares() -> None:
    totals = {"R1": 200, "R2": 230, "R3": 215}
    share = {
        c: [
            float(TOGETHER[(TOGETHER.region == r) & (TOGETHER.category == c)].employment.iloc[0])
            / t
            for r, t in totals.items()
        ]
        for c in "ABC"
    }
    expected = float(np.corrcoef(share["A"], share["C"])[0, 1])
    table = relatedness(TOGETHER, "share_correlation")
    assert score(table, "A", "C") == pytest.approx(expected)
    assert score(table, "A", "C") < 0 < score(table, "A", "B")


def test_share_cosine_is_never_negative_and_one_for_proportional_industries() -> None:
    table = relatedness(TOGETHER, "share_cosine")
    assert (table["relatedness"] >= 0).all()
    assert score(table, "A", "B") == pytest.approx(1.0)  # B is always twice A


def test_log_lq_correlation_follows_its_formula() -> None:
    employment = {("R1", "A"): 10.0, ("R1", "C"): 70.0, ("R2", "A"): 40.0, ("R2", "C"): 10.0,
                  ("R3", "A"): 25.0, ("R3", "C"): 40.0}  # fmt: skip
    region_total = {"R1": 200.0, "R2": 230.0, "R3": 215.0}
    overall = sum(region_total.values())
    column_total = {"A": 75.0, "C": 120.0}

    def log_lq(r: str, c: str) -> float:
        return math.log1p((employment[r, c] / region_total[r]) / (column_total[c] / overall))

    a = [log_lq(r, "A") for r in region_total]
    c = [log_lq(r, "C") for r in region_total]
    table = relatedness(TOGETHER, "log_lq_correlation")
    assert score(table, "A", "C") == pytest.approx(float(np.corrcoef(a, c)[0, 1]))


def test_proximity_is_the_smaller_conditional_probability_of_joint_specialisation() -> None:
    # Specialised (LQ ≥ 1): X in R1, R2, R3; Y in R1, R2; Z in R4 only.
    cells = observations(
        [
            ("R1", "X", 30), ("R1", "Y", 30), ("R1", "Z", 0), ("R1", "W", 40),
            ("R2", "X", 30), ("R2", "Y", 30), ("R2", "Z", 0), ("R2", "W", 40),
            ("R3", "X", 30), ("R3", "Y", 0), ("R3", "Z", 0), ("R3", "W", 70),
            ("R4", "X", 0), ("R4", "Y", 0), ("R4", "Z", 50), ("R4", "W", 50),
        ]
    )  # fmt: skip
    table = relatedness(cells, "proximity")
    assert score(table, "X", "Y") == pytest.approx(2 / 3)  # together in 2; X alone in 3
    assert score(table, "Y", "X") == pytest.approx(2 / 3)
    assert score(table, "X", "Z") == 0


def test_region_totals_from_outside_replace_the_observed_sums() -> None:
    totals = pd.DataFrame({"region": ["R1", "R2", "R3"], "employment": [1000, 230, 215]})
    inside = relatedness(TOGETHER, "share_correlation")
    outside = relatedness(TOGETHER, "share_correlation", region_totals=totals)
    assert score(inside, "A", "C") != pytest.approx(score(outside, "A", "C"))


def test_a_category_without_variation_is_related_to_nothing_rather_than_undefined() -> None:
    cells = observations([("R1", "A", 5), ("R2", "A", 5), ("R1", "B", 1), ("R2", "B", 9)])
    for measure in MEASURES:
        table = relatedness(cells, measure, region_totals=pd.DataFrame(
            {"region": ["R1", "R2"], "employment": [10, 10]}))  # fmt: skip
        assert table["relatedness"].notna().all(), measure


def test_only_the_latest_year_counts() -> None:
    old = TOGETHER.assign(year=2019)
    new = TOGETHER.assign(year=2021)
    new.loc[new.category == "C", "employment"] = new.loc[new.category == "A", "employment"].values
    table = relatedness(pd.concat([old, new]), "share_cosine")
    assert score(table, "A", "C") == pytest.approx(1.0)


def test_an_unknown_measure_is_named_with_the_known_ones() -> None:
    with pytest.raises(UnknownMeasure, match=r"'jaccard' is not a relatedness measure .*proximity"):
        relatedness(TOGETHER, "jaccard")
