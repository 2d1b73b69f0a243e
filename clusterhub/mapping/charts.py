"""Chart definitions of the mapping dashboards, as Vega-Lite specifications.

The project's charts are Vega-Lite (DESIGN.md): one definition serves the web page and,
later, PDF reports. These specs are plain dicts written here by hand; they will move to
Altair (`alt.Chart(...).to_dict()`) once Altair is a dependency of the project. Until
vega-embed is among the portal's npm packages, the page draws the same spec on the server
as an accessible HTML table with SVG bars (`bars`): no script, nothing inline for the CSP
to block, readable by screen readers. The spec itself is embedded as JSON for the future
client-side rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clusterhub.mapping.queries import Row

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
REFERENCE_LQ = 1.0  # a region as specialised as the reference area
STRONGEST = 20  # categories in a region's chart


def specialisation_spec(
    rows: Sequence[Row],
    *,
    title: str,
    category_title: str,
    lq_title: str,
    mark_title: str,
    method: str,
) -> dict[str, Any]:
    """A horizontal bar chart of the rows' location quotients, with a rule at LQ 1.

    Args:
        rows: a region's cells, strongest first; the first `STRONGEST` with an LQ are drawn.
        title, category_title, lq_title, mark_title: the chart's texts, translated.
        method: `stars` colours the bars by stars, `cmp` by the strong flag.
    """
    values = [
        {
            "category": row.cell.category,
            "label": row.label,
            "lq": round(row.cell.lq, 4),
            "employment": row.cell.employment,
            "mark": _mark(row, method),
        }
        for row in rows
        if row.cell.lq is not None
    ][:STRONGEST]
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": values},
        "width": "container",
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "y": {
                        "field": "category",
                        "type": "nominal",
                        "sort": "-x",
                        "title": category_title,
                    },
                    "x": {"field": "lq", "type": "quantitative", "title": lq_title},
                    "color": {"field": "mark", "type": "ordinal", "title": mark_title},
                    "tooltip": [
                        {"field": "category", "type": "nominal"},
                        {"field": "label", "type": "nominal"},
                        {"field": "lq", "type": "quantitative", "format": ".2f"},
                        {"field": "employment", "type": "quantitative", "format": ",.0f"},
                    ],
                },
            },
            {
                "mark": {"type": "rule", "strokeDash": [4, 4]},
                "encoding": {"x": {"datum": REFERENCE_LQ}},
            },
        ],
    }


def _mark(row: Row, method: str) -> int:
    """What colours a bar: the stars (0-3), or 1 for a strong `cmp` cell."""
    if method == "stars":
        return row.cell.stars or 0
    return 1 if row.cell.strong else 0


@dataclass(frozen=True)
class Bar:
    category: str
    label: str
    value: float
    width: str  # percent of the chart's width, formatted for an SVG attribute
    mark: int


@dataclass(frozen=True)
class Bars:
    """A bar chart drawn on the server: its bars and the position of the reference rule."""

    title: str
    category_title: str
    value_title: str
    bars: list[Bar]
    reference: str  # percent, formatted for an SVG attribute


def bars(spec: dict[str, Any]) -> Bars:
    """The bars of a `specialisation_spec`, scaled to the largest value (at least LQ 1)."""
    bar_layer, rule_layer = spec["layer"]
    encoding = bar_layer["encoding"]
    y, x = encoding["y"], encoding["x"]
    values = spec["data"]["values"]
    largest = max([REFERENCE_LQ, *(v[x["field"]] for v in values)])
    return Bars(
        title=spec["title"],
        category_title=y["title"],
        value_title=x["title"],
        bars=[
            Bar(
                category=v[y["field"]],
                label=v["label"],
                value=v[x["field"]],
                width=_percent(v[x["field"]], largest),
                mark=v["mark"],
            )
            for v in values
        ],
        reference=_percent(rule_layer["encoding"]["x"]["datum"], largest),
    )


def _percent(value: float, largest: float) -> str:
    return f"{100 * value / largest:.2f}"
