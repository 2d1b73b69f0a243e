"""Eurostat's published SBS extract maps the same on a local Spark session as on DuckDB.

The same check on an extract built in code is in tests/analytics/test_spark_parity.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clusterhub.analytics.mapping import compute, read_inputs
from tests.analytics.mapping_files import write_nace_categories
from tests.analytics.parity import assert_same_rows, needs_java, spark_backend

pytestmark = needs_java


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    yield from spark_backend()


@pytest.mark.parametrize("method", ["cmp", "stars"])
def test_the_eurostat_extract_maps_the_same_on_spark_as_on_duckdb(
    tmp_path: Path, sbs_extract: Path, spark: Any, method: str
) -> None:
    codes = {line.split(";")[0] for line in sbs_extract.read_text().splitlines()[1:]}
    inputs = read_inputs(sbs_extract, write_nace_categories(tmp_path / "nace.csv", codes))
    duckdb_rows = compute(inputs, method).to_pylist()
    assert len(duckdb_rows) > 20000
    assert_same_rows(duckdb_rows, compute(inputs, method, spark).to_pylist())
