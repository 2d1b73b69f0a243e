"""`clusterhub cooperation sectors`: JSON and a table, best first, with reasons; a bad --top
is refused in one sentence."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.cooperation.test_sectors_loader import build_registry


@pytest.fixture
def registry(db):  # type: ignore[no-untyped-def]
    return build_registry()


def test_json_lists_the_sectors_best_first_with_their_reasons(cli: Any, registry: Any) -> None:
    outcome = cli("cooperation", "sectors", "--format", "json", "--top", "50")
    assert outcome.ok, outcome.error
    found = json.loads(outcome.stdout)
    codes = [row["code"] for row in found]
    assert codes.index("digital") < codes.index("tourism")
    digital = found[codes.index("digital")]
    assert digital["kind"] == "ecosystem"
    assert digital["name"] == "Digital"
    assert digital["countries"] == ["CZ", "PL", "SK"]
    assert [row["rank"] for row in found] == list(range(1, len(found) + 1))
    reason = next(r for r in digital["reasons"] if r["code"] == "clusters")
    assert reason["text"] == "3 clusters in 3 countries"
    assert reason["value"] == pytest.approx(digital["criteria"]["clusters"])
    assert digital["score"] == pytest.approx(sum(digital["criteria"].values()), abs=1e-3)


def test_top_keeps_only_the_best(cli: Any, registry: Any) -> None:
    outcome = cli("cooperation", "sectors", "--format", "json", "--top", "1")
    assert outcome.ok, outcome.error
    assert [row["rank"] for row in json.loads(outcome.stdout)] == [1]


def test_the_table_names_the_sectors_and_reasons(cli: Any, registry: Any) -> None:
    outcome = cli("cooperation", "sectors", "--format", "table")
    assert outcome.ok, outcome.error
    assert "Digital" in outcome.stdout
    assert "3 clusters in 3 countries" in outcome.stdout
    assert outcome.stdout.index("Digital") < outcome.stdout.index("Tourism")


@pytest.mark.parametrize("top", ["0", "-3", "many", "1001"])
def test_a_bad_top_is_refused_naming_the_value(cli: Any, top: str) -> None:
    outcome = cli("cooperation", "sectors", "--format", "json", "--top", top)
    assert not outcome.ok
    assert f"--top {top}: give a whole number from 1 to 1000" in outcome.error
    assert outcome.stdout == ""


def test_with_no_sectors_the_table_says_so(cli: Any, db: Any) -> None:
    outcome = cli("cooperation", "sectors")
    assert outcome.ok, outcome.error
    assert "No sector has two clusters or more yet." in outcome.stdout
