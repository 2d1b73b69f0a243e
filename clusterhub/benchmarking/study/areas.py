"""One section per benchmarking area: each indicator's distribution overall, by place and by
ecosystem, with a chart of medians and interquartile ranges."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from clusterhub.analytics.benchmark import AREAS, INDICATORS, Indicator, distribution
from clusterhub.benchmarking.study import charts, labels
from clusterhub.benchmarking.study.data import Organisation, StudyData
from clusterhub.benchmarking.study.formatting import MIN_CELL, spread, value
from clusterhub.benchmarking.study.grouping import grouping_phrase, place_grouping
from clusterhub.benchmarking.study.model import HIDDEN, Exhibit, Section


def area_sections(data: StudyData) -> tuple[list[Section], dict[str, Exhibit]]:
    """The six area sections and, per indicator id, the exhibit that states its figures."""
    heading, place_of = place_grouping(data)
    by_indicator: dict[str, Exhibit] = {}
    sections = []
    for area, english in AREAS.items():
        section = Section(labels.text(english), anchor=f"area-{area}")
        indicators = [i for i in INDICATORS if i.area == area]
        overview = Exhibit(
            "table",
            _("%(area)s: the indicators over all organisations") % {"area": labels.text(english)},
            [
                _("Indicator"),
                _("Organisations"),
                _("Median"),
                _("Middle half (25th to 75th percentile)"),
                _("Mean"),
            ],
            [
                [labels.text(i.label), *spread(_stats(data, i.id), i.unit, "survey" in i.source)]
                for i in indicators
            ],
            note=_("Sources: %(sources)s.")
            % {"sources": labels.sources(i.source for i in indicators)},
        )
        section.exhibits.append(overview)
        for indicator in indicators:
            by_indicator[indicator.id] = overview
            figure = _indicator_figure(data, indicator, heading, place_of)
            if figure is not None:
                section.exhibits.append(figure)
        section.exhibits.append(_by_ecosystem(data, indicators))
        sections.append(section)
    return sections, by_indicator


def median(data: StudyData, indicator_id: str) -> tuple[float | None, int]:
    """The median of an indicator over the study's organisations, and how many have it."""
    stats = _stats(data, indicator_id)
    return stats.median, stats.n


def _stats(data: StudyData, indicator_id: str, orgs: list[Organisation] | None = None):  # type: ignore[no-untyped-def]
    chosen = data.organisations if orgs is None else orgs
    return distribution([data.values[str(org.pk)][indicator_id] for org in chosen])


def _indicator_figure(
    data: StudyData,
    indicator: Indicator,
    heading: str,
    place_of: Callable[[Organisation], str | None],
) -> Exhibit | None:
    groups: dict[str, list[Organisation]] = {}
    for org in data.organisations:
        place = place_of(org)
        if place:
            groups.setdefault(place, []).append(org)
    rows, chart_rows = [], []
    minimum = MIN_CELL if "survey" in indicator.source else 1
    for place, orgs in sorted(groups.items()):
        stats = _stats(data, indicator.id, orgs)
        if stats.n < minimum or stats.median is None:
            continue
        scale = 100.0 if indicator.unit == "share" else 1.0
        chart_rows.append(
            {
                "group": place,
                "p25": (stats.p25 or 0) * scale,
                "median": stats.median * scale,
                "p75": (stats.p75 or 0) * scale,
            }
        )
        rows.append([place, *spread(stats, indicator.unit, "survey" in indicator.source)])
    if not rows:
        return None
    unit = " (%)" if indicator.unit == "share" else ""
    return Exhibit(
        "figure",
        _("%(indicator)s by %(grouping)s: median and middle half")
        % {"indicator": labels.text(indicator.label), "grouping": grouping_phrase(data)},
        [
            heading,
            _("Organisations"),
            _("Median"),
            _("Middle half (25th to 75th percentile)"),
            _("Mean"),
        ],
        rows,
        spec=charts.ranges(
            chart_rows, "group", title_x=labels.text(indicator.label) + unit, title_y=heading
        ),
        note=_("Formula: %(formula)s.") % {"formula": indicator.formula},
    )


def _by_ecosystem(data: StudyData, indicators: list[Indicator]) -> Exhibit:
    ecosystems = sorted({code for org in data.organisations for code in org.ecosystems})
    rows = []
    for code in ecosystems:
        orgs = [org for org in data.organisations if code in org.ecosystems]
        cells = [labels.ecosystem(code), str(len(orgs))]
        for indicator in indicators:
            stats = _stats(data, indicator.id, orgs)
            small = "survey" in indicator.source and stats.n < MIN_CELL
            cells.append(HIDDEN if small else value(stats.median, indicator.unit))
        rows.append(cells)
    return Exhibit(
        "table",
        _("Medians by industrial ecosystem"),
        [_("Ecosystem"), _("Organisations"), *[labels.text(i.label) for i in indicators]],
        rows,
        note=_("· fewer than %(n)s answers, not shown.") % {"n": MIN_CELL}
        if any(HIDDEN in row for row in rows)
        else "",
    )
