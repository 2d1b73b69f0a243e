"""CSV and XLSX, with cells that spreadsheets will not run as formulas."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from openpyxl import Workbook

from clusterhub.exchange.formats.base import (
    ExportError,
    ExportRequest,
    csv_row_writer,
    text_cell,
    xlsx_cell,
)
from clusterhub.exchange.selection import fields_for, records

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


@contextmanager
def text_output(request: ExportRequest) -> Iterator[IO[str]]:
    if request.out is None:
        yield sys.stdout
        return
    with request.out.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def export_csv(request: ExportRequest) -> int:
    fields = fields_for(request.table, request.include_personal)
    count = 0
    with text_output(request) as handle:
        write = csv_row_writer(handle)
        write([f.name for f in fields])
        for record in records(request.table, request.filters, request.include_personal):
            write([text_cell(record[f.name]) for f in fields])
            count += 1
    return count


def export_xlsx(request: ExportRequest) -> int:
    if request.out is None:
        raise ExportError("XLSX is binary: give --out FILE.xlsx.")
    fields = fields_for(request.table, request.include_personal)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(request.table)
    sheet.append([f.name for f in fields])
    count = 0
    for record in records(request.table, request.filters, request.include_personal):
        sheet.append([xlsx_cell(record[f.name]) for f in fields])
        count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    request.out.write_bytes(_deterministic_zip(buffer.getvalue()))
    return count


def _deterministic_zip(data: bytes) -> bytes:
    """Same registry, same bytes: fixed entry times and document timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _fixed_core_properties(content)
            entry = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def _fixed_core_properties(content: bytes) -> bytes:

    return re.sub(
        rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
        rb"\g<1>2000-01-01T00:00:00Z\g<3>",
        content,
    )
