"""The "Related industries" panel of the mapping's category pages (registered in apps.py).

The newest stored relatedness set that relates the page's category to another positively:
its ten most related categories with their values, and a heat map of the category and those ten, drawn on the
server as SVG (no script, nothing for the CSP to block; the list holds the same values).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from clusterhub.mapping.models import MappingCategory, MappingResult

TEMPLATE = "cooperation/relatedness_panel.html"
TOP = 10
CELL = 26  # px, one heat-map cell
MARGIN = 64  # px, room for the codes left of and above the cells
CODE_CHARS = 8  # a longer code is cut in the heat map (whole in its tooltip)
# The heat map's colour: one hue, from light (the least related shown) to dark.
HUE, SATURATION, LIGHTEST, DARKEST = 212, 60, 96, 32


@dataclass(frozen=True)
class Related:
    code: str
    label: str
    relatedness: float
    url: str  # the category's page in the same mapping result set, or ""


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    fill: str
    title: str


@dataclass(frozen=True)
class Label:
    x: int
    y: int
    text: str
    title: str


@dataclass(frozen=True)
class HeatMap:
    size: int  # px, width and height
    cell: int
    cells: list[Cell]
    rows: list[Label]
    columns: list[Label]
    low: float
    high: float


def related_industries(
    request: HttpRequest, result: MappingResult, category: MappingCategory
) -> tuple[str, dict[str, Any]] | None:
    """The panel's template and context, or None without a stored set for the category."""
    found = _newest_with(category.code)
    if found is None:
        return None
    matrix, top = found
    codes = [category.code, *(pair.category_b for pair in top)]
    known = {
        c.code: c.label_shown for c in MappingCategory.objects.filter(result=result, code__in=codes)
    }
    related = [
        Related(
            code=pair.category_b,
            label=known.get(pair.category_b, ""),
            relatedness=pair.relatedness,
            url=reverse("portal:mapping_category", args=[result.slug, pair.category_b])
            if pair.category_b in known
            else "",
        )
        for pair in top
    ]
    context = {
        "matrix": matrix,
        "measure": measure_label(matrix.measure),
        "category": category,
        "related": related,
        "heatmap": heat_map(matrix, codes, known),
    }
    return TEMPLATE, context


def measure_label(measure: str) -> str:
    """The measure of a set in words (a blend's description as it was written)."""
    labels = {
        "share_correlation": _("correlation of regional employment shares"),
        "share_cosine": _("cosine of regional employment shares"),
        "log_lq_correlation": _("correlation of log location quotients"),
        "proximity": _("proximity of regional specialisations (Hidalgo et al.)"),
    }
    return labels.get(measure.strip(), measure)


def _newest_with(code: str) -> tuple[RelatednessResult, list[RelatednessPair]] | None:
    """The newest set that relates `code` to anything, and its `TOP` pairs from `code`."""
    for matrix in RelatednessResult.objects.order_by("-loaded_at", "-id"):
        # Related means more than nothing: a correlation below 0 says the two avoid each other.
        top = list(
            RelatednessPair.objects.filter(
                result=matrix, category_a=code, relatedness__gt=0
            ).order_by("-relatedness", "category_b")[:TOP]
        )
        if top:
            return matrix, top
    return None


def heat_map(matrix: RelatednessResult, codes: list[str], labels: dict[str, str]) -> HeatMap:
    """The relatedness of every ordered pair of `codes` as coloured cells; the colour scale
    runs from the smallest to the largest value shown (the diagonal is left empty)."""
    values = {
        (a, b): value
        for a, b, value in RelatednessPair.objects.filter(
            result=matrix, category_a__in=codes, category_b__in=codes
        ).values_list("category_a", "category_b", "relatedness")
    }
    low = min(values.values(), default=0.0)
    high = max(values.values(), default=0.0)
    cells = []
    for row, a in enumerate(codes):
        for column, b in enumerate(codes):
            value = values.get((a, b))
            if a == b or value is None:
                continue
            cells.append(
                Cell(
                    x=MARGIN + column * CELL,
                    y=MARGIN + row * CELL,
                    fill=_colour(value, low, high),
                    title=f"{a} ~ {b}: {value:.2f}",
                )
            )

    def label(code: str) -> tuple[str, str]:
        shown = code if len(code) <= CODE_CHARS else code[: CODE_CHARS - 1] + "…"
        return shown, f"{code} {labels.get(code, '')}".strip()

    return HeatMap(
        size=MARGIN + len(codes) * CELL,
        cell=CELL,
        cells=cells,
        rows=[
            Label(MARGIN - 4, MARGIN + i * CELL + CELL // 2, *label(code))
            for i, code in enumerate(codes)
        ],
        columns=[
            Label(MARGIN + i * CELL + CELL // 2, MARGIN - 4, *label(code))
            for i, code in enumerate(codes)
        ],
        low=low,
        high=high,
    )


def _colour(value: float, low: float, high: float) -> str:
    share = 1.0 if high == low else (value - low) / (high - low)
    lightness = LIGHTEST - share * (LIGHTEST - DARKEST)
    return f"hsl({HUE}, {SATURATION}%, {lightness:.1f}%)"
