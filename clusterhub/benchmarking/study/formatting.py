"""Numbers as a reader of the study expects them, in the active language."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from clusterhub.analytics.benchmark import Distribution

# Survey-based figures of fewer organisations than this are not shown: they would reveal
# what single organisations answered.
MIN_CELL = 3
# An empty cell of a table: a dash as printed tables have it.
EMPTY = "\u2013"


def value(number: float | None, unit: str) -> str:
    if number is None:
        return EMPTY
    if unit == "share":
        return f"{number_format(100 * number, 1)} %"
    if unit == "eur":
        return f"{number_format(round(number), 0, force_grouping=True)} EUR"
    if unit in ("count", "years") and float(number).is_integer():
        return number_format(int(number), 0, force_grouping=True)
    return number_format(number, 1, force_grouping=True)


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
    return EMPTY if not whole else f"{number_format(100 * part / whole, 0)} %"
