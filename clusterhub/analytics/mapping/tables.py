"""Reading the small input files (categories, totals, crosswalk) row by row, with row numbers.

These files have at most some thousands of rows, so they are read in Python, where every
problem can name its row. The observations, which can have tens of millions of rows, are read
by the engine (see `sources.py`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from clusterhub.lib.refusal import RefusedValue


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
    """The normalised column names of a CSV or Parquet file."""
    if is_parquet(path):
        return [normalise(name) for name in pq.read_schema(path).names]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    return [normalise(name) for name in next(csv.reader([first], delimiter=sniff_delimiter(first)))]


def is_parquet(path: Path) -> bool:
    """Whether the file is Parquet (by its name or its magic bytes)."""
    if path.suffix.lower() in {".parquet", ".pq"}:
        return True
    with path.open("rb") as handle:
        return handle.read(4) == b"PAR1"


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of a CSV (UTF-8, any of `,;\\t`) or Parquet file, with normalised columns."""
    if is_parquet(path):
        table = pq.read_table(path)
        names = [normalise(name) for name in table.column_names]
        for index, record in enumerate(table.to_pylist(), start=2):
            yield Row(
                index,
                {name: _text(value) for name, value in zip(names, record.values(), strict=True)},
            )
        return
    text = path.read_text(encoding="utf-8-sig")
    lines = io.StringIO(text, newline="")
    first = text.split("\n", 1)[0]
    reader = csv.reader(lines, delimiter=sniff_delimiter(first))
    names = [normalise(name) for name in next(reader, [])]
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        cells: dict[str, str | None] = {name: None for name in names}
        cells.update(zip(names, row, strict=False))
        yield Row(reader.line_num, cells)


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
