"""The engines a mapping runs on, behind one small interface: DuckDB (default) and Spark.

The pipeline is written once in Ibis (`engine.py`); a backend only reads the observations,
holds intermediate tables and returns the result as Arrow. PySpark is imported lazily: it is
an optional extra (`pip install 'clusterhub[spark]'`, and Java 17+).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from clusterhub.analytics.mapping import limits
from clusterhub.analytics.mapping.inputs import Observations
from clusterhub.analytics.mapping.tables import is_parquet, sniff_delimiter


class Backend(Protocol):
    name: str

    def observations(self, source: Observations) -> ir.Table:
        """The observations as a table (text columns as read, when read from CSV)."""
        ...

    def from_arrow(self, table: pa.Table) -> ir.Table:
        """A small table held in memory, usable in joins with the observations."""
        ...

    def materialize(self, expr: ir.Table) -> ir.Table:
        """Compute an intermediate table once, for the steps that read it several times."""
        ...

    def to_arrow(self, expr: ir.Table) -> pa.Table:
        """Run the expression and return its rows."""
        ...

    def close(self) -> None: ...


class DuckDBBackend:
    """In-process DuckDB: the default, fast on one machine for hundreds of millions of rows."""

    name = "duckdb"

    def __init__(self) -> None:
        self.con = ibis.duckdb.connect()
        self.con.raw_sql("SET preserve_insertion_order = false")

    def observations(self, source: Observations) -> ir.Table:
        if source.table is not None:
            return self.con.create_table(_unique("observations"), source.table, temp=True)
        assert source.path is not None
        if is_parquet(source.path):
            return self.con.read_parquet(str(source.path))
        return self.con.read_csv(
            str(source.path),
            all_varchar=True,
            header=True,
            delim=_delimiter(source),
            encoding="utf-8",
            # In bytes: DuckDB refuses a longer line (`checks.unreadable` names it).
            max_line_size=limits.LINE_CHARS,
        )

    def from_arrow(self, table: pa.Table) -> ir.Table:
        return self.con.create_table(_unique("input"), table, temp=True)

    def materialize(self, expr: ir.Table) -> ir.Table:
        return self.con.create_table(_unique("step"), expr, temp=True)

    def to_arrow(self, expr: ir.Table) -> pa.Table:
        return self.con.to_pyarrow(expr)

    def close(self) -> None:
        self.con.disconnect()


class SparkBackend:
    """PySpark: the same pipeline on a Spark cluster, or a local session (`local[*]`)."""

    name = "spark"

    def __init__(self, session: Any = None) -> None:
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise RuntimeError(
                "the Spark backend needs PySpark: pip install 'clusterhub[spark]' (and Java 17+)"
            ) from None
        if session is None:
            session = (
                SparkSession.builder.master(os.environ.get("CLUSTERHUB_SPARK_MASTER", "local[*]"))
                .appName("clusterhub-mapping")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", str(2 * (os.cpu_count() or 2)))
                .config("spark.driver.memory", os.environ.get("CLUSTERHUB_SPARK_MEMORY", "4g"))
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate()
            )
            session.sparkContext.setLogLevel("ERROR")
        self.session = session
        self.con = ibis.pyspark.connect(session)

    def observations(self, source: Observations) -> ir.Table:
        if source.table is not None:
            return self.from_arrow(source.table)
        assert source.path is not None
        if is_parquet(source.path):
            return self.con.read_parquet(str(source.path.resolve()))
        return self.con.read_csv(
            str(source.path.resolve()), header=True, sep=_delimiter(source), encoding="utf-8"
        )

    def from_arrow(self, table: pa.Table) -> ir.Table:
        name = _unique("input")
        # From Arrow, not pandas: pandas would turn missing numbers into NaN, which Spark sums.
        self.session.createDataFrame(table).createOrReplaceTempView(name)
        return self.con.table(name)

    def materialize(self, expr: ir.Table) -> ir.Table:
        # Spark's cache keeps the rows in executor memory (spilling to disk when it must).
        return expr.cache()

    def to_arrow(self, expr: ir.Table) -> pa.Table:
        return self.con.to_pyarrow(expr)

    def close(self) -> None:
        # The session may be shared (a notebook, a test): cached tables are released with it.
        return None


BACKENDS: dict[str, Callable[[], Backend]] = {"duckdb": DuckDBBackend, "spark": SparkBackend}


def open_backend(name: str) -> Backend:
    """A backend by name (`duckdb` or `spark`)."""
    try:
        factory = BACKENDS[name]
    except KeyError:
        raise ValueError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}") from None
    return factory()


def _delimiter(source: Observations) -> str:
    assert source.path is not None
    with source.path.open(encoding="utf-8-sig", errors="replace") as handle:
        return sniff_delimiter(handle.readline(limits.LINE_CHARS + 1))


_counter = iter(range(1, 1 << 62))


def _unique(stem: str) -> str:
    return f"clusterhub_{stem}_{next(_counter)}"
