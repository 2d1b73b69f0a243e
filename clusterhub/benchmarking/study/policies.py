"""The policy initiatives that apply to the study's organisations, cited by their code."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from clusterhub.benchmarking.study import charts
from clusterhub.benchmarking.study.data import StudyData
from clusterhub.benchmarking.study.formatting import EMPTY
from clusterhub.benchmarking.study.model import Exhibit, Section
from clusterhub.registry.figures import figure

LISTED = 60


def policies_section(data: StudyData) -> tuple[Section, Exhibit | None]:
    section = Section(_("Policy initiatives"), anchor="policy")
    initiatives = data.initiatives
    if not initiatives:
        section.paragraphs.append(
            _("The registry of policy initiatives holds none that applies to this scope.")
        )
        return section, None
    section.paragraphs.append(
        _(
            "%(n)s support measures of the policy initiatives registry apply to the "
            "organisations of this study (EU-level measures apply everywhere). They are cited "
            "by their code in brackets."
        )
        % {"n": len(initiatives)}
    )
    table = Exhibit(
        "table",
        _("Policy initiatives that apply"),
        [_("Code"), _("Initiative"), _("Level"), _("Instrument"), _("Period"), _("Budget")],
        [
            [
                f"[{i.code}]",
                i.name + (f" ({i.name_en})" if i.name_en and i.name_en != i.name else ""),
                str(i.get_level_display()),
                str(i.get_instrument_display()) if i.instrument else EMPTY,
                i.period() or EMPTY,
                f"{figure(i.budget)} {i.currency}" if i.budget is not None else EMPTY,
            ]
            for i in initiatives[:LISTED]
        ],
        note=_("Links: %(links)s")
        % {"links": "; ".join(f"[{i.code}] {i.link}" for i in initiatives[:LISTED] if i.link)},
    )
    section.exhibits.append(table)
    instruments = Counter(
        str(i.get_instrument_display()) if i.instrument else _("other") for i in initiatives
    )
    section.exhibits.append(
        Exhibit(
            "figure",
            _("Policy initiatives by instrument"),
            [_("Instrument"), _("Initiatives")],
            [[k, str(v)] for k, v in instruments.most_common()],
            spec=charts.bars(
                [{"instrument": k, "initiatives": v} for k, v in instruments.items()],
                "instrument",
                "initiatives",
                title_x=_("Initiatives"),
                title_y=_("Instrument"),
            ),
        )
    )
    return section, table
