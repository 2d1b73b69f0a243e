"""The same pipeline on a local Spark session gives every output DuckDB gives.

The Eurostat extract here is built in code (tests/builders/eurostat.py); the same check on
the published extract is in tests/reference/test_spark_parity_real.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clusterhub.analytics.mapping import compute, read_inputs
from tests.analytics.mapping_files import write_categories, write_csv, write_nace_categories
from tests.analytics.parity import assert_same_rows, needs_java, spark_backend
from tests.builders.eurostat import DIVISIONS, blemished_extract, write_sbs_extract

pytestmark = needs_java


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    yield from spark_backend()


@pytest.mark.parametrize("method", ["cmp", "stars"])
def test_the_eurostat_extract_maps_the_same_on_spark_as_on_duckdb(
    tmp_path: Path, spark: Any, method: str
) -> None:
    extract = write_sbs_extract(tmp_path / "sbs_r_nuts06_r2_2015.csv", blemished_extract())
    inputs = read_inputs(extract, write_nace_categories(tmp_path / "nace.csv", DIVISIONS))
    duckdb_rows = compute(inputs, method).to_pylist()
    assert len(duckdb_rows) == 19 * len(DIVISIONS)  # every NUTS 2 region and division
    assert any(row["employment"] is None for row in duckdb_rows)
    assert_same_rows(duckdb_rows, compute(inputs, method, spark).to_pylist())


def test_a_panel_with_crosswalk_totals_years_and_gaps_maps_the_same_on_spark(
    tmp_path: Path, spark: Any
) -> None:
    observations = [
        {
            "region": f"R{r}",
            "category": f"i{i}",
            "year": year,
            "employment": None
            if (r * 7 + i + year) % 13 == 0
            else float((r + 1) * (i + 2) * (year - 2015) % 97),
            "establishments": float((r + i) % 11),
        }
        for r in range(12)
        for i in range(6)
        for year in (2017, 2018, 2019)
    ]
    crosswalk = [{"industry": f"i{i}", "category": f"c{i % 4}", "weight": 1.0} for i in range(6)]
    crosswalk.append({"industry": "i5", "category": "c0", "weight": 0.5})
    crosswalk[5]["weight"] = 0.5
    region_totals = [
        {"region": f"R{r}", "group": g, "year": y, "employment": float(500 + r * 31 + y % 7)}
        for r in range(12)
        for g in ("traded", "local")
        for y in (2017, 2018, 2019)
    ]
    inputs = read_inputs(
        write_csv(
            tmp_path / "o.csv",
            observations,
            ["region", "category", "year", "employment", "establishments"],
            ";",
        ),
        write_categories(
            tmp_path / "c.csv", {"c0": "traded", "c1": "traded", "c2": "local", "c3": "traded"}
        ),
        crosswalk=write_csv(tmp_path / "x.csv", crosswalk, ["industry", "category", "weight"]),
        region_totals=write_csv(
            tmp_path / "rt.csv", region_totals, ["region", "group", "year", "employment"]
        ),
    )
    for method in ("cmp", "stars"):
        duckdb_rows = compute(inputs, method).to_pylist()
        assert any(row["cagr"] is not None for row in duckdb_rows)
        assert_same_rows(duckdb_rows, compute(inputs, method, spark).to_pylist())
