"""Reading mapping observations back in tests: rows, one cell's employment, warnings."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from clusterhub.analytics.mapping.problems import Findings


def rows(table: pa.Table) -> list[tuple[Any, ...]]:
    return [tuple(row.values()) for row in table.to_pylist()]


def value(table: pa.Table, region: str, category: str, year: int = 2015) -> float | None:
    matches = [
        row["employment"]
        for row in table.to_pylist()
        if (row["region"], row["category"], row["year"]) == (region, category, year)
    ]
    assert len(matches) == 1, (region, category, year)
    return matches[0]  # type: ignore[no-any-return]


def warnings_about(findings: Findings, words: str) -> list[str]:
    return [w.reason for w in findings.warnings if words in w.reason]
