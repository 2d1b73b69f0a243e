"""Rounding for display, half up as the number is written (`clusterhub.registry.figures`
formats the result in the active language)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: float | int | Decimal, digits: int) -> Decimal:
    """`value` rounded to `digits` decimals, halves away from zero, as written (repr of a float:
    2.675 is 2.68, not the 2.67 its binary value would give)."""
    return Decimal(repr(value) if isinstance(value, float) else value).quantize(
        Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP
    )
