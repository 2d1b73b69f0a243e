"""Numbers as a reader of the study expects them, in the active language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusterhub.analytics.benchmark import Distribution
from clusterhub.registry.figures import figure

# Survey-based figures of fewer organisations than this are not shown: they would reveal
# what single organisations answered.
MIN_CELL = 3
# An empty cell of a table: a dash as printed tables have it.
EMPTY = "\u2013"


def value(number: float | None, unit: str) -> str:
    if number is None:
        return EMPTY
    if unit == "share":
        return f"{figure(100 * number, 1, grouping=False)} %"
    if unit == "eur":
        return f"{figure(number)} EUR"
    if unit in ("count", "years") and float(number).is_integer():
        return figure(number)
    return figure(number, 1)


def spread(stats: Distribution, unit: str, survey: bool) -> list[str]:
    """n, median, interquartile range and mean, or a note when too few answered."""
    if stats.n == 0:
        return ["0", EMPTY, EMPTY, EMPTY]
    if survey and stats.n < MIN_CELL:
        return [str(stats.n), _("too few answers"), "", ""]
    return [
        str(stats.n),
        value(stats.median, unit),
        f"{value(stats.p25, unit)} {EMPTY} {value(stats.p75, unit)}",
        value(stats.mean, unit),
    ]


def percent(part: int, whole: int) -> str:
    return EMPTY if not whole else f"{figure(100 * part / whole, grouping=False)} %"
