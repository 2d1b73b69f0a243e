"""The study's charts, defined once with Altair: vega-embed draws them on the web page,
vl-convert turns them into SVG for the PDF."""

from __future__ import annotations

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
