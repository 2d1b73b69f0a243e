"""Reading GISCO's NUTS files (a GeoJSON FeatureCollection per level) for
`clusterhub geodata load`: every region's code, name and outline, checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from clusterhub.ingest.readers import Unreadable
from clusterhub.lib.refusal import Refused, RefusedValue
from clusterhub.registry.geo import NUTS_CODE, ShapeRecord

SHAPE_TYPES = ("Polygon", "MultiPolygon")


def read_region_shapes(path: Path) -> list[ShapeRecord]:
    """The regions of a GISCO GeoJSON file; raises `Refused` (or `Unreadable`) saying why."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(f"{path}: no such file.") from None
    except OSError as exc:
        raise Unreadable(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return parse_region_shapes(raw, path.name)


def parse_region_shapes(raw: bytes, name: str) -> list[ShapeRecord]:
    """The regions of GeoJSON text `raw` (called `name` in messages), every one checked."""
    try:
        data = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        raise Unreadable(f"{name} is not valid GeoJSON ({exc}).") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise Unreadable(f"{name} is not a GeoJSON FeatureCollection.")
    if not features:
        raise Unreadable(f"{name} has no features.")
    shapes: dict[str, ShapeRecord] = {}
    for position, feature in enumerate(features, start=1):
        shape = _shape(feature, name, f"feature {position}")
        if isinstance(shape, RefusedValue):
            raise Refused(shape)
        if shape.code in shapes:
            reason = f"repeats the NUTS code {shape.code}"
            raise Refused(RefusedValue(name, where=f"feature {position}", reason=reason))
        shapes[shape.code] = shape
    return list(shapes.values())


def _shape(feature: Any, file: str, where: str) -> ShapeRecord | RefusedValue:
    """The feature's region, or what is wrong with it."""
    if not isinstance(feature, dict):
        return RefusedValue(file, where=where, reason="is not a GeoJSON Feature")
    props = feature.get("properties")
    props = props if isinstance(props, dict) else {}
    code = str(props.get("id") or props.get("NUTS_ID") or feature.get("id") or "")
    code = code.strip().upper()
    if not NUTS_CODE.match(code):
        return RefusedValue(file, where=where, reason="has no NUTS code in properties.id")
    name = str(props.get("na") or props.get("NAME_LATN") or props.get("NUTS_NAME") or "")
    geometry = feature.get("geometry")
    problem = _geometry_problem(geometry)
    if problem:
        return RefusedValue(file, where=f"{where} ({code})", reason=problem)
    assert isinstance(geometry, dict)
    clean = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
    return ShapeRecord(code, name.strip()[:200], clean)


def _geometry_problem(geometry: Any) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in SHAPE_TYPES:
        return "has no Polygon or MultiPolygon geometry"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return "has a geometry without coordinates"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "has a polygon without rings"
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return "has a polygon ring of fewer than four positions"
            for point in ring:
                if not _is_lon_lat(point):
                    return (
                        f"has the position {str(point)[:40]}, which is not longitude and "
                        "latitude in degrees (use the EPSG:4326 file)"
                    )
    return None


def _is_lon_lat(point: Any) -> bool:
    if not isinstance(point, list) or len(point) < 2:
        return False
    lon, lat = point[0], point[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        return False
    return -180 <= lon <= 180 and -90 <= lat <= 90
