"""CSV and XLSX, with cells that spreadsheets will not run as formulas."""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from openpyxl import Workbook

from clusterhub.exchange.formats.base import ExportError, ExportRequest, text_cell
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
        writer = csv.writer(handle, lineterminator="\n")
        # csv quotes a field holding "\n" but not one holding a lone "\r", which readers take
        # for the end of the row: such rows are written with every field quoted.
        quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow([f.name for f in fields])
        for record in records(request.table, request.filters, request.include_personal):
            cells = [text_cell(record[f.name]) for f in fields]
            (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
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
        sheet.append([_xlsx_cell(record[f.name]) for f in fields])
        count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    request.out.write_bytes(_deterministic_zip(buffer.getvalue()))
    return count


# XML cannot hold control characters and turns a carriage return into a line feed; OOXML
# writes such characters as _xHHHH_ (readers decode it), and a literal "_xHHHH_" escapes its "_".
_XLSX_UNSAFE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f]")


def _xlsx_cell(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _XLSX_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text_cell(value))


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
    import re

    return re.sub(
        rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
        rb"\g<1>2000-01-01T00:00:00Z\g<3>",
        content,
    )
