"""Export formats: one entry per format in `EXPORTERS`, each a function writing a table."""

from __future__ import annotations

from clusterhub.exchange.formats.base import Exporter, ExportError
from clusterhub.exchange.formats.datapackage import export_datapackage
from clusterhub.exchange.formats.geojson import export_geojson
from clusterhub.exchange.formats.jsonlist import export_json
from clusterhub.exchange.formats.spreadsheet import export_csv, export_xlsx

EXPORTERS: dict[str, Exporter] = {
    "csv": export_csv,
    "xlsx": export_xlsx,
    "json": export_json,
    "geojson": export_geojson,
    "datapackage": export_datapackage,
}

__all__ = ["EXPORTERS", "ExportError", "Exporter"]
