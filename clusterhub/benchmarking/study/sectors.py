"""The most promising sectors for cross-regional cooperation: the cooperation app's ranking of
ecosystems and NACE divisions (clusters, countries, members and SMEs, regional strength,
related industries, cross-border cooperation, needs offered abroad), as a table with the
reasons and a chart of the scores stacked by criterion."""

from __future__ import annotations

from django.utils.translation import gettext as _

from clusterhub.analytics.sectors import CRITERIA, DEFAULT_WEIGHTS
from clusterhub.benchmarking.study import charts
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.model import Exhibit, Section
from clusterhub.cooperation.sectors import (
    chart_spec,
    criterion_names,
    explained,
    kind_name,
    ranked_sectors,
    sector_name,
)
from clusterhub.registry.figures import figure

LISTED = 15  # sectors in the table
CHARTED = 10  # sectors in the chart
REASONS = 3  # the strongest reasons of each sector in the table


def _number(value: float, digits: int = 2) -> str:
    return figure(value, digits)


def sectors_section(data: StudyData) -> tuple[Section, Exhibit | None]:
    """The chapter and its table (None when no sector has two clusters)."""
    section = Section(_("Most promising sectors for cross-regional cooperation"), anchor="sectors")
    ranks = ranked_sectors()
    if not ranks:
        section.paragraphs.append(
            _(
                "No industrial ecosystem or NACE division has two clusters in the registry yet, "
                "so no sector can be proposed for a meta-cluster."
            )
        )
        return section, None
    names = criterion_names()
    weights = ", ".join(f"{names[c]} {DEFAULT_WEIGHTS[c]:g}" for c in CRITERIA)
    section.paragraphs += [
        _(
            "Which sectors could carry a cross-regional meta-cluster? Every industrial ecosystem "
            "and NACE division with at least two clusters is a candidate, over the whole "
            "registry whatever the scope of this study, since cooperation across borders is "
            "the point. Each is measured by its clusters, the countries they are in, their "
            "members and SME members, the regional strength of their regions in the sector, "
            "how related their industries are, the share of them already cooperating across a "
            "border within the sector, and the share of their needs that a cluster of the "
            "sector in another country offers."
        ),
        _(
            "Each criterion is divided by the best sector's value, so the best sector counts 1, "
            "and weighted (%(weights)s); the score is the sum. %(n)s sectors qualify."
        )
        % {"weights": weights, "n": len(ranks)},
    ]
    table = Exhibit(
        "table",
        _("The most promising sectors for cross-regional cooperation"),
        ["#", _("Sector"), _("Clusters"), _("Countries"), _("Score"), _("Main reasons")],
        [
            [
                str(r.rank),
                f"{sector_name(r.kind, r.code)} ({kind_name(r.kind)})",
                str(len(r.cluster_ids)),
                str(len(r.countries)),
                _number(r.score),
                "; ".join(e.text for e in explained(r)[:REASONS]),
            ]
            for r in ranks[:LISTED]
        ],
        note=_("The first %(n)s of %(total)s.") % {"n": LISTED, "total": len(ranks)}
        if len(ranks) > LISTED
        else "",
    )
    section.exhibits.append(table)
    charted = ranks[:CHARTED]
    section.exhibits.append(
        Exhibit(
            "figure",
            _("Scores of the most promising sectors, by criterion"),
            [_("Sector"), _("Score"), *(names[c] for c in CRITERIA)],
            [
                [
                    sector_name(r.kind, r.code),
                    _number(r.score),
                    *(_number(r.contributions[c]) for c in CRITERIA),
                ]
                for r in charted
            ],
            spec=chart_spec(charted, width=charts.WIDTH),
        )
    )
    return section, table
