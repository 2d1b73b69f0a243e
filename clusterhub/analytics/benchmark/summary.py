"""Distributions of indicators over organisations: for the study's tables and charts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Distribution:
    """How one indicator is spread over a set of organisations (n = those with a value)."""

    n: int
    mean: float | None
    p25: float | None
    median: float | None
    p75: float | None


def distribution(values: list[float | None]) -> Distribution:
    """n, mean and quartiles (linear interpolation) of the known values."""
    known = np.array([v for v in values if v is not None], dtype=float)
    if not len(known):
        return Distribution(0, None, None, None, None)
    p25, median, p75 = (float(q) for q in np.percentile(known, [25, 50, 75]))
    return Distribution(len(known), float(known.mean()), p25, median, p75)


def summarise(
    values: Mapping[str, Mapping[str, float | None]],
    groups: Mapping[str, str | None],
    indicator_id: str,
) -> dict[str, Distribution]:
    """The indicator's distribution per group (e.g. country) and over all (key `""`)."""
    by_group: dict[str, list[float | None]] = defaultdict(list)
    for org, own in values.items():
        value = own.get(indicator_id)
        by_group[""].append(value)
        group = groups.get(org)
        if group:
            by_group[group].append(value)
    return {group: distribution(group_values) for group, group_values in sorted(by_group.items())}
