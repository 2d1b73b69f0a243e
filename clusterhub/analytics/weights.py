"""Weights of a documented score, changed per request: one rule for every score (no Django)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


class UnknownWeight(ValueError):
    def __init__(self, name: str, known: Iterable[str], what: str) -> None:
        super().__init__(f"'{name}' is not {what} (known: {', '.join(known)})")
        self.name = name


class BadWeight(ValueError):
    def __init__(self, name: str, value: object) -> None:
        super().__init__(f"the weight of '{name}' must be a number of 0 or more, not '{value}'")
        self.name = name


def changed_weights(
    defaults: Mapping[str, float], changes: Mapping[str, object] | None, what: str
) -> dict[str, float]:
    """`defaults` with `changes` applied; refuses unknown names (`what` says what a name
    should be) and values that are not finite numbers of 0 or more."""
    weights = dict(defaults)
    for name, value in (changes or {}).items():
        if name not in weights:
            raise UnknownWeight(name, defaults, what)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadWeight(name, value)
        if not math.isfinite(value) or value < 0:
            raise BadWeight(name, value)
        weights[name] = float(value)
    return weights


def parse_weight(
    item: str, separator: str, defaults: Mapping[str, float], what: str
) -> tuple[str, float]:
    """One `PART<separator>VALUE` item as (name, value); ValueError naming the problem."""
    name, found, value = item.partition(separator)
    name = name.strip()
    if not found:
        example = f"{next(iter(defaults))}{separator}2"
        raise ValueError(f"write it as PART{separator}VALUE, for example {example}")
    if name not in defaults:
        raise UnknownWeight(name, defaults, what)
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise BadWeight(name, value.strip())
    return name, number
