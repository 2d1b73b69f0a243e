"""The parts of a study: numbered exhibits (figures and tables) inside sections."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

# A cell that is a figure: digits with a unit or a range ("70.8 %", "26 to 63.2" with an en
# dash), maybe with a currency code ("1,250 EUR"); dashes and minus signs written as escapes.
DASHES = "\u2013\u2014\u2212"
FIGURE = re.compile(
    rf"[\d\s.,%{DASHES}\-+\u20ac/:]*\d[\d\s.,%{DASHES}\-+\u20ac/:]*(?: [A-Z]{{3}})?"
)
# Stands in a table for a survey figure of too few organisations (formatting.MIN_CELL).
HIDDEN = "\u00b7"
NO_FIGURE = ("", "-", HIDDEN, *DASHES)
# Tables of more columns than this let figures wrap, or they would run off the page.
WIDE = 7


@dataclass
class Exhibit:
    """A figure (a chart, with its data as a table) or a table, numbered in the study."""

    kind: str  # "figure" or "table"
    title: str
    columns: list[str]
    rows: list[list[str]]
    spec: dict[str, Any] | None = None  # Vega-Lite, for figures
    note: str = ""
    number: int = 0
    svg: str = ""  # the chart drawn for print, filled in when rendering

    @property
    def anchor(self) -> str:
        return f"{self.kind}-{self.number}"

    @property
    def is_figure(self) -> bool:
        return self.kind == "figure"

    @property
    def is_wide(self) -> bool:
        return len(self.columns) > WIDE

    @property
    def figure_columns(self) -> set[int]:
        """The columns whose cells are all figures (or blank): kept on one line in print,
        in tables narrow enough to afford it."""
        columns: set[int] = set()
        if self.is_wide:
            return columns
        for index in range(1, len(self.columns)):
            cells = [row[index].strip() for row in self.rows if index < len(row)]
            figures = [cell for cell in cells if cell not in NO_FIGURE]
            if figures and all(FIGURE.fullmatch(cell) for cell in figures):
                columns.add(index)
        return columns

    @property
    def spec_json(self) -> str:
        return json.dumps(self.spec, ensure_ascii=False) if self.spec else ""

    @property
    def label(self) -> str:
        from django.utils.translation import gettext

        word = gettext("Figure") if self.is_figure else gettext("Table")
        return f"{word} {self.number}"


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    exhibits: list[Exhibit] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    anchor: str = ""

    def all_exhibits(self) -> list[Exhibit]:
        found = list(self.exhibits)
        for sub in self.subsections:
            found += sub.all_exhibits()
        return found


@dataclass(frozen=True)
class Recommendation:
    """A recommendation and the exhibits whose figures it rests on."""

    text: str
    cites: tuple[Exhibit, ...]
