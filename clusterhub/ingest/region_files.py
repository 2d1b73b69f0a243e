"""Reading NUTS region names from Eurostat's code list (CSV) or GISCO's GeoJSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from clusterhub.ingest.mapping import header_key
from clusterhub.ingest.readers import Unreadable, read_table
from clusterhub.lib.refusal import Refused, RefusedValue

_CODE = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
_CODE_HEADERS = {"nuts_code", "code", "id", "nuts_id", "geo"}
_NAME_HEADERS = {"nuts_label", "label", "name", "na", "nuts_name", "name_latn"}


def read_region_names(path: Path) -> dict[str, str]:
    """NUTS code -> name; raises `Refused` (or `Unreadable`) for a file it cannot use."""
    if path.suffix.lower() in (".geojson", ".json"):
        return _from_geojson(path)
    return _from_table(path)


def _from_geojson(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise Unreadable(f"{path}: no such file.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise Unreadable(f"{path.name} is not valid GeoJSON ({exc}).") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise Unreadable(f"{path.name} is not a GeoJSON FeatureCollection.")
    names: dict[str, str] = {}
    for position, feature in enumerate(features, start=1):
        props = feature.get("properties") or {} if isinstance(feature, dict) else {}
        code = str(props.get("id") or props.get("NUTS_ID") or "").strip().upper()
        name = str(props.get("na") or props.get("NAME_LATN") or props.get("NUTS_NAME") or "")
        if not _CODE.match(code):
            reason = "has no NUTS code in properties.id"
            raise Refused(RefusedValue(path.name, where=f"feature {position}", reason=reason))
        names[code] = name.strip()
    return names


def _from_table(path: Path) -> dict[str, str]:
    table = read_table(path)
    code_at = name_at = None
    code_column = ""
    names: dict[str, str] = {}
    for number, cells in table.rows:
        keys = [header_key(c) for c in cells]
        if code_at is None:
            code_at = next((i for i, k in enumerate(keys) if k in _CODE_HEADERS), None)
            name_at = next((i for i, k in enumerate(keys) if k in _NAME_HEADERS), None)
            if code_at is None or name_at is None:
                code_at = None
                if number >= 20:
                    break
            else:
                code_column = cells[code_at].strip()
            continue
        code = cells[code_at].strip().upper() if code_at < len(cells) else ""
        if not code:
            continue  # the published list ends with empty rows
        if not _CODE.match(code):
            value = cells[code_at].strip()
            raise Refused(RefusedValue(path.name, number, code_column, value, "is not a NUTS code"))
        names[code] = cells[name_at].strip() if name_at is not None and name_at < len(cells) else ""
    if code_at is None:
        raise Unreadable(f"{path.name} has no header with a NUTS code column and a label column.")
    return names
