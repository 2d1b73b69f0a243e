"""Who the study covers: organisations by place, ecosystem and lifecycle; survey answers."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import charts, labels
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import percent, value
from clusterhub.benchmarking.study.grouping import grouping_phrase, place_grouping
from clusterhub.benchmarking.study.model import Exhibit, Section


def coverage(data: StudyData) -> Section:
    heading, place_of = place_grouping(data)
    orgs = data.organisations
    total, answered = len(orgs), data.answered
    section = Section(_("Coverage"), anchor="coverage")
    section.paragraphs.append(
        _(
            "The study covers %(total)s cluster organisations of the registry; %(answered)s of "
            "them (%(share)s) answered the benchmarking survey. Figures from the registry "
            "describe every organisation, figures from the survey those that answered."
        )
        % {"total": total, "answered": answered, "share": percent(answered, total)}
    )
    places: dict[str, list[int]] = {}
    for org in orgs:
        place = place_of(org) or _("unknown")
        counts = places.setdefault(place, [0, 0, 0])
        counts[0] += 1
        counts[1] += int(org.answered)
        counts[2] += int(org.record.get("members_total") or 0)
    ordered = sorted(places.items(), key=lambda item: (-item[1][0], item[0]))
    section.exhibits.append(
        Exhibit(
            "table",
            _("Organisations and survey answers by %(grouping)s")
            % {"grouping": grouping_phrase(data)},
            [
                heading,
                _("Organisations"),
                _("Answered the survey"),
                _("Response rate"),
                _("Members in all"),
            ],
            [
                [place, str(n), str(a), percent(a, n), value(m, "count")]
                for place, (n, a, m) in ordered
            ],
        )
    )
    chart_rows = [
        {"place": place, "status": status, "organisations": value}
        for place, (n, a, _m) in ordered
        for status, value in ((_("answered the survey"), a), (_("registry only"), n - a))
    ]
    section.exhibits.append(
        Exhibit(
            "figure",
            _("Organisations by %(grouping)s") % {"grouping": grouping_phrase(data)},
            [heading, _("Organisations"), _("Answered the survey")],
            [[place, str(n), str(a)] for place, (n, a, _m) in ordered],
            spec=charts.bars(
                chart_rows,
                "place",
                "organisations",
                title_x=_("Organisations"),
                title_y=heading,
                colour="status",
            ),
        )
    )
    ecosystems = Counter(code for org in orgs for code in org.ecosystems)
    section.exhibits.append(
        Exhibit(
            "table",
            _("Organisations by industrial ecosystem"),
            [_("Ecosystem"), _("Organisations"), _("Share")],
            [
                [labels.ecosystem(code), str(n), percent(n, total)]
                for code, n in ecosystems.most_common()
            ],
            note=_("An organisation may work in several ecosystems."),
        )
    )
    stages = Counter(org.lifecycle for org in orgs if org.lifecycle)
    bands = Counter(org.size_band for org in orgs if org.size_band)
    section.exhibits.append(
        Exhibit(
            "table",
            _("Organisations by lifecycle stage and by number of members"),
            [_("Lifecycle stage"), _("Organisations"), _("Number of members"), _("Organisations")],
            _side_by_side(
                [(labels.lifecycle(code), str(n)) for code, n in stages.most_common()],
                [
                    (band, str(bands[band]))
                    for band in ("1-24", "25-49", "50-99", "100-249", "250+")
                    if bands[band]
                ],
            ),
        )
    )
    return section


def _side_by_side(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> list[list[str]]:
    rows = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", "")
        b = right[i] if i < len(right) else ("", "")
        rows.append([*a, *b])
    return rows
