"""Numbers and industry names in the cooperation's sentences are written as the active
language writes them, rounded, not cut off."""

from __future__ import annotations

import pytest
from django.utils import translation

from clusterhub.analytics.partners import Reason
from clusterhub.cooperation.sectors import sector_name
from clusterhub.cooperation.suggestions.reasons import reason_text
from clusterhub.lib.numbers import half_up

MATRIX = {"a": "C29", "b": "C22", "kind": "matrix", "relatedness": 0.7149, "top_percent": 4.96}


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [
        (9.8063, 2, "9.81"),
        (9.8049, 2, "9.80"),
        (2.675, 2, "2.68"),
        (0.125, 2, "0.13"),
        (15.84, 0, "16"),
    ],
)
def test_numbers_are_rounded_half_up_as_written(value: float, digits: int, shown: str) -> None:
    assert str(half_up(value, digits)) == shown


def test_a_relatedness_reason_reads_as_the_issue_writes_it_in_english() -> None:
    with translation.override("en"):
        assert reason_text(Reason("industry", 0.3, MATRIX)) == "C29 ↔ C22 relatedness 0.71, top 5 %"
        small = {**MATRIX, "top_percent": 2.46}
        assert reason_text(Reason("industry", 0.3, small)).endswith("top 2.5 %")
        tiny = {**MATRIX, "top_percent": 0.01}
        assert reason_text(Reason("industry", 0.3, tiny)).endswith("top 0.1 %")


def test_a_relatedness_reason_writes_decimals_with_a_comma_in_czech() -> None:
    with translation.override("cs"):
        text = reason_text(Reason("industry", 0.3, {**MATRIX, "top_percent": 2.46}))
    assert "0,71" in text and "2,5" in text and "0.71" not in text


def test_a_nace_division_is_named_in_the_active_language() -> None:
    with translation.override("en"):
        english = sector_name("division", "C29")
    with translation.override("de"):
        german = sector_name("division", "C29")
    assert english == "C29 Manufacture of motor vehicles, trailers and semi-trailers"
    assert german.startswith("C29 ") and german != english


def test_the_studys_figures_are_rounded_not_cut_off() -> None:
    from clusterhub.benchmarking.study.formatting import percent, value

    with translation.override("en"):
        assert percent(2, 3) == "67 %"  # Django's number_format alone wrote 66 %
        assert value(0.12345, "share") == "12.3 %"
        assert value(0.12355, "share") == "12.4 %"
        assert value(1234.5, "eur") == "1,235 EUR"
        assert value(2.96, "years") == "3.0"
