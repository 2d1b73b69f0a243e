"""A Data Package: datapackage.json and a CSV per table, filtered consistently."""

from __future__ import annotations

import dataclasses

from clusterhub.exchange.formats.base import ExportError, ExportRequest
from clusterhub.exchange.formats.spreadsheet import export_csv
from clusterhub.standard.datapackage import descriptor, dumps
from clusterhub.standard.fields import TABLES


def export_datapackage(request: ExportRequest) -> int:
    """Writes every table (members and cooperations of the selected clusters) into --out DIR."""
    if request.out is None:
        raise ExportError("a Data Package is a folder: give --out DIR.")
    if request.out.exists() and not request.out.is_dir():
        raise ExportError(f"{request.out} is a file; a Data Package needs a folder.")
    request.out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        part = dataclasses.replace(request, table=table, out=request.out / f"{table}.csv")
        counts[table] = export_csv(part)
    package = descriptor(list(TABLES), include_personal=request.include_personal)
    (request.out / "datapackage.json").write_text(dumps(package), encoding="utf-8")
    return counts[request.table]
