"""Rows made in memory (dicts by field name) read like a file, so they pass every check."""

from __future__ import annotations

from collections.abc import Iterator

from clusterhub.ingest.readers.base import RawTable, Row
from clusterhub.standard.fields import field_names


def rows_table(name: str, table: str, rows: list[dict[str, str]]) -> RawTable:
    """`rows` of the standard's `table` as the importer's RawTable (row 1 the header)."""
    columns = field_names(table)

    def numbered() -> Iterator[Row]:
        yield 1, columns
        for number, row in enumerate(rows, start=2):
            yield number, [row.get(c, "") for c in columns]

    return RawTable(name=name, rows=numbered(), encoding="utf-8")
