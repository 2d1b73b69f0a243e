"""Finding the header row, the standard table a file holds, and its columns."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from clusterhub.ingest.mapping import Mapping
from clusterhub.ingest.readers import RawTable, Unreadable
from clusterhub.ingest.readers.base import Row
from clusterhub.standard.fields import TABLES

_HEADER_SEARCH_ROWS = 30


@dataclass
class Layout:
    table: str
    header_row: int
    columns: list[str | None]  # the standard column of each cell position, None if unknown
    unknown: list[str]

    def present(self) -> set[str]:
        return {c for c in self.columns if c}


def _guess_table(recognised: dict[str, set[str]]) -> str:
    if {"code", "level"} <= recognised["policy_initiatives"]:
        return "policy_initiatives"
    members_like = recognised["members"] | recognised["cooperations"]
    if "cluster_id" in members_like:
        partner = {"partner_id", "partner_name", "partner_country", "kind", "since", "until"}
        return "cooperations" if recognised["cooperations"] & partner else "members"
    return "clusters"


def find_layout(raw: RawTable, mapping: Mapping, table: str | None) -> tuple[Layout, Iterator[Row]]:
    """Read up to the header row; returns the layout and the rows that follow it."""
    fixed = table or mapping.table
    candidates = [fixed] if fixed else list(TABLES)
    for number, cells in itertools.islice(raw.rows, _HEADER_SEARCH_ROWS):
        recognised = {
            t: {c for c in (mapping.standard_column(h, t) for h in cells if h.strip()) if c}
            for t in candidates
        }
        if raw.has_header_row and max(len(found) for found in recognised.values()) < 2:
            continue
        chosen = fixed or _guess_table(recognised)
        columns = [mapping.standard_column(h, chosen) if h.strip() else None for h in cells]
        _check_columns(raw.name, chosen, cells, columns, mapping)
        unknown = [h for h, c in zip(cells, columns, strict=True) if c is None and h.strip()]
        layout = Layout(chosen, number, columns, unknown)
        return layout, raw.rows
    expected = ", ".join(f.name for f in TABLES[fixed or "clusters"] if f.required)
    raise Unreadable(
        f"{raw.name} has no recognisable header row: expected column names of the standard "
        f"such as {expected} (or a --mapping file that renames the national headers)."
    )


def _check_columns(
    name: str, table: str, cells: list[str], columns: list[str | None], mapping: Mapping
) -> None:
    seen: dict[str, str] = {}
    for header, column in zip(cells, columns, strict=True):
        if column is None:
            continue
        if column in seen:
            raise Unreadable(
                f"{name}: columns {seen[column]!r} and {header!r} both give {column!r}; keep one."
            )
        seen[column] = header
    missing = [
        f.name
        for f in TABLES[table]
        if f.required and f.name not in seen and f.name not in mapping.defaults
    ]
    if missing:
        listed = ", ".join(missing)
        raise Unreadable(
            f"{name}: the header row has no column {listed}, which the {table} table requires "
            f"(add it, or rename a column to it with --mapping)."
        )
