"""A region's specialisation profile: its categories from most to least specialised."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class ProfileEntry:
    category: str
    employment: float | None
    lq: float | None
    share_of_region: float | None


def specialisation_profile(
    result: pa.Table, region: str, year: int | None = None
) -> list[ProfileEntry]:
    """The region's categories by LQ (highest first) with their share of its employment.

    Args:
        result: a `compute` result.
        region: the region's code.
        year: the year to profile; the latest in the result when None.
    """
    rows = [row for row in result.to_pylist() if row["region"] == region]
    if "year" in result.column_names and rows:
        chosen = year if year is not None else max(row["year"] for row in rows)
        rows = [row for row in rows if row["year"] == chosen]
    total = sum(row["employment"] or 0.0 for row in rows)
    entries = [
        ProfileEntry(
            row["category"],
            row["employment"],
            row["lq"],
            (row["employment"] / total) if total and row["employment"] is not None else None,
        )
        for row in rows
    ]
    return sorted(entries, key=lambda entry: (entry.lq is None, -(entry.lq or 0.0), entry.category))
