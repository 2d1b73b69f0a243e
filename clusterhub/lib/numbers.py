"""Numbers rounded for display.

Django's `number_format` cuts a float's digits off (9.8063 with 2 digits shows 9.80) instead of
rounding; giving it a Decimal rounded here first shows 9.81, and the same figure rounds the
same way on every page, chart and report.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def half_up(value: float | int | Decimal, digits: int) -> Decimal:
    """`value` rounded to `digits` decimals, halves away from zero, as written (repr of a float:
    2.675 is 2.68, not the 2.67 its binary value would give)."""
    return Decimal(repr(value) if isinstance(value, float) else value).quantize(
        Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP
    )
