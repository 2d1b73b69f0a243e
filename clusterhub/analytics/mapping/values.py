"""How a cell of an input table is read, the same rule in Python and in the engine.

A count (employment, establishments) is a number ≥ 0. A blank cell or a statistical office's
marker for a suppressed value (`:`, `c`, `x`, `..`, `NA`, ...) is missing — never zero.
Anything else that is not a number ≥ 0 is refused.
"""

from __future__ import annotations

import math

import ibis
import ibis.expr.types as ir

# Markers that statistical offices use for a value they do not publish (upper case).
MISSING_MARKERS = frozenset(
    {"", ":", ": C", ":C", "C", "X", "..", "...", "-", "NA", "N/A", "NAN", "NULL", "D", "S"}
)


# A refused count in the engine (any negative value is refused).
REFUSED = -1.0


class Invalid(ValueError):
    """A cell that is neither a count nor a missing-value marker."""


def parse_count(text: str | None) -> float | None:
    """A count from a cell: the number, None when missing; raises Invalid otherwise."""
    if text is None:
        return None
    cleaned = text.strip()
    if cleaned.upper() in MISSING_MARKERS:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise Invalid(f"{cleaned!r} is not a number") from None
    if math.isnan(value):
        return None
    if value < 0 or math.isinf(value):
        raise Invalid(f"{cleaned} is not a count (it must be a number ≥ 0)")
    return value


def parse_year(text: str | None) -> int:
    """A year from a cell; raises Invalid when it is not a plausible year."""
    cleaned = (text or "").strip()
    try:
        year = int(float(cleaned))
    except ValueError:
        raise Invalid(f"{cleaned!r} is not a year") from None
    if not 1800 <= year <= 2200 or year != float(cleaned):
        raise Invalid(f"{cleaned} is not a year")
    return year


def count_column(column: ir.Column) -> ir.FloatingColumn:
    """The engine's reading of a count column: the value, null when missing, and negative
    when the cell is refused (a negative number as written; -1 for text that is no number).
    The aggregation keeps each cell's lowest value, so refused cells cost no extra work per
    row."""
    if column.type().is_numeric():
        return column.cast("float64")
    text = column.cast("string").strip()
    missing = text.isnull() | text.upper().isin(list(MISSING_MARKERS))
    number = text.try_cast("float64")
    number = ibis.ifelse(number.isinf(), REFUSED, number.fill_null(REFUSED))
    return ibis.ifelse(missing, ibis.null("float64"), number)


def year_column(column: ir.Column) -> ir.IntegerColumn:
    """The engine's reading of a year column: the year, null when it is not a whole number
    (`valid_year` tells the refused ones)."""
    if column.type().is_integer():
        return column.cast("int64")
    number = column.cast("string").strip().try_cast("float64")
    return ibis.ifelse(number == number.floor(), number, ibis.null("float64")).cast("int64")


def valid_year(year: ir.IntegerValue) -> ir.BooleanValue:
    """Whether a year read by `year_column` is a plausible year."""
    return (year >= 1800) & (year <= 2200)
