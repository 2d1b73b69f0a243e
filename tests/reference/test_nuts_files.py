"""The published NUTS files load: Eurostat's code list and GISCO's GeoJSON of levels 0, 2, 3.

The same rules are checked on files built in code by tests/registry/test_region_files.py
and tests/registry/test_geodata.py; here the counts are those of the published files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Region, RegionShape

pytestmark = pytest.mark.django_db


def test_it_loads_every_code_of_the_eurostat_code_list_with_its_level_and_parent(
    cli,
    nuts_folder: Path,
) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("regions", "load", str(nuts_folder / "nuts_codes_2021_2024.csv"))
    assert outcome.ok, outcome.error
    assert "1582 regions read" in outcome.stdout
    region = Region.objects.get(code="CZ064")
    assert region.name == "Jihomoravský kraj"
    assert (region.level, region.parent_id, region.country) == (3, "CZ06", "CZ")
    assert Region.objects.get(code="EL30").country == "GR"


def test_it_loads_names_from_gisco_geojson_and_renames_only_what_changed(
    cli,
    nuts_folder: Path,
) -> None:  # type: ignore[no-untyped-def]
    path = nuts_folder / "nuts2021_level3_60M.geojson"
    first = cli("regions", "load", str(path))
    assert first.ok, first.error
    assert "1502 regions read, 1502 named" in first.stdout
    again = cli("regions", "load", str(path))
    assert "0 named or renamed" in again.stdout
    assert Region.objects.filter(level=3).count() == 1502


@pytest.mark.parametrize(("level", "count"), [(2, 328), (3, 1502)])
def test_geodata_stores_a_shape_for_every_region_of_the_file_and_names_them(
    cli,
    nuts_folder: Path,
    level: int,
    count: int,
) -> None:  # type: ignore[no-untyped-def]
    path = nuts_folder / f"nuts2021_level{level}_60M.geojson"
    outcome = cli("geodata", "load", str(path))
    assert outcome.ok, outcome.error
    assert f"{count} region shapes loaded from {path.name}, {count} regions named" in (
        outcome.stdout
    )
    assert RegionShape.objects.filter(region__level=level).count() == count
    assert RegionShape.objects.count() == count
    assert not Region.objects.filter(level=level, name="").exists()
    code = "CZ06" if level == 2 else "CZ064"
    shape = RegionShape.objects.select_related("region").get(region_id=code)
    assert shape.region.name == ("Jihovýchod" if level == 2 else "Jihomoravský kraj")
    assert shape.region.parent_id == code[:-1]
    assert shape.geometry["type"] in ("Polygon", "MultiPolygon")
    assert shape.source == path.name
    entry = AuditEntry.objects.get(model="regionshape")
    assert entry.after is not None
    assert (entry.actor_name, entry.after["shapes"]) == ("geodata load", count)


def test_geodata_loading_again_replaces_the_shapes_and_renames_nothing(
    cli,
    nuts_folder: Path,
) -> None:  # type: ignore[no-untyped-def]
    path = nuts_folder / "nuts2021_level2_60M.geojson"
    assert cli("geodata", "load", str(path)).ok
    RegionShape.objects.filter(region_id="CZ06").update(geometry={"type": "Polygon"})
    again = cli("geodata", "load", str(path))
    assert again.ok, again.error
    assert "328 region shapes loaded" in again.stdout
    assert "0 regions named or renamed" in again.stdout
    assert RegionShape.objects.count() == 328
    assert "coordinates" in RegionShape.objects.get(region_id="CZ06").geometry


def test_geodata_levels_load_side_by_side(cli, nuts_folder: Path) -> None:  # type: ignore[no-untyped-def]
    for level in (0, 2, 3):
        assert cli("geodata", "load", str(nuts_folder / f"nuts2021_level{level}_60M.geojson")).ok
    assert RegionShape.objects.filter(region__level=0).count() == 37
    assert RegionShape.objects.count() == 37 + 328 + 1502
