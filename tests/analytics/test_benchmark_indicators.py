"""Benchmarking indicators and peer comparison on plain records."""

from __future__ import annotations

import pytest

from clusterhub.analytics.benchmark import (
    AREAS,
    INDICATORS,
    area_scores,
    compute_indicators,
    distribution,
    peer_groups,
    peer_percentiles,
    size_band,
    summarise,
)


def test_every_area_has_indicators_and_every_indicator_is_documented() -> None:
    assert {indicator.area for indicator in INDICATORS} == set(AREAS)
    assert len({indicator.id for indicator in INDICATORS}) == len(INDICATORS)
    assert all(indicator.formula and indicator.label and indicator.unit for indicator in INDICATORS)


def test_an_indicator_without_its_data_is_missing_not_zero() -> None:
    values = compute_indicators({"a": {"members_total": 40}}, year=2026)["a"]
    assert values["members_total"] == 40
    assert values["sme_share"] is None
    assert values["budget"] is None
    assert values["services_offered"] is None
    assert values["label_level"] == 0  # no label is a known fact: level 0


def test_indicators_combine_registry_fields_and_survey_answers() -> None:
    record = {
        "members_total": 80,
        "members_sme": 60,
        "staff_fte": 4,
        "founded": 2011,
        "services": ["networking", "training", "rd-projects"],
        "label": "silver",
        "members_3y_ago": 60,
        "annual_budget_eur": 400000,
        "funding_membership_pct": 30,
        "funding_services_pct": 20,
        "funding_public_pct": 50,
        "joint_projects": 12,
        "board_composition": ["industry", "research", "public"],
        "strategy_updated": 2023,
    }
    values = compute_indicators({"a": record}, year=2026)["a"]
    assert values["sme_share"] == 0.75
    assert values["members_per_staff"] == 20
    assert values["age"] == 15
    assert values["services_offered"] == 3
    assert values["label_level"] == 2
    assert values["member_growth"] == pytest.approx((80 / 60) ** (1 / 3) - 1)
    assert values["budget_per_member"] == 5000
    assert values["self_financing_share"] == 0.5
    assert values["public_funding_share"] == 0.5
    assert values["joint_projects_per_10_members"] == 1.5
    assert values["board_diversity"] == 3
    assert values["strategy_age"] == 3


def test_peers_share_every_attribute_asked_for_and_one_ecosystem_is_enough() -> None:
    attributes = {
        "a": {"country": "CZ", "ecosystem": ["digital", "electronics"]},
        "b": {"country": "CZ", "ecosystem": ["electronics"]},
        "c": {"country": "PL", "ecosystem": ["electronics"]},
        "d": {"country": "CZ", "ecosystem": []},
    }
    groups = peer_groups(attributes, by=("country", "ecosystem"))
    assert groups["a"] == {"a", "b"}
    assert groups["c"] == {"c"}
    assert groups["d"] == set()


def test_percentiles_count_half_of_ties_turn_round_when_lower_is_better_and_need_five_peers() -> (
    None
):
    members = {
        f"o{i}": {"members_total": float(v), "strategy_age": float(v), "sme_share": 0.5}
        for i, v in enumerate([10, 20, 20, 30, 40, 50])
    }
    everyone = {org: set(members) for org in members}
    ranks = peer_percentiles(members, everyone)
    assert ranks["o0"]["members_total"] == pytest.approx(100 * 0.5 / 6)
    assert ranks["o1"]["members_total"] == pytest.approx(100 * (1 + 1) / 6)  # one below, two equal
    assert ranks["o5"]["strategy_age"] == pytest.approx(100 - 100 * 5.5 / 6)  # oldest strategy: low
    assert "sme_share" not in ranks["o0"]  # descriptive, not ranked
    few = {org: {"o0", "o1", "o2"} for org in members}
    assert peer_percentiles(members, few)["o0"]["members_total"] is None


def test_area_scores_average_the_ranked_indicators_of_each_area() -> None:
    scores = area_scores(
        {"members_total": 80.0, "research_share": 40.0, "budget": None, "staff_fte": 10.0}
    )
    assert scores["structure"] == 60
    assert scores["management"] == 10
    assert scores["financing"] is None


def test_size_bands_and_distributions() -> None:
    assert [size_band(n) for n in (None, 3, 25, 99, 100, 1000)] == [
        None,
        "1-24",
        "25-49",
        "50-99",
        "100-249",
        "250+",
    ]
    spread = distribution([1.0, None, 2.0, 3.0, 4.0])
    assert (spread.n, spread.median, spread.p25, spread.p75) == (4, 2.5, 1.75, 3.25)
    by_country = summarise(
        {"a": {"x": 1.0}, "b": {"x": 3.0}, "c": {"x": None}}, {"a": "CZ", "b": "CZ", "c": "PL"}, "x"
    )
    assert by_country["CZ"].mean == 2
    assert by_country["PL"].n == 0
    assert by_country[""].n == 2
