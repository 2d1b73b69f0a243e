"""The regional mapping next to the organisations: which sit in a region that is strong in
their sector (stars or the cmp flags of the latest loaded result sets)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusterhub.benchmarking.study import charts
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import percent
from clusterhub.benchmarking.study.grouping import grouping_phrase, place_grouping
from clusterhub.benchmarking.study.model import Exhibit, Section
from clusterhub.mapping.models import MappingResult

LISTED = 40


def regions_section(data: StudyData) -> tuple[Section, Exhibit | None]:
    section = Section(_("The regional mapping and the organisations"), anchor="mapping")
    results = list(MappingResult.objects.order_by("-loaded_at")[:3])
    if not results:
        section.paragraphs.append(
            _(
                "No regional mapping has been loaded yet (clusterhub mapping compute, then clusterhub mapping load), so this section is empty."
            )
        )
        return section, None
    section.paragraphs.append(
        _(
            "The regional cluster mapping (%(results)s) measures where each industry is "
            "strong. An organisation sits in a strong region when its NUTS region has at "
            "least one star, or is strong under the US Cluster Mapping rules, in a category "
            "of one of its sectors."
        )
        % {"results": ", ".join(r.name for r in results)}
    )
    heading, place_of = place_grouping(data)
    counts: dict[str, list[int]] = {}
    listed: list[tuple[int, str, list[str]]] = []
    for org in data.organisations:
        place = place_of(org) or _("unknown")
        count = counts.setdefault(place, [0, 0])
        count[0] += 1
        if org.badges:
            count[1] += 1
            best = max(org.badges, key=lambda b: b.stars or 0)
            strength = (
                ngettext("%(n)s star", "%(n)s stars", best.stars) % {"n": best.stars}
                if best.stars is not None
                else _("strong")
            )
            row = [org.name, best.region_name or best.region, best.label or best.category, strength]
            listed.append((-(best.stars or 0), org.name, row))
    table = Exhibit(
        "table",
        _("Organisations in regions strong in their sector, by %(grouping)s")
        % {"grouping": grouping_phrase(data)},
        [heading, _("Organisations"), _("In a strong region"), _("Share")],
        [
            [p, str(n), str(s), percent(s, n)]
            for p, (n, s) in sorted(counts.items(), key=lambda i: -i[1][0])
        ],
    )
    section.exhibits.append(table)
    shares = [(p, 100 * s / n) for p, (n, s) in counts.items() if n]
    chart_rows = [{"place": p, "share": share} for p, share in shares]
    section.exhibits.append(
        Exhibit(
            "figure",
            _("Share of organisations in a region strong in their sector (%)"),
            [heading, _("Share")],
            [[p, f"{share:.0f} %"] for p, share in shares],
            spec=charts.bars(chart_rows, "place", "share", title_x=_("Share (%)"), title_y=heading),
        )
    )
    if listed:
        # The strongest first (most stars), then by name.
        listed.sort(key=lambda entry: entry[:2])
        section.exhibits.append(
            Exhibit(
                "table",
                _("Organisations in strong regions"),
                [_("Organisation"), _("Region"), _("Category"), _("Strength")],
                [row for *_key, row in listed[:LISTED]],
                note=_("The first %(n)s of %(total)s.")
                % {"n": min(LISTED, len(listed)), "total": len(listed)}
                if len(listed) > LISTED
                else "",
            )
        )
    return section, table
