"""The study's charts, defined once with Altair: vega-embed draws them on the web page,
vl-convert turns them into SVG for the PDF."""

from __future__ import annotations

import math
from typing import Any

import altair as alt

WIDTH = 440


def _spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict()
    spec.pop("$schema", None)
    return spec


def bars(
    data: list[dict[str, Any]],
    category: str,
    amount: str,
    *,
    title_x: str,
    title_y: str,
    colour: str | None = None,
) -> dict[str, Any]:
    """Horizontal bars, longest first (stacked by `colour` when given)."""
    height = max(60, 18 * len({row[category] for row in data}))
    encoding: dict[str, Any] = {
        "y": alt.Y(f"{category}:N", sort="-x", title=title_y),
        "x": alt.X(f"{amount}:Q", title=title_x),
    }
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=None, legend=alt.Legend(orient="bottom"))
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(**encoding)
    return _spec(chart.properties(width=WIDTH, height=height))


def grouped_bars(
    data: list[dict[str, Any]],
    category: str,
    amount: str,
    group: str,
    *,
    title_x: str,
    title_y: str,
) -> dict[str, Any]:
    """Bars of two or more series side by side per category."""
    height = max(60, 26 * len({row[category] for row in data}))
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N",
                title=title_y,
                sort=alt.EncodingSortField(amount, op="sum", order="descending"),
            ),
            yOffset=alt.YOffset(f"{group}:N"),
            x=alt.X(f"{amount}:Q", title=title_x),
            color=alt.Color(f"{group}:N", title=None, legend=alt.Legend(orient="bottom")),
        )
    )
    return _spec(chart.properties(width=WIDTH, height=height))


def ranges(data: list[dict[str, Any]], group: str, *, title_x: str, title_y: str) -> dict[str, Any]:
    """Median (point) and interquartile range (line) per group: rows have p25, median, p75."""
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y(
            f"{group}:N", title=title_y, sort=alt.EncodingSortField("median", order="descending")
        )
    )
    line = base.mark_rule(strokeWidth=3, opacity=0.5).encode(
        x=alt.X("p25:Q", title=title_x), x2="p75:Q"
    )
    point = base.mark_point(filled=True, size=60).encode(x="median:Q")
    height = max(60, 20 * len(data))
    return _spec(alt.layer(line, point).properties(width=WIDTH, height=height))


def radar(data: list[dict[str, Any]], *, title: str) -> dict[str, Any]:
    """A radar of percentiles (0-100) per area, one polygon per peer group.

    Vega-Lite has no radar mark, so the areas are laid round a circle with calculated
    x/y positions: one line per peer group, closed back to its first area.
    """
    areas = sorted({row["area"] for row in data})
    step = 360 / max(1, len(areas))
    points = []
    for row in data:
        index = areas.index(row["area"])
        points.append({**row, "angle": index * step, "order": index})
    closing = [{**p, "order": len(areas)} for p in points if p["order"] == 0]
    values = points + closing
    base = alt.Chart(alt.Data(values=values)).transform_calculate(
        x="datum.percentile * sin(datum.angle * PI / 180)",
        y="datum.percentile * cos(datum.angle * PI / 180)",
    )
    axis = alt.Axis(title=None, labels=False, ticks=False, grid=False, domain=False)
    scale = alt.Scale(domain=[-115, 115])
    lines = base.mark_line(point=True).encode(
        x=alt.X("x:Q", scale=scale, axis=axis),
        y=alt.Y("y:Q", scale=scale, axis=axis),
        order="order:Q",
        color=alt.Color("peers:N", title=title, legend=alt.Legend(orient="bottom", columns=2)),
    )
    rings = (
        alt.Chart(alt.Data(values=[{"r": r} for r in (25, 50, 75, 100)]))
        .mark_arc(filled=False, stroke="#bbb", strokeDash=[2, 2])
        .encode(
            theta=alt.value(2 * math.pi),
            radius=alt.Radius(
                "r:Q", stack=None, scale=alt.Scale(type="linear", domain=[0, 115], range=[0, 150])
            ),
        )
    )
    spokes = [
        {
            "area": a,
            "x": 108 * math.sin(math.radians(i * step)),
            "y": 108 * math.cos(math.radians(i * step)),
        }
        for i, a in enumerate(areas)
    ]
    names = (
        alt.Chart(alt.Data(values=spokes))
        .mark_text(fontSize=10)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=axis),
            y=alt.Y("y:Q", scale=scale, axis=axis),
            text="area:N",
        )
    )
    chart = alt.layer(rings, lines, names).properties(width=300, height=300)
    return _spec(chart.configure_view(stroke=None))
