"""A plan's timeline: a Gantt-like chart drawn on the server as SVG.

The geometry is computed here and the template draws it: no script, nothing inline for the
content security policy to block, and the page's actions table carries the same figures
for screen readers. An action with a start and a deadline is a bar; with one of them only,
a diamond on that day; with neither, it is left out of the chart (not of the table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from clusterhub.cooperation.models import Action

WIDTH = 960
LABEL_WIDTH = 280  # the action titles, left of the time axis
ROW_HEIGHT = 26
AXIS_HEIGHT = 28
LABEL_CHARS = 42


@dataclass(frozen=True)
class Bar:
    label: str
    title: str  # the whole text of the tooltip
    y: float
    x: float
    width: float  # 0: a diamond at x
    status: str
    late: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    top: int
    label_width: int
    bars: list[Bar]
    ticks: list[Tick]
    today_x: float | None


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    day, days = dt.date(first.year, first.month, 1), []
    while day <= last:
        days.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return days


def timeline(actions: Sequence[Action], today: dt.date) -> Timeline | None:
    """The chart of the actions that have a date, or None when none has."""
    dated = [a for a in actions if a.start or a.deadline]
    if not dated:
        return None
    days = [d for a in dated for d in (a.start, a.deadline) if d is not None]
    first, last = min(days), max(days)
    first = dt.date(first.year, first.month, 1)
    last = max(last, first + dt.timedelta(days=27)) + dt.timedelta(days=1)
    span = (last - first).days
    plot = WIDTH - LABEL_WIDTH - 10

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + plot * (day - first).days / span, 1)

    bars = []
    for row, action in enumerate(dated):
        start, end = action.start or action.deadline, action.deadline or action.start
        assert start is not None and end is not None
        both = action.start is not None and action.deadline is not None
        late = action.is_late(today)
        period = _("%(start)s to %(deadline)s") % {
            "start": action.start or "…",
            "deadline": action.deadline or "…",
        }
        bars.append(
            Bar(
                label=action.title
                if len(action.title) <= LABEL_CHARS
                else action.title[: LABEL_CHARS - 1] + "…",
                title=f"{action.title} ({action.get_status_display()}): {period}",
                y=AXIS_HEIGHT + row * ROW_HEIGHT,
                x=x(start),
                width=round(max(x(end + dt.timedelta(days=1)) - x(start), 2.0), 1) if both else 0.0,
                status=action.status,
                late=late,
            )
        )
    months = _months(first, last)
    step = max(1, len(months) // 12)  # at most about twelve labels
    ticks = [
        Tick(x(m), m.strftime("%Y-%m") if m.month == 1 or i == 0 else m.strftime("%m"))
        for i, m in enumerate(months)
        if i % step == 0
    ]
    return Timeline(
        width=WIDTH,
        height=AXIS_HEIGHT + len(bars) * ROW_HEIGHT + 6,
        top=AXIS_HEIGHT - 6,
        label_width=LABEL_WIDTH,
        bars=bars,
        ticks=ticks,
        today_x=x(today) if first <= today <= last else None,
    )
