"""Writing mapping inputs as files, as a user would hand them to `mapping compute`."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_csv(
    path: Path, rows: list[dict[str, Any]], columns: list[str], delimiter: str = ","
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return path


def write_categories(path: Path, categories: dict[str, str]) -> Path:
    return write_csv(
        path, [{"category": c, "group": g} for c, g in categories.items()], ["category", "group"]
    )


def write_nace_categories(path: Path, codes: Iterable[str]) -> Path:
    """The NACE divisions among `codes`, traded when in sections B-E, J or M, else local."""
    divisions = {c: ("traded" if c[0] in "BCDEJM" else "local") for c in codes if len(c) == 3}
    return write_categories(path, divisions)
