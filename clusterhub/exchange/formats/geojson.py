"""GeoJSON: cluster organisations as points, their public fields as properties."""

from __future__ import annotations

import json

from clusterhub.exchange.formats.base import ExportError, ExportRequest, json_value
from clusterhub.exchange.formats.spreadsheet import text_output
from clusterhub.exchange.selection import records


def export_geojson(request: ExportRequest) -> int:
    if request.table != "clusters":
        raise ExportError(
            "GeoJSON is available for clusters only: members and cooperations have no coordinates."
        )
    count = 0
    with text_output(request) as handle:
        handle.write('{"type": "FeatureCollection", "features": [')
        for record in records("clusters", request.filters, request.include_personal):
            lat, lon = record.pop("lat"), record.pop("lon")
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None else None
            feature = {
                "type": "Feature",
                "id": f"{record['source']}/{record['id']}",
                "geometry": geometry,
                "properties": {k: json_value(v) for k, v in record.items()},
            }
            handle.write(",\n" if count else "\n")
            handle.write(json.dumps(feature, ensure_ascii=False))
            count += 1
        handle.write("\n]}\n")
    return count
