"""The same pipeline on a local Spark session gives every output DuckDB gives."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest

from clusterhub.analytics.mapping import compute, read_inputs
from tests.analytics.mapping_files import write_categories, write_csv

EXTRACT = Path(__file__).resolve().parents[3] / "shared/data/eurostat/sbs_r_nuts06_r2_2015.csv"

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark")
    from clusterhub.analytics.mapping.backends import SparkBackend

    backend = SparkBackend()
    yield backend
    backend.session.stop()


def assert_same_rows(duckdb_rows: list[dict[str, Any]], spark_rows: list[dict[str, Any]]) -> None:
    assert len(spark_rows) == len(duckdb_rows)
    for ours, theirs in zip(duckdb_rows, spark_rows, strict=True):
        assert ours.keys() == theirs.keys()
        for column, value in ours.items():
            other = theirs[column]
            if isinstance(value, float) or isinstance(other, float):
                if value is None or math.isnan(value):
                    assert other is None or math.isnan(other), (ours, theirs, column)
                else:
                    assert other == pytest.approx(value, rel=1e-12), (ours, theirs, column)
            else:
                assert other == value, (ours, theirs, column)


def nace_categories(tmp_path: Path) -> Path:
    codes = sorted({line.split(";")[0] for line in EXTRACT.read_text().splitlines()[1:]})
    divisions = {c: ("traded" if c[0] in "BCDEJM" else "local") for c in codes if len(c) == 3}
    return write_categories(tmp_path / "nace.csv", divisions)


@pytest.mark.parametrize("method", ["cmp", "stars"])
def test_the_eurostat_extract_maps_the_same_on_spark_as_on_duckdb(
    tmp_path: Path, spark: Any, method: str
) -> None:
    if not EXTRACT.is_file():
        pytest.skip("the shared Eurostat extract is not beside the project")
    inputs = read_inputs(EXTRACT, nace_categories(tmp_path))
    duckdb_rows = compute(inputs, method).to_pylist()
    assert len(duckdb_rows) > 20000
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
