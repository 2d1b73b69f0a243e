"""NUTS files built in code, written as Eurostat and GISCO publish them.

- `write_gisco_geojson`: GISCO's NUTS GeoJSON for one level, a FeatureCollection whose
  features carry properties `id` (the NUTS code) and `na` (the name in the national language)
  and a Polygon or MultiPolygon in longitude and latitude (EPSG:4326), named like GISCO's
  files (`nuts2021_level2_60M.geojson`).
- `write_code_list`: Eurostat's NUTS code list, UTF-8 with a byte order mark, CRLF line
  ends, `;`-separated (`Country code;NUTS Code;NUTS label;NUTS level;Country order;#;;`),
  levels 1 to 3 only, and empty rows after the last code.

The regions are a few real codes with their names; every outline is an invented square.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# (code, name) at levels 0 to 3; the level is the code's length less two.
REGIONS: tuple[tuple[str, str], ...] = (
    ("BE", "Belgique/België"),
    ("CZ", "Česko"),
    ("EL", "Elláda"),
    ("SK", "Slovensko"),
    ("BE3", "Région wallonne"),
    ("CZ0", "Česko"),
    ("EL3", "Attiki"),
    ("SK0", "Slovensko"),
    ("BE31", "Prov. Brabant Wallon"),
    ("BE32", "Prov. Hainaut"),
    ("BE33", "Prov. Liège"),
    ("BE34", "Prov. Luxembourg (BE)"),
    ("CZ06", "Jihovýchod"),
    ("CZ08", "Moravskoslezsko"),
    ("EL30", "Attiki"),
    ("SK01", "Bratislavský kraj"),
    ("BE310", "Arr. Nivelles"),
    ("BE323", "Arr. Mons"),
    ("CZ063", "Kraj Vysočina"),
    ("CZ064", "Jihomoravský kraj"),
    ("CZ080", "Moravskoslezský kraj"),
    ("EL301", "Voreios Tomeas Athinon"),
    ("SK010", "Bratislavský kraj"),
)
# Codes whose GISCO outline is a MultiPolygon (two squares), as an island-rich region's is.
MULTI = {"BE32", "EL30", "EL301"}
# The code list's labels where they differ from GISCO's names (national script).
CODE_LIST_LABELS = {"EL": "Ελλάδα", "EL3": "Αττική", "EL30": "Αττική", "EL301": "Βόρειος Τομέας"}


def regions(level: int) -> list[tuple[str, str]]:
    return [(code, name) for code, name in REGIONS if len(code) - 2 == level]


def count(level: int) -> int:
    return len(regions(level))


def square(number: int, size: float = 0.25) -> list[list[list[float]]]:
    """The coordinates of a Polygon: a closed square ring, the `number`-th on a grid in Europe."""
    lon, lat = 2.0 + (number % 20) * 1.0, 40.0 + (number // 20) * 1.0
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    return [[[round(x, 3), round(y, 3)] for x, y in [*corners, corners[0]]]]


def geometry(code: str) -> dict[str, Any]:
    number = [c for c, _ in REGIONS].index(code) * 2
    if code in MULTI:
        return {"type": "MultiPolygon", "coordinates": [square(number), square(number + 1)]}
    return {"type": "Polygon", "coordinates": square(number)}


def gisco_features(level: int) -> list[dict[str, Any]]:
    """GISCO's features of `level`, sorted by code (a level-2 file starts BE31, BE32, BE33)."""
    return [
        {"type": "Feature", "properties": {"id": code, "na": name}, "geometry": geometry(code)}
        for code, name in regions(level)
    ]


def gisco_name(level: int) -> str:
    return f"nuts2021_level{level}_60M.geojson"


def gisco_text(features: list[dict[str, Any]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def write_gisco_geojson(folder: Path, level: int) -> Path:
    """GISCO's file of `level` in `folder`, under GISCO's name."""
    path = folder / gisco_name(level)
    path.write_text(gisco_text(gisco_features(level)), encoding="utf-8")
    return path


def write_code_list(path: Path, empty_rows: int = 5) -> Path:
    """Eurostat's code list of the regions at levels 1 to 3, with its byte order mark."""
    lines = ["Country code;NUTS Code;NUTS label;NUTS level;Country order;#;;"]
    countries = [code for code, _ in regions(0)]
    listed = sorted(code for code, _ in REGIONS if len(code) > 2)
    names = dict(REGIONS) | CODE_LIST_LABELS
    for number, code in enumerate(listed, start=1):
        order = countries.index(code[:2]) + 1
        lines.append(f"{code[:2]};{code};{names[code]};{len(code) - 2};{order};{number};;")
    lines += [";;;;;;;"] * empty_rows
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    return path
