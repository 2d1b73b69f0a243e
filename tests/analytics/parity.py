"""Comparing a mapping computed on Spark with the same computed on DuckDB."""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")


def spark_backend() -> Iterator[Any]:
    """A local Spark backend for a fixture to yield, stopped afterwards."""
    pytest.importorskip("pyspark")
    from clusterhub.analytics.mapping.backends import SparkBackend

    backend = SparkBackend()
    yield backend
    backend.session.stop()


def assert_same_rows(duckdb_rows: list[dict[str, Any]], spark_rows: list[dict[str, Any]]) -> None:
    """The two results hold the same rows in the same order, floats equal to 12 digits."""
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
