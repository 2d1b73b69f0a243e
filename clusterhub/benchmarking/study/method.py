"""The study's method section: sources, indicators with formulas, rules for small groups."""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusterhub.analytics.benchmark import INDICATORS, MIN_PEERS
from clusterhub.benchmarking.study import labels
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import MIN_CELL
from clusterhub.benchmarking.study.model import Exhibit, Section


def method_section(data: StudyData) -> Section:
    section = Section(_("Method"), anchor="method")
    section.paragraphs += [
        _(
            "This study is generated from data: the registry of cluster organisations (the "
            "unified data standard), the answers to the benchmarking survey%(questionnaire)s, "
            "the regional cluster mapping computed from employment statistics, and the "
            "registry of policy initiatives. Every figure can be traced to these sources; "
            "run again, the study gives the same figures for the same data."
        )
        % {"questionnaire": f" ({data.questionnaire})" if data.questionnaire else ""},
        _(
            "Indicators are computed for each organisation, in six areas. A figure is never "
            "guessed: an organisation without the data an indicator needs is left out of that "
            "indicator, and tables say how many organisations each figure rests on. Medians "
            "and the middle half (25th to 75th percentile, by linear interpolation) describe "
            "distributions, as they are not swayed by a few very large organisations."
        ),
        _(
            "Figures from the survey are shown only for groups of at least %(n)s "
            "organisations, so that no answer of a single organisation can be read from them. "
            "Peer comparison on an organisation's own page needs at least %(peers)s peers."
        )
        % {"n": MIN_CELL, "peers": MIN_PEERS},
    ]
    section.exhibits.append(
        Exhibit(
            "table",
            _("The indicators"),
            [_("Area"), _("Indicator"), _("Formula"), _("Source")],
            [
                [
                    labels.text(_area_name(i.area)),
                    labels.text(i.label),
                    i.formula,
                    labels.sources([i.source]),
                ]
                for i in INDICATORS
            ],
        )
    )
    return section


def _area_name(area: str) -> str:
    from clusterhub.analytics.benchmark import AREAS

    return AREAS[area]
