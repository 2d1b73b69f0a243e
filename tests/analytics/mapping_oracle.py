"""The mapping methods written out plainly from their published rules, cell by cell.

Slow and obvious on purpose: the engine's results are compared with these on random data.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

Cell = dict[str, Any]


def oracle(
    observations: list[Cell],
    categories: dict[str, str],
    method: str,
    *,
    region_totals: list[Cell] | None = None,
    reference_totals: list[Cell] | None = None,
    crosswalk: list[Cell] | None = None,
    params: dict[str, float] | None = None,
) -> dict[tuple[str, str, int], Cell]:
    """Result cells keyed by (region, category, year); year 0 when the data have none."""
    employment: dict[tuple[str, str, int], float | None] = {}
    establishments: dict[tuple[str, str, int], float | None] = {}
    parts = defaultdict(list)
    for row in observations:
        codes = [(row["category"], 1.0)]
        if crosswalk is not None:
            codes = [
                (c["category"], c["weight"]) for c in crosswalk if c["industry"] == row["category"]
            ]
        for category, weight in codes:
            if category not in categories:
                continue
            parts[(row["region"], category, row.get("year", 0))].append((row, weight))
    for key, contributions in parts.items():
        known = [r["employment"] * w for r, w in contributions if r["employment"] is not None]
        employment[key] = sum(known) if known else None
        known_est = [
            r["establishments"] * w for r, w in contributions if r.get("establishments") is not None
        ]
        establishments[key] = sum(known_est) if known_est else None

    def group_of(key: tuple[str, str, int]) -> str:
        return categories[key[1]]

    def total(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    cells: dict[tuple[str, str, int], Cell] = {}
    for key, value in employment.items():
        region, category, year = key
        group = group_of(key)
        if region_totals is None:
            erg = total(
                [
                    v
                    for k, v in employment.items()
                    if k[0] == region and k[2] == year and group_of(k) == group
                ]
            )
            er = total([v for k, v in employment.items() if k[0] == region and k[2] == year])
        else:
            rows = [
                r for r in region_totals if r["region"] == region and r.get("year", year) == year
            ]
            erg = (
                total([r["employment"] for r in rows if r["group"] == group])
                if any(r["group"] == group for r in rows)
                else None
            )
            er = total([r["employment"] for r in rows]) if rows else None
        if reference_totals is None:
            erc = total([v for k, v in employment.items() if k[1] == category and k[2] == year])
            erG = total([v for k, v in employment.items() if k[2] == year and group_of(k) == group])
        else:
            rows = [r for r in reference_totals if r.get("year", year) == year]
            given = [r["employment"] for r in rows if r["category"] == category]
            erc = given[0] if given else None
            named = [
                r["employment"] for r in rows if r["category"] == group and group not in categories
            ]
            erG = (
                named[0]
                if named
                else total(
                    [
                        r["employment"]
                        for r in rows
                        if r["category"] in categories and categories[r["category"]] == group
                    ]
                )
            )
        lq = None
        if None not in (value, erg, erc, erG) and erg and erG and erc:
            lq = (value / erg) / (erc / erG)
        share = value / er if value is not None and er else None
        cells[key] = {
            "employment": value,
            "establishments": establishments[key],
            "lq": lq,
            "share": share,
            "group": group,
        }
    if method == "cmp":
        _cmp(cells, establishments_given=any("establishments" in r for r in observations))
    else:
        _stars(cells, params or {})
    return cells


def _pools(cells: dict[tuple[str, str, int], Cell]) -> dict[tuple[str, int], list[Cell]]:
    pools = defaultdict(list)
    for (_region, category, year), cell in cells.items():
        if cell["employment"] is not None and cell["employment"] > 0:
            pools[(category, year)].append(cell)
    return pools


def _pct(values: list[float | None], q: float) -> float | None:
    known = [v for v in values if v is not None]
    return float(np.percentile(known, q)) if known else None


def _gt(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and a > b


def _ge(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and a >= b


def _cmp(cells: dict[tuple[str, str, int], Cell], establishments_given: bool) -> None:
    for cell in cells.values():
        cell.update(qualifying=False, significant=False, strong=False, strong10=False)
    for (_category, _year), pool in _pools(cells).items():
        if pool[0]["group"] != "traded":
            continue
        e25 = _pct([c["employment"] for c in pool], 25)
        s25 = _pct([c["establishments"] for c in pool], 25)
        lqs = [c["lq"] for c in pool]
        p25, p50, p75, p90 = (_pct(lqs, q) for q in (25, 50, 75, 90))
        for cell in pool:
            base = _gt(cell["employment"], e25) and (
                not establishments_given or _gt(cell["establishments"], s25)
            )
            lq = cell["lq"]
            cell["qualifying"] = base and _gt(lq, p25)
            cell["significant"] = base and _gt(lq, p50)
            cell["strong"] = base and _ge(lq, p75) and _ge(lq, 1)
            cell["strong10"] = base and _ge(lq, p90) and _ge(lq, 1)


def _stars(cells: dict[tuple[str, str, int], Cell], params: dict[str, float]) -> None:
    size_top = params.get("size_top", 0.10)
    focus_top = params.get("focus_top", 0.10)
    min_lq = params.get("min_lq", 2.0)
    for cell in cells.values():
        cell.update(size=False, specialisation=False, focus=False)
    for pool in _pools(cells).values():
        size_cut = _pct([c["employment"] for c in pool], 100 * (1 - size_top))
        focus_cut = _pct([c["share"] for c in pool], 100 * (1 - focus_top))
        for cell in pool:
            cell["size"] = _ge(cell["employment"], size_cut)
            cell["specialisation"] = _ge(cell["lq"], min_lq)
            cell["focus"] = _ge(cell["share"], focus_cut)
    for cell in cells.values():
        cell["stars"] = int(cell["size"]) + int(cell["specialisation"]) + int(cell["focus"])
