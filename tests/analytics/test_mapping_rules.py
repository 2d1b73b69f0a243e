"""The engine follows the methods' published rules: compared cell by cell with a plain oracle."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterhub.analytics.mapping import compute, read_inputs
from tests.analytics.mapping_files import write_categories, write_csv
from tests.analytics.mapping_oracle import oracle

FLAGS = {
    "cmp": ("qualifying", "significant", "strong", "strong10"),
    "stars": ("size", "specialisation", "focus", "stars"),
}


@st.composite
def panels(draw: st.DrawFn) -> dict[str, Any]:
    regions = [f"R{i}" for i in range(draw(st.integers(2, 9)))]
    categories = {
        f"c{i}": draw(st.sampled_from(["traded", "traded", "local"]))
        for i in range(draw(st.integers(1, 5)))
    }
    years = draw(st.sampled_from([None, [2020], [2019, 2020, 2021]]))
    with_establishments = draw(st.booleans())
    counts = st.one_of(st.none(), st.integers(0, 50), st.integers(0, 5000)).map(
        lambda v: None if v is None else float(v)
    )
    observations = []
    for region in regions:
        for category in categories:
            for year in years or [None]:
                if draw(st.integers(0, 9)) == 0:
                    continue  # a cell that is not in the file at all
                row = {"region": region, "category": category, "employment": draw(counts)}
                if with_establishments:
                    row["establishments"] = draw(counts)
                if year is not None:
                    row["year"] = year
                observations.append(row)
    if not observations:
        observations.append(
            {
                "region": "R0",
                "category": "c0",
                "employment": 1.0,
                **({"establishments": 1.0} if with_establishments else {}),
                **({"year": years[0]} if years else {}),
            }
        )
    return {
        "observations": observations,
        "categories": categories,
        "years": years,
        "establishments": with_establishments,
    }


def run_engine(tmp: Path, panel: dict[str, Any], method: str, **files: Any) -> dict[tuple, dict]:
    columns = ["region", "category", "employment"]
    columns += ["establishments"] if panel["establishments"] else []
    columns += ["year"] if panel["years"] else []
    paths = {
        name: write_csv(tmp / f"{name}.csv", rows, cols) for name, (rows, cols) in files.items()
    }
    inputs = read_inputs(
        write_csv(tmp / "observations.csv", panel["observations"], columns),
        write_categories(tmp / "categories.csv", panel["categories"]),
        **paths,
    )
    result = compute(inputs, method).to_pylist()
    return {(r["region"], r["category"], r.get("year") or 0): r for r in result}


def assert_same(engine: dict[tuple, dict], expected: dict[tuple, dict], method: str) -> None:
    assert set(engine) == set(expected)
    for key, cell in expected.items():
        got = engine[key]
        for figure in ("employment", "lq"):
            if cell[figure] is None:
                assert got[figure] is None or math.isnan(got[figure]), (key, figure)
            else:
                assert got[figure] == pytest.approx(cell[figure], rel=1e-9), (key, figure)
        for flag in FLAGS[method]:
            assert got[flag] == cell[flag], (key, flag, got, cell)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(panel=panels(), method=st.sampled_from(["cmp", "stars"]))
def test_every_cell_follows_the_published_rules(
    tmp_path: Path, panel: dict[str, Any], method: str
) -> None:
    expected = oracle(panel["observations"], panel["categories"], method)
    assert_same(run_engine(tmp_path, panel, method), expected, method)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(panel=panels(), data=st.data())
def test_totals_from_files_replace_the_sums_of_the_observations(
    tmp_path: Path, panel: dict[str, Any], data: st.DataObject
) -> None:
    years = panel["years"] or [None]
    regions = sorted({row["region"] for row in panel["observations"]}) or ["R0"]
    groups = sorted(set(panel["categories"].values()))
    amount = st.integers(1, 20000).map(float)
    region_totals = [
        {"region": r, "group": g, "employment": data.draw(amount), **({"year": y} if y else {})}
        for r in regions
        for g in groups
        for y in years
    ]
    reference_totals = [
        {"category": c, "employment": data.draw(amount), **({"year": y} if y else {})}
        for c in panel["categories"]
        for y in years
    ]
    year_column = ["year"] if panel["years"] else []
    engine = run_engine(
        tmp_path,
        panel,
        "cmp",
        region_totals=(region_totals, ["region", "group", "employment", *year_column]),
        reference_totals=(reference_totals, ["category", "employment", *year_column]),
    )
    expected = oracle(
        panel["observations"],
        panel["categories"],
        "cmp",
        region_totals=region_totals,
        reference_totals=reference_totals,
    )
    assert_same(engine, expected, "cmp")


def test_a_crosswalk_adds_industries_into_categories_with_their_weights(tmp_path: Path) -> None:
    panel = {
        "observations": [
            {
                "region": r,
                "category": i,
                "employment": e,
                "establishments": None if e is None else e / 8,
            }
            for r, row in {
                "A": [100, 40, 8, 500],
                "B": [10, 400, 80, 50],
                "C": [60, None, 30, 70],
                "D": [5, 5, 5, 5],
                "E": [200, 20, 2, 0],
            }.items()
            for i, e in zip(["i1", "i2", "i3", "i4"], row, strict=True)
        ],
        "categories": {"c1": "traded", "c2": "traded", "l1": "local"},
        "years": None,
        "establishments": True,
    }
    crosswalk = [
        {"industry": "i1", "category": "c1", "weight": 1},
        {"industry": "i2", "category": "c1", "weight": 0.5},
        {"industry": "i2", "category": "c2", "weight": 0.5},
        {"industry": "i3", "category": "c2", "weight": 1},
        {"industry": "i4", "category": "l1", "weight": 1},
    ]
    engine = run_engine(
        tmp_path, panel, "cmp", crosswalk=(crosswalk, ["industry", "category", "weight"])
    )
    expected = oracle(panel["observations"], panel["categories"], "cmp", crosswalk=crosswalk)
    assert_same(engine, expected, "cmp")
    # Region C's i2 is unknown: c1 sums its known part, c2 too; neither becomes zero.
    assert engine[("C", "c1", 0)]["employment"] == 60
    assert engine[("C", "c1", 0)]["missing_inputs"] == 1


def test_the_published_example_of_the_rules_holds(tmp_path: Path) -> None:
    """Four regions worked by hand (numpy percentiles of three regions with employment)."""
    rows = [
        ("A", "c1", 100, 10),
        ("A", "c2", 50, 5),
        ("A", "l1", 300, 30),
        ("B", "c1", 10, 2),
        ("B", "c2", 200, 20),
        ("B", "l1", 100, 9),
        ("C", "c1", 40, 4),
        ("C", "c2", None, 3),
        ("C", "l1", 80, 8),
        ("D", "c1", 0, 0),
        ("D", "c2", 70, 7),
        ("D", "l1", 90, 9),
    ]
    panel = {
        "observations": [
            dict(zip(["region", "category", "employment", "establishments"], r, strict=True))
            for r in rows
        ],
        "categories": {"c1": "traded", "c2": "traded", "l1": "local"},
        "years": None,
        "establishments": True,
    }
    result = run_engine(tmp_path, panel, "cmp")
    # E(A,traded) = 150, E(ref,c1) = 150, E(ref,traded) = 470: LQ = (100/150)/(150/470).
    assert result[("A", "c1", 0)]["lq"] == pytest.approx((100 / 150) / (150 / 470))
    # c1: p25(E) of 10, 40, 100 is 25; p50(LQ) is A's own LQ, so A is not significant.
    assert [result[("A", "c1", 0)][f] for f in FLAGS["cmp"]] == [True, False, False, False]
    assert [result[("C", "c1", 0)][f] for f in FLAGS["cmp"]] == [True, True, True, True]
    assert not any(result[("B", "c1", 0)][f] for f in FLAGS["cmp"])  # below p25 of employment
    assert not any(result[("A", "l1", 0)][f] for f in FLAGS["cmp"])  # local: no flags
    assert result[("C", "c2", 0)]["employment"] is None  # ':' in the file: missing, not zero
    assert result[("D", "c1", 0)]["lq"] == 0


def test_growth_is_the_compound_annual_rate_since_the_first_year_with_employment(
    tmp_path: Path,
) -> None:
    observations = [
        {"region": "A", "category": "c1", "employment": e, "year": y}
        for y, e in [(2018, 0), (2019, 100), (2020, 110), (2021, 121)]
    ] + [
        {"region": "B", "category": "c1", "employment": 50, "year": y}
        for y in (2018, 2019, 2020, 2021)
    ]
    panel = {
        "observations": observations,
        "categories": {"c1": "traded"},
        "years": [2018],
        "establishments": False,
    }
    result = run_engine(tmp_path, panel, "cmp")
    assert result[("A", "c1", 2019)]["cagr"] is None
    assert result[("A", "c1", 2021)]["cagr"] == pytest.approx(0.10)
    assert result[("B", "c1", 2021)]["cagr"] == pytest.approx(0.0)


def test_stars_thresholds_are_parameters(tmp_path: Path) -> None:
    panel = {
        "observations": [
            {"region": f"R{i}", "category": c, "employment": float(10 * i + j)}
            for i in range(1, 11)
            for j, c in enumerate(["c1", "c2"])
        ],
        "categories": {"c1": "traded", "c2": "traded"},
        "years": None,
        "establishments": False,
    }
    columns = ["region", "category", "employment"]
    inputs = read_inputs(
        write_csv(tmp_path / "o.csv", panel["observations"], columns),
        write_categories(tmp_path / "c.csv", panel["categories"]),
    )
    params = {"size_top": 0.5, "focus_top": 0.3, "min_lq": 1.01}
    result = {
        (r["region"], r["category"], 0): r
        for r in compute(inputs, "stars", params=params).to_pylist()
    }
    assert_same(
        result, oracle(panel["observations"], panel["categories"], "stars", params=params), "stars"
    )
    assert (
        sum(r["size"] for r in result.values()) == 10
    )  # the top half of ten regions, per category
