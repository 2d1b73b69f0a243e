"""`initiatives_for`: which initiatives apply to a place, a sector, an ecosystem, a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from clusterhub.policy.queries import initiatives_for
from tests.policy.rows import add

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiatives() -> None:
    add("eu-call", level="eu", start="2021", end="2027", instrument="network-funding")
    add("cz-programme", country="CZ", instrument="cluster-programme", start="2021-01-01")
    add(
        "cz-msk-automotive",
        level="regional",
        country="CZ",
        region="CZ080",
        instrument="voucher",
        start="2024",
        end="2026",
        sectors="C29;C28",
        ecosystems="mobility-transport-automotive",
        description="Internacionalizace automobilových klastrů",
    )
    add(
        "cz-moravia-digital",
        level="regional",
        country="CZ",
        region="CZ08",
        instrument="grant",
        end="2023",
        ecosystems="digital",
    )
    add("cz-prague-health", level="regional", country="CZ", region="CZ010", sectors="Q86")
    add("pl-programme", country="PL", instrument="label-certification", sectors="C29.3")
    add("el-programme", country="EL", instrument="grant")


def codes(**filters) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(initiatives_for(**filters).values_list("code", flat=True))


def test_without_filters_every_initiative_is_found(initiatives) -> None:  # type: ignore[no-untyped-def]
    assert len(codes()) == 7


def test_a_country_gets_its_own_and_the_eu_level_initiatives(initiatives) -> None:  # type: ignore[no-untyped-def]
    assert codes(country="PL") == ["eu-call", "pl-programme"]
    assert codes(country="el") == ["el-programme", "eu-call"]  # EL is Greece, as for clusters
    assert codes(country=["PL", "GR"]) == ["el-programme", "eu-call", "pl-programme"]


def test_a_region_gets_its_own_those_containing_it_or_within_it_and_the_national_ones(
    initiatives,
) -> None:  # type: ignore[no-untyped-def]
    expected = ["cz-moravia-digital", "cz-msk-automotive", "cz-programme", "eu-call"]
    assert codes(region="CZ080") == expected
    assert codes(region="CZ08") == expected
    assert codes(region="CZ0") == sorted([*expected, "cz-prague-health"])
    assert codes(region="PL213") == ["eu-call", "pl-programme"]


def test_a_sector_matches_codes_above_and_below_it_and_initiatives_open_to_all(
    initiatives,
) -> None:  # type: ignore[no-untyped-def]
    open_to_all = ["cz-programme", "el-programme", "eu-call"]
    assert codes(sector="C29.1") == sorted(["cz-msk-automotive", *open_to_all])
    assert codes(sector="29") == sorted(["cz-msk-automotive", "pl-programme", *open_to_all])
    assert codes(sector="C") == sorted(["cz-msk-automotive", "pl-programme", *open_to_all])
    assert codes(sector="Q86.1") == sorted(["cz-prague-health", *open_to_all])
    # A code that is no NACE code targets nothing: only initiatives open to all match.
    assert codes(sector="nonsense") == open_to_all
    assert codes(sector=["nonsense", "Q86"]) == sorted(["cz-prague-health", *open_to_all])
    # An ecosystem-only initiative targets something, so a sector does not match it.
    assert "cz-moravia-digital" not in codes(sector="J62")


def test_an_ecosystem_matches_its_targets_and_initiatives_open_to_all(initiatives) -> None:  # type: ignore[no-untyped-def]
    assert codes(ecosystem="digital") == [
        "cz-moravia-digital",
        "cz-programme",
        "el-programme",
        "eu-call",
    ]


def test_a_day_finds_the_initiatives_running_on_it(initiatives) -> None:  # type: ignore[no-untyped-def]
    assert codes(active_on=dt.date(2020, 6, 1)) == [
        "cz-moravia-digital",
        "cz-prague-health",
        "el-programme",
        "pl-programme",
    ]
    running_2025 = codes(active_on=dt.date(2025, 12, 31))
    assert "cz-msk-automotive" in running_2025 and "cz-moravia-digital" not in running_2025
    assert "cz-msk-automotive" not in codes(active_on=dt.date(2027, 1, 1))
    in_2023 = codes(active_between=(dt.date(2023, 1, 1), dt.date(2023, 12, 31)))
    assert "cz-moravia-digital" in in_2023 and "cz-msk-automotive" not in in_2023


def test_the_question_of_the_analyst_has_one_answer(initiatives) -> None:  # type: ignore[no-untyped-def]
    """Which programmes fund internationalisation of automotive clusters in Moravia?"""
    found = codes(
        region=["CZ07", "CZ08"],
        sector="C29",
        ecosystem="mobility-transport-automotive",
        active_on=dt.date(2025, 6, 30),
        text="automobilovych",
    )
    assert found == ["cz-msk-automotive"]


def test_level_instrument_and_words_narrow_the_answer(initiatives) -> None:  # type: ignore[no-untyped-def]
    assert codes(level="eu") == ["eu-call"]
    assert codes(level="regional,national", country="PL") == ["pl-programme"]
    assert codes(instrument=["grant", "voucher"]) == [
        "cz-moravia-digital",
        "cz-msk-automotive",
        "el-programme",
    ]
    assert codes(text="INTERNACIONALIZACE automobilových") == ["cz-msk-automotive"]
    assert codes(text="cz-prague") == ["cz-prague-health"]


def test_a_citation_names_code_name_level_place_period_and_link(db) -> None:  # type: ignore[no-untyped-def]
    initiative = add(
        "cz-msk-automotive",
        level="regional",
        name="Voucher MSK",
        name_en="MSK voucher",
        country="CZ",
        region="CZ080",
        start="2024",
        end="2026",
        link="https://example.org/msk",
    )
    with translation.override("en"):
        assert initiative.citation() == (
            "[cz-msk-automotive] Voucher MSK (MSK voucher), regional level, CZ, CZ080, "
            "2024–2026. https://example.org/msk"  # noqa: RUF001
        )
    eu = add("eu-call", level="eu", name="EU call", start="2021")
    with translation.override("en"):
        assert eu.citation() == "[eu-call] EU call, EU level, from 2021."
