"""Result files shaped like the output of `clusterhub mapping compute`, written in a test."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.helpers import write_rows

CMP_HEADER = [
    "region",
    "category",
    "group",
    "employment",
    "lq",
    "qualifying",
    "significant",
    "strong",
    "strong10",
]
STARS_HEADER = [
    "region",
    "category",
    "group",
    "employment",
    "lq",
    "share",
    "size",
    "specialisation",
    "focus",
    "stars",
]

# A small stars result: Moravia-Silesia (CZ08) is strong in motor vehicles (C29).
STARS_ROWS: list[dict[str, str]] = [
    {"region": "CZ08", "category": "C29", "employment": "24000", "lq": "3.1", "stars": "3"},
    {"region": "CZ08", "category": "C24", "employment": "18000", "lq": "2.4", "stars": "2"},
    {"region": "CZ08", "category": "J62", "employment": "3000", "lq": "0.6", "stars": "0"},
    {"region": "CZ08", "category": "Q86", "employment": "", "lq": "", "stars": "0"},
    {"region": "CZ06", "category": "C29", "employment": "9000", "lq": "1.2", "stars": "1"},
    {"region": "CZ06", "category": "C24", "employment": "1000", "lq": "0.4", "stars": "0"},
    {"region": "CZ06", "category": "J62", "employment": "12000", "lq": "1.9", "stars": "2"},
    {"region": "CZ06", "category": "Q86", "employment": "15000", "lq": "1.1", "stars": "1"},
    {"region": "PL22", "category": "C29", "employment": "30000", "lq": "2.0", "stars": "2"},
    {"region": "PL22", "category": "C24", "employment": "25000", "lq": "2.9", "stars": "3"},
]


def stars_row(row: Mapping[str, str]) -> dict[str, str]:
    stars = int(row.get("stars") or 0)
    return {
        "group": "traded",
        "share": "0.05",
        "size": str(stars >= 1).lower(),
        "specialisation": str(stars >= 2).lower(),
        "focus": str(stars >= 3).lower(),
        **row,
    }


def cmp_row(row: Mapping[str, str]) -> dict[str, str]:
    lq = float(row.get("lq") or 0)
    return {
        "group": "traded",
        "qualifying": "true",
        "significant": str(lq >= 1).lower(),
        "strong": str(lq >= 2).lower(),
        "strong10": str(lq >= 3).lower(),
        **row,
    }


def write_stars(path: Path, rows: Sequence[Mapping[str, str]] = STARS_ROWS, **extra: str) -> Path:
    """A `stars` result file; `extra` adds a column with the same value on every row, and
    the rows' own keys beyond the required columns become columns too (year, cagr...)."""
    full = [{**stars_row(r), **extra} for r in rows]
    more = [k for k in dict.fromkeys(k for r in full for k in r) if k not in STARS_HEADER]
    return write_rows(path, full, [*STARS_HEADER, *more])


def write_cmp(path: Path, rows: Sequence[Mapping[str, str]] = STARS_ROWS) -> Path:
    full = [{k: v for k, v in cmp_row(r).items() if k != "stars"} for r in rows]
    return write_rows(path, full, CMP_HEADER)
