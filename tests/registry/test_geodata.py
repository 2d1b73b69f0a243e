"""`clusterhub geodata load` stores NUTS region shapes from GISCO's GeoJSON for the map.

The files are built in the test (tests/builders/nuts.py) in GISCO's format; the same checks
on GISCO's published files are in tests/reference/test_nuts_files.py.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Region, RegionShape
from tests.builders import nuts

GISCO = "https://gisco-services.ec.europa.eu/distribution/v2/nuts/geojson/"
pytestmark = pytest.mark.django_db


def nothing_written() -> bool:
    return not (
        RegionShape.objects.exists()
        or Region.objects.exists()
        or AuditEntry.objects.filter(model="regionshape").exists()
    )


def one_sentence(message: str) -> bool:
    return "\n" not in message and "Traceback" not in message and message.endswith(".")


@pytest.mark.parametrize(("level", "count"), [(2, 8), (3, 7)])
def test_it_stores_a_shape_for_every_region_of_the_file_and_names_them(
    cli, tmp, level: int, count: int
) -> None:  # type: ignore[no-untyped-def]
    path = nuts.write_gisco_geojson(tmp, level)
    assert nuts.count(level) == count
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
    assert shape.geometry == nuts.geometry(code)
    multi = RegionShape.objects.get(region_id="EL30" if level == 2 else "EL301")
    assert multi.geometry == nuts.geometry(multi.region_id)
    assert multi.geometry["type"] == "MultiPolygon"
    assert shape.source == path.name
    entry = AuditEntry.objects.get(model="regionshape")
    assert entry.after is not None
    assert (entry.actor_name, entry.after["shapes"]) == ("geodata load", count)


def test_loading_again_replaces_the_shapes_and_renames_nothing(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    path = nuts.write_gisco_geojson(tmp, 2)
    assert cli("geodata", "load", str(path)).ok
    RegionShape.objects.filter(region_id="CZ06").update(geometry={"type": "Polygon"})
    again = cli("geodata", "load", str(path))
    assert again.ok, again.error
    assert "8 region shapes loaded" in again.stdout
    assert "0 regions named or renamed" in again.stdout
    assert RegionShape.objects.count() == 8
    assert RegionShape.objects.get(region_id="CZ06").geometry == nuts.geometry("CZ06")


def test_levels_load_side_by_side(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    for level in (0, 2, 3):
        assert cli("geodata", "load", str(nuts.write_gisco_geojson(tmp, level))).ok
    assert RegionShape.objects.filter(region__level=0).count() == 4
    assert RegionShape.objects.count() == 4 + 8 + 7


def write(tmp: Path, name: str, data: Any) -> Path:
    path = tmp / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def gisco_features(count: int) -> list[dict[str, Any]]:
    return nuts.gisco_features(2)[:count]


def test_a_truncated_file_is_refused_in_one_sentence_and_nothing_is_written(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    text = nuts.gisco_text(nuts.gisco_features(2))
    path = write(tmp, "cut.geojson", text[: len(text) // 2])
    outcome = cli("geodata", "load", str(path))
    assert not outcome.ok
    assert outcome.error.startswith("cut.geojson is not valid GeoJSON")
    assert one_sentence(outcome.error)
    assert nothing_written()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f["properties"].pop("id"), "feature 3: has no NUTS code in properties.id"),
        (
            lambda f: f["properties"].update(id="not a code"),
            "feature 3: has no NUTS code in properties.id",
        ),
        (
            lambda f: f.update(geometry=None),
            "feature 3 (BE33): has no Polygon or MultiPolygon geometry",
        ),
        (
            lambda f: f.update(geometry={"type": "Point", "coordinates": [4.5, 50.5]}),
            "feature 3 (BE33): has no Polygon or MultiPolygon geometry",
        ),
        (
            lambda f: f.update(
                geometry={"type": "Polygon", "coordinates": [[[3900000, 3000000]] * 4]}
            ),
            "feature 3 (BE33): has the position [3900000, 3000000], which is not longitude and "
            "latitude in degrees (use the EPSG:4326 file)",
        ),
        (
            lambda f: f["properties"].update(id="BE31"),
            "feature 3: repeats the NUTS code BE31",
        ),
    ],
)
def test_a_bad_feature_is_refused_by_its_number_and_nothing_is_written(
    cli, tmp, change, message
) -> None:  # type: ignore[no-untyped-def]
    features = gisco_features(5)
    assert [f["properties"]["id"] for f in features[:3]] == ["BE31", "BE32", "BE33"]
    change(features[2])
    path = write(tmp, "bad.geojson", {"type": "FeatureCollection", "features": features})
    outcome = cli("geodata", "load", str(path))
    assert not outcome.ok
    assert outcome.error == f"bad.geojson, {message}"
    assert nothing_written()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"type": "Feature"}, "x.geojson is not a GeoJSON FeatureCollection."),
        ([1, 2], "x.geojson is not a GeoJSON FeatureCollection."),
        ({"type": "FeatureCollection", "features": []}, "x.geojson has no features."),
    ],
)
def test_a_file_that_is_no_feature_collection_is_refused(cli, tmp, data, message) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("geodata", "load", str(write(tmp, "x.geojson", data)))
    assert (outcome.ok, outcome.error) == (False, message)
    assert nothing_written()


def test_a_missing_file_is_named(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("geodata", "load", str(tmp / "nowhere.geojson"))
    assert (outcome.ok, outcome.error) == (False, f"{tmp / 'nowhere.geojson'}: no such file.")


def test_it_wants_either_a_path_or_download(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    neither = cli("geodata", "load")
    assert neither.error == "Give a GeoJSON file PATH, or --download to fetch one from GISCO."
    both = cli("geodata", "load", str(nuts.write_gisco_geojson(tmp, 2)), "--download")
    assert both.error == "Give either a GeoJSON file PATH or --download, not both."


def test_offline_the_download_fails_in_one_sentence_naming_the_way_out(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def unreachable(url: str, timeout: float) -> None:
        raise urllib.error.URLError(OSError(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr(urllib.request, "urlopen", unreachable)
    outcome = cli("geodata", "load", "--download")
    assert not outcome.ok
    assert one_sentence(outcome.error)
    assert outcome.error.startswith(f"Cannot download {GISCO}NUTS_RG_20M_2021_4326_LEVL_3.geojson")
    assert "download it on a computer with internet access" in outcome.error
    assert "clusterhub geodata load PATH" in outcome.error
    assert nothing_written()


def test_a_year_gisco_does_not_have_is_named_in_one_sentence(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def not_found(url: str, timeout: float) -> None:
        raise urllib.error.HTTPError(url, 404, "Not Found", None, None)  # type: ignore[arg-type]

    monkeypatch.setattr(urllib.request, "urlopen", not_found)
    outcome = cli("geodata", "load", "--download", "--year", "1999")
    assert outcome.error == (
        f"GISCO has no file at {GISCO}NUTS_RG_20M_1999_4326_LEVL_3.geojson (HTTP 404): "
        "check --level and --year."
    )


def test_the_download_fetches_the_level_and_year_asked_for_then_loads_it(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[str, float]] = []

    def serve(url: str, timeout: float) -> io.BytesIO:
        asked.append((url, timeout))
        return io.BytesIO(nuts.gisco_text(nuts.gisco_features(2)).encode("utf-8"))

    monkeypatch.setattr(urllib.request, "urlopen", serve)
    outcome = cli("geodata", "load", "--download", "--level", "2", "--year", "2021")
    assert outcome.ok, outcome.error
    url = f"{GISCO}NUTS_RG_20M_2021_4326_LEVL_2.geojson"
    assert asked == [(url, 30)]
    assert RegionShape.objects.count() == 8
    assert RegionShape.objects.get(region_id="CZ06").source == url


def test_the_console_script_reports_an_unreachable_gisco_without_a_traceback(tmp) -> None:  # type: ignore[no-untyped-def]
    # A proxy that refuses connections stands for a machine without internet access.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "https_proxy": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "no_proxy": "",
        "NO_PROXY": "",
    }
    exe = Path(sys.executable).with_name("clusterhub")
    result = subprocess.run(
        [str(exe), "geodata", "load", "--download", "--level", "2"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("CommandError: Cannot download ")
    assert line.endswith("run `clusterhub geodata load PATH` with the file.")
