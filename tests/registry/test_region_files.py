"""`clusterhub regions load` names NUTS regions from Eurostat's and GISCO's published files."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterhub.registry.models import Region
from tests.conftest import SHARED_DATA

NUTS = SHARED_DATA / "nuts"
pytestmark = pytest.mark.django_db


def test_it_loads_every_code_of_the_eurostat_code_list_with_its_level_and_parent(cli) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("regions", "load", str(NUTS / "nuts_codes_2021_2024.csv"))
    assert outcome.ok, outcome.error
    assert "1582 regions read" in outcome.stdout
    region = Region.objects.get(code="CZ064")
    assert region.name == "Jihomoravský kraj"
    assert (region.level, region.parent_id, region.country) == (3, "CZ06", "CZ")
    assert Region.objects.get(code="EL30").country == "GR"


def test_it_loads_names_from_gisco_geojson_and_renames_only_what_changed(cli) -> None:  # type: ignore[no-untyped-def]
    first = cli("regions", "load", str(NUTS / "nuts2021_level3_60M.geojson"))
    assert first.ok, first.error
    assert "1502 regions read, 1502 named" in first.stdout
    again = cli("regions", "load", str(NUTS / "nuts2021_level3_60M.geojson"))
    assert "0 named or renamed" in again.stdout
    assert Region.objects.filter(level=3).count() == 1502


def test_a_file_without_nuts_codes_is_refused_in_one_sentence(cli, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "cities.csv"
    path.write_text("city;population\nBrno;380000\n", encoding="utf-8")
    outcome = cli("regions", "load", str(path))
    assert not outcome.ok
    assert "no header with a NUTS code column" in outcome.error
    assert not Region.objects.exists()


def test_a_bad_code_in_the_list_names_its_row(cli, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "codes.csv"
    path.write_text("code;label\nCZ064;Jihomoravský kraj\nnot a code;Nowhere\n", encoding="utf-8")
    outcome = cli("regions", "load", str(path))
    assert not outcome.ok
    assert "codes.csv, row 3" in outcome.error
    assert not Region.objects.exists()
