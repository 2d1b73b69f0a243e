"""Writing a result: CSV (booleans as true/false, quotes only where needed) or Parquet."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = (".csv", ".parquet")


def write_result(table: pa.Table, path: Path) -> None:
    """Write the result where the suffix says; a partial file never stays behind."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: the output must end in .csv or .parquet")
    partial = path.with_name(f".{path.name}.partial")
    try:
        if suffix == ".parquet":
            # Dictionary encoding pays for the repeated region and category names, not for
            # the numbers (it would double the writing time for a file of the same size).
            text = [f.name for f in table.schema if pa.types.is_string(f.type)]
            pq.write_table(table, partial, use_dictionary=text)
        else:
            # DuckDB quotes a value only when it must; pyarrow would quote every string.
            duckdb.from_arrow(table).write_csv(str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
