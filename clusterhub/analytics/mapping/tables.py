"""Reading the small input files (categories, totals, crosswalk) row by row, with row numbers.

These files have at most some thousands of rows, so they are read in Python, where every
problem can name its row; they are streamed, a line (at most `limits.LINE_CHARS`) or a
Parquet batch at a time, and what is kept is bounded by the caller. The observations, which
can have tens of millions of rows, are read by the engine (see `backends.py`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from clusterhub.analytics.bounded import (
    bounded_lines,
    cell_limit,
    csv_reason,
    first_line,
    is_parquet,
    open_text,
)
from clusterhub.analytics.mapping import limits
from clusterhub.lib.refusal import Refused, RefusedValue

__all__ = [
    "Row",
    "check_columns",
    "is_parquet",
    "normalise",
    "read_header",
    "read_rows",
    "sniff_delimiter",
]

BATCH_ROWS = 65_536


@dataclass(frozen=True)
class Row:
    """One data row: its line number in the file (header = 1) and its cells by column."""

    number: int
    cells: dict[str, str | None]


def normalise(header: str) -> str:
    """A column name as the standard spells it: trimmed, lower case, spaces as underscores."""
    return header.strip().lstrip("\ufeff").strip().lower().replace(" ", "_")


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV header line: `;`, tab or `,`."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_header(path: Path) -> list[str]:
    """The normalised column names of a CSV or Parquet file (its first line, at most
    `limits.LINE_CHARS` characters).

    Raises:
        Refused: naming the file when it is neither UTF-8 CSV text nor a Parquet table.
    """
    name = path.name
    if is_parquet(path):
        try:
            return [normalise(column) for column in pq.read_schema(path).names]
        except (pa.ArrowException, OSError) as error:
            reason = f"cannot be read as a Parquet table ({error})"
            raise Refused(RefusedValue(name, reason=reason)) from None
    if path.suffix.lower() == ".gz":
        reason = "only a Eurostat bulk download (.tsv.gz) is read from a .gz file"
        raise Refused(RefusedValue(name, reason=reason))
    try:
        first = first_line(path, limits.TABLE, limits.LINE_CHARS)
        with cell_limit(limits.CELL_CHARS):
            header = next(csv.reader([first], delimiter=sniff_delimiter(first)), [])
    except csv.Error as error:
        raise Refused(RefusedValue(name, 1, reason=csv_reason(error))) from None
    return [normalise(column) for column in header]


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of a CSV (UTF-8, any of `,;\\t`) or Parquet file, with normalised columns,
    streamed: a line of at most `limits.LINE_CHARS` characters (a cell of at most
    `limits.CELL_CHARS`), or a Parquet batch, at a time.

    Raises:
        Refused: naming the file and row of a line too long, text that is not UTF-8 or a
            row that is not CSV.
    """
    if is_parquet(path):
        yield from _parquet_rows(path)
        return
    name = path.name
    names = read_header(path)
    with open_text(path, limits.TABLE) as handle, cell_limit(limits.CELL_CHARS):
        first = handle.readline(limits.LINE_CHARS + 1)
        lines = bounded_lines(handle, name, limits.LINE_CHARS)
        reader = csv.reader(lines, delimiter=sniff_delimiter(first))
        try:
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                cells: dict[str, str | None] = {column: None for column in names}
                cells.update(zip(names, row, strict=False))
                yield Row(reader.line_num + 1, cells)
        except csv.Error as error:
            reason = csv_reason(error)
            raise Refused(RefusedValue(name, reader.line_num + 1, reason=reason)) from None


def _parquet_rows(path: Path) -> Iterator[Row]:
    for number, record in parquet_records(path):
        yield Row(number, {n: _text(value) for n, value in record.items()})


def parquet_records(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """(row number as a user counts it, the header being row 1; values by normalised
    column) of a Parquet file, read a batch at a time; an unreadable file is refused."""
    try:
        handle = pq.ParquetFile(path)
        names = [normalise(name) for name in handle.schema_arrow.names]
        number = 1
        for batch in handle.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                number += 1
                yield number, dict(zip(names, record.values(), strict=True))
    except (pa.ArrowException, OSError) as error:
        reason = f"cannot be read as a Parquet table ({error})"
        raise Refused(RefusedValue(path.name, reason=reason)) from None


def check_columns(
    path: Path, present: list[str], required: tuple[str, ...], optional: tuple[str, ...]
) -> tuple[list[RefusedValue], list[RefusedValue]]:
    """(problems for missing required columns, warnings for unknown columns)."""
    problems = [
        RefusedValue(
            path.name,
            1,
            column,
            reason="required column is missing (columns found: " + ", ".join(present) + ")",
        )
        for column in required
        if column not in present
    ]
    known = set(required) | set(optional)
    warnings = [
        RefusedValue(path.name, 1, column, reason="unknown column, not used")
        for column in present
        if column not in known
    ]
    return problems, warnings


def _text(value: object) -> str | None:
    return None if value is None else str(value)
