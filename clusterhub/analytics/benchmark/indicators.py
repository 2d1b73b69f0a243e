"""The benchmarking indicators, in six areas, from registry fields and survey answers.

A record is one organisation: the registry's fields of the data standard (`members_total`,
`members_sme`, `staff_fte`, `founded`, `label`, `services`, `needs`, ...) and, where it
answered the benchmarking survey, its answers by question id (`annual_budget_eur`, ...).
An indicator is None when a value it needs is missing: never guessed, never zero.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]

AREAS: dict[str, str] = {
    "structure": "Structure of participants",
    "management": "Management and governance",
    "financing": "Financing",
    "services": "Services",
    "interaction": "Interaction within the cluster",
    "achievements": "Achievements and recognition",
}

LABEL_LEVELS = {"none": 0.0, "bronze": 1.0, "silver": 2.0, "gold": 3.0}


@dataclass(frozen=True)
class Indicator:
    """One indicator: where it belongs, what it measures and how.

    Attributes:
        id: stable identifier, used in exports and the study.
        area: a key of `AREAS`.
        label: short English name (translated in the portal).
        unit: `count`, `share` (0-1), `years`, `eur`, `per-member`, `score`, ...
        formula: how it is computed, in words, for the documentation.
        source: `registry`, `survey` or `registry+survey`.
        higher_is_better: whether a higher value ranks an organisation higher in peer
            comparison (None: descriptive only, not ranked).
        compute: the function of a record.
    """

    id: str
    area: str
    label: str
    unit: str
    formula: str
    source: str
    higher_is_better: bool | None
    compute: Callable[[Record, int], float | None]


def _number(record: Record, key: str) -> float | None:
    value = record.get(key)
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def _count(record: Record, key: str) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [part for part in value.split(";") if part.strip()]
    return float(len(value)) if isinstance(value, Sequence) else None


def _share(key: str) -> Callable[[Record, int], float | None]:
    return lambda r, _y: _ratio(_number(r, key), _number(r, "members_total"))


def _field(key: str) -> Callable[[Record, int], float | None]:
    return lambda r, _y: _number(r, key)


def _percent(key: str) -> Callable[[Record, int], float | None]:
    def share(record: Record, _year: int) -> float | None:
        value = _number(record, key)
        return None if value is None else value / 100

    return share


def _since(key: str) -> Callable[[Record, int], float | None]:
    def years(record: Record, year: int) -> float | None:
        value = _number(record, key)
        return None if value is None else max(0.0, year - value)

    return years


def _member_growth(record: Record, _year: int) -> float | None:
    now, before = _number(record, "members_total"), _number(record, "members_3y_ago")
    if now is None or before is None or before <= 0:
        return None
    return float((now / before) ** (1 / 3) - 1)


def _self_financing(record: Record, _year: int) -> float | None:
    parts = [_number(record, "funding_membership_pct"), _number(record, "funding_services_pct")]
    if any(part is None for part in parts):
        return None
    return sum(part for part in parts if part is not None) / 100


def _per_member(key: str, scale: float = 1.0) -> Callable[[Record, int], float | None]:
    def value(record: Record, _year: int) -> float | None:
        ratio = _ratio(_number(record, key), _number(record, "members_total"))
        return None if ratio is None else ratio * scale

    return value


def _label(record: Record, _year: int) -> float | None:
    return LABEL_LEVELS.get(str(record.get("label") or "none"))


def _list_count(key: str) -> Callable[[Record, int], float | None]:
    return lambda r, _y: _count(r, key)


INDICATORS: tuple[Indicator, ...] = (
    # Structure of participants
    Indicator(
        "members_total",
        "structure",
        "Members",
        "count",
        "members_total",
        "registry",
        True,
        _field("members_total"),
    ),
    Indicator(
        "sme_share",
        "structure",
        "Share of SMEs among members",
        "share",
        "members_sme / members_total",
        "registry",
        None,
        _share("members_sme"),
    ),
    Indicator(
        "large_share",
        "structure",
        "Share of large companies",
        "share",
        "members_large / members_total",
        "registry",
        None,
        _share("members_large"),
    ),
    Indicator(
        "research_share",
        "structure",
        "Share of research organisations",
        "share",
        "members_research / members_total",
        "registry",
        True,
        _share("members_research"),
    ),
    Indicator(
        "public_share",
        "structure",
        "Share of public bodies",
        "share",
        "members_public / members_total",
        "registry",
        None,
        _share("members_public"),
    ),
    Indicator(
        "foreign_share",
        "structure",
        "Share of foreign members",
        "share",
        "members_foreign / members_total",
        "registry+survey",
        True,
        _share("members_foreign"),
    ),
    Indicator(
        "member_growth",
        "structure",
        "Annual growth of membership (3 years)",
        "share",
        "(members_total / members_3y_ago)^(1/3) - 1",
        "registry+survey",
        True,
        _member_growth,
    ),
    # Management and governance
    Indicator(
        "staff_fte",
        "management",
        "Management staff (FTE)",
        "count",
        "staff_fte",
        "registry",
        True,
        _field("staff_fte"),
    ),
    Indicator(
        "members_per_staff",
        "management",
        "Members per staff FTE",
        "per-staff",
        "members_total / staff_fte",
        "registry",
        None,
        lambda r, _y: _ratio(_number(r, "members_total"), _number(r, "staff_fte")),
    ),
    Indicator(
        "age",
        "management",
        "Age of the organisation",
        "years",
        "year - founded",
        "registry",
        None,
        _since("founded"),
    ),
    Indicator(
        "board_diversity",
        "management",
        "Groups represented on the board",
        "count",
        "number of groups in board_composition",
        "survey",
        True,
        _list_count("board_composition"),
    ),
    Indicator(
        "strategy_age",
        "management",
        "Years since the strategy was updated",
        "years",
        "year - strategy_updated",
        "survey",
        False,
        _since("strategy_updated"),
    ),
    Indicator(
        "manager_experience",
        "management",
        "Cluster manager's experience",
        "years",
        "manager_experience_years",
        "survey",
        True,
        _field("manager_experience_years"),
    ),
    # Financing
    Indicator(
        "budget",
        "financing",
        "Annual budget",
        "eur",
        "annual_budget_eur",
        "survey",
        True,
        _field("annual_budget_eur"),
    ),
    Indicator(
        "budget_per_member",
        "financing",
        "Budget per member",
        "eur",
        "annual_budget_eur / members_total",
        "registry+survey",
        True,
        _per_member("annual_budget_eur"),
    ),
    Indicator(
        "public_funding_share",
        "financing",
        "Share of public funding",
        "share",
        "funding_public_pct / 100",
        "survey",
        False,
        _percent("funding_public_pct"),
    ),
    Indicator(
        "self_financing_share",
        "financing",
        "Share financed by fees and services",
        "share",
        "(funding_membership_pct + funding_services_pct) / 100",
        "survey",
        True,
        _self_financing,
    ),
    Indicator(
        "project_funding_share",
        "financing",
        "Share financed by projects",
        "share",
        "funding_projects_pct / 100",
        "survey",
        None,
        _percent("funding_projects_pct"),
    ),
    # Services
    Indicator(
        "services_offered",
        "services",
        "Services offered",
        "count",
        "number of services",
        "registry",
        True,
        _list_count("services"),
    ),
    Indicator(
        "needs_stated",
        "services",
        "Needs stated",
        "count",
        "number of needs",
        "registry",
        None,
        _list_count("needs"),
    ),
    Indicator(
        "events_per_year",
        "services",
        "Events per year",
        "count",
        "events_per_year",
        "survey",
        True,
        _field("events_per_year"),
    ),
    Indicator(
        "training_per_member",
        "services",
        "Training participants per member",
        "per-member",
        "training_participants / members_total",
        "registry+survey",
        True,
        _per_member("training_participants"),
    ),
    # Interaction within the cluster
    Indicator(
        "member_meetings",
        "interaction",
        "Member meetings per year",
        "count",
        "member_meetings_per_year",
        "survey",
        True,
        _field("member_meetings_per_year"),
    ),
    Indicator(
        "joint_project_members_share",
        "interaction",
        "Share of members in joint projects",
        "share",
        "members_in_joint_projects_pct / 100",
        "survey",
        True,
        _percent("members_in_joint_projects_pct"),
    ),
    Indicator(
        "joint_projects_per_10_members",
        "interaction",
        "Joint projects per 10 members",
        "per-10-members",
        "10 x joint_projects / members_total",
        "registry+survey",
        True,
        _per_member("joint_projects", 10.0),
    ),
    Indicator(
        "member_satisfaction",
        "interaction",
        "Members' satisfaction (1-5)",
        "score",
        "member_satisfaction",
        "survey",
        True,
        _field("member_satisfaction"),
    ),
    Indicator(
        "cooperation_countries",
        "interaction",
        "Countries with active cooperation",
        "count",
        "number of cooperation_countries",
        "registry",
        True,
        _list_count("cooperation_countries"),
    ),
    # Achievements and recognition
    Indicator(
        "label_level",
        "achievements",
        "Cluster management label",
        "score",
        "none 0, bronze 1, silver 2, gold 3",
        "registry",
        True,
        _label,
    ),
    Indicator(
        "international_projects",
        "achievements",
        "International projects",
        "count",
        "international_projects",
        "survey",
        True,
        _field("international_projects"),
    ),
    Indicator(
        "eu_funding",
        "achievements",
        "EU funding obtained",
        "eur",
        "eu_funding_eur",
        "survey",
        True,
        _field("eu_funding_eur"),
    ),
    Indicator(
        "innovations",
        "achievements",
        "New products or services",
        "count",
        "new_products_or_services",
        "survey",
        True,
        _field("new_products_or_services"),
    ),
    Indicator(
        "patent_applications",
        "achievements",
        "Patent applications",
        "count",
        "patent_applications",
        "survey",
        True,
        _field("patent_applications"),
    ),
)

BY_ID: dict[str, Indicator] = {indicator.id: indicator for indicator in INDICATORS}


def compute_indicators(
    records: Mapping[str, Record], year: int
) -> dict[str, dict[str, float | None]]:
    """Every indicator of every organisation.

    Args:
        records: organisation id → its registry fields and survey answers.
        year: the reference year (for ages).
    """
    return {
        org: {indicator.id: indicator.compute(record, year) for indicator in INDICATORS}
        for org, record in records.items()
    }
