"""Needs, interests and services: what organisations offer, what they look for, and with
which countries they cooperate."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import charts, labels
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import percent
from clusterhub.benchmarking.study.grouping import country_name
from clusterhub.benchmarking.study.model import Exhibit, Section

TOP_COUNTRIES = 15


def service_gaps(data: StudyData) -> list[tuple[str, int, int]]:
    """(service, organisations needing it, organisations offering it), largest gap first."""
    offered = Counter(s for org in data.organisations for s in org.record.get("services") or [])
    needed = Counter(s for org in data.organisations for s in org.record.get("needs") or [])
    services = set(offered) | set(needed)
    return sorted(
        ((s, needed[s], offered[s]) for s in services), key=lambda t: (-(t[1] - t[2]), t[0])
    )


def needs_section(data: StudyData) -> tuple[Section, Exhibit]:
    total = len(data.organisations)
    section = Section(_("Needs, interests and services"), anchor="needs")
    gaps = service_gaps(data)
    section.paragraphs.append(
        _(
            "Organisations name the services they offer their members and the services they "
            "look for (their needs). Where many organisations need a service that few offer, "
            "a shared service or a support measure has an audience."
        )
    )
    table = Exhibit(
        "table",
        _("Services offered and needed"),
        [_("Service"), _("Offered by"), _("Needed by"), _("Needed, not offered (difference)")],
        [
            [
                labels.service(s),
                f"{o} ({percent(o, total)})",
                f"{n} ({percent(n, total)})",
                f"{n - o:+d}",
            ]
            for s, n, o in gaps
        ],
    )
    figure = Exhibit(
        "figure",
        _("Services offered and needed (organisations)"),
        [_("Service"), _("Offered by"), _("Needed by")],
        [[labels.service(s), str(o), str(n)] for s, n, o in gaps],
        spec=charts.grouped_bars(
            [
                row
                for s, n, o in gaps
                for row in (
                    {"service": labels.service(s), "kind": _("offered"), "organisations": o},
                    {"service": labels.service(s), "kind": _("needed"), "organisations": n},
                )
            ],
            "service",
            "organisations",
            "kind",
            title_x=_("Organisations"),
            title_y=_("Service"),
        ),
    )
    section.exhibits += [figure, table]
    partners = Counter(
        c for org in data.organisations for c in org.record.get("cooperation_countries") or []
    )
    if partners:
        top = partners.most_common(TOP_COUNTRIES)
        section.exhibits.append(
            Exhibit(
                "figure",
                _("Countries of active cooperation (organisations naming them)"),
                [_("Country"), _("Organisations")],
                [[country_name(c), str(n)] for c, n in top],
                spec=charts.bars(
                    [{"country": country_name(c), "organisations": n} for c, n in top],
                    "country",
                    "organisations",
                    title_x=_("Organisations"),
                    title_y=_("Country"),
                ),
            )
        )
    priorities = Counter(
        s
        for org in data.organisations
        if org.answered
        for s in data_answer(data, org.pk, "needs_priority")
    )
    if data.answered and priorities:
        section.exhibits.append(
            Exhibit(
                "table",
                _("Priority needs named in the survey"),
                [_("Service"), _("Organisations"), _("Share of those that answered")],
                [
                    [labels.service(s), str(n), percent(n, data.answered)]
                    for s, n in priorities.most_common()
                ],
            )
        )
    return section, table


def data_answer(data: StudyData, pk: int, question: str) -> list[str]:
    value = data.answers.get(pk, {}).get(question)
    return [str(v) for v in value] if isinstance(value, list) else []
