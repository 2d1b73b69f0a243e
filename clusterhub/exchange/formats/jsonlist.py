"""JSON: a list of objects with the standard's field names."""

from __future__ import annotations

import json

from clusterhub.exchange.formats.base import ExportRequest, json_value
from clusterhub.exchange.formats.spreadsheet import text_output
from clusterhub.exchange.selection import records


def export_json(request: ExportRequest) -> int:
    count = 0
    with text_output(request) as handle:
        handle.write("[")
        for record in records(request.table, request.filters, request.include_personal):
            handle.write(",\n" if count else "\n")
            handle.write(
                json.dumps({k: json_value(v) for k, v in record.items()}, ensure_ascii=False)
            )
            count += 1
        handle.write("\n]\n")
    return count
