"""The study put together: sections in reading order, exhibits numbered, recommendations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import labels
from clusterhub.benchmarking.study.areas import area_sections
from clusterhub.benchmarking.study.coverage import coverage
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.method import method_section
from clusterhub.benchmarking.study.model import Exhibit, Recommendation, Section
from clusterhub.benchmarking.study.needs import needs_section
from clusterhub.benchmarking.study.policies import policies_section
from clusterhub.benchmarking.study.recommendations import recommend
from clusterhub.benchmarking.study.regions import regions_section
from clusterhub.benchmarking.study.sectors import sectors_section


@dataclass
class Study:
    title: str
    subtitle: str
    generated: dt.datetime
    sections: list[Section]
    recommendations: list[Recommendation]
    exhibits: list[Exhibit]
    data: StudyData

    @property
    def generated_utc(self) -> str:
        return self.generated.strftime("%Y-%m-%d %H:%M")


def compose(data: StudyData) -> Study:
    method = method_section(data)
    covered = coverage(data)
    areas, by_indicator = area_sections(data)
    needs, needs_table = needs_section(data)
    mapping, mapping_table = regions_section(data)
    sectors, _sectors_table = sectors_section(data)
    policy, policy_table = policies_section(data)
    sections = [method, covered, *areas, needs, mapping, sectors, policy]
    exhibits: list[Exhibit] = []
    counters = {"figure": 0, "table": 0}
    for section in sections:
        for exhibit in section.all_exhibits():
            counters[exhibit.kind] += 1
            exhibit.number = counters[exhibit.kind]
            exhibits.append(exhibit)
    coverage_table = covered.exhibits[0]
    recommendations = recommend(
        data, by_indicator, coverage_table, needs_table, mapping_table, policy_table
    )
    return Study(
        title=_("Benchmarking of cluster organisations"),
        subtitle=_scope(data),
        generated=data.generated,
        sections=sections,
        recommendations=recommendations,
        exhibits=exhibits,
        data=data,
    )


def _scope(data: StudyData) -> str:
    parts = []
    if data.scope.country:
        parts.append(labels.country(data.scope.country) or data.scope.country)
    if data.scope.ecosystem:
        parts.append(labels.ecosystem(data.scope.ecosystem))
    where = ", ".join(parts) if parts else _("all countries and ecosystems")
    return _("%(scope)s, %(year)s") % {"scope": where, "year": data.scope.year}
