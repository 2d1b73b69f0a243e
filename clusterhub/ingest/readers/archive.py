"""Checks of a workbook archive (XLSX, XLSM, ODS) before any sheet is read.

An XLSX or ODS file is a zip archive whose directory states the uncompressed size of each
part, and an XLSX sheet states its used range (`<dimension ref="A1:D200"/>`) near its start.
Both are read without decompressing the sheet, so a workbook that declares more than the
limits allow is refused at once. What a file does not declare truthfully is caught while
reading (the child process's memory limit, the row and cell counts).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from clusterhub.ingest import limits
from clusterhub.ingest.limits import amount
from clusterhub.ingest.readers.base import Unreadable

_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\""
)
_HEAD_BYTES = 64 * 1024  # the dimension comes before the sheet's data
_SCAN_BYTES = 1024 * 1024
_SMALL_PART_BYTES = 8 * 1024 * 1024  # workbook.xml and its relationships
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def column_number(letters: str) -> int:
    """A1-style column letters as a 1-based number: A = 1, XFD = 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def check_workbook_archive(path: Path) -> None:
    """Refuse a zip-based workbook whose directory or first sheet declares too much."""
    if not zipfile.is_zipfile(path):
        return  # an XLS file (or not a workbook): the reader decides
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            _check_parts(path.name, parts)
            sheet = _first_sheet(archive)
            if sheet is None:
                return  # not a workbook calamine knows: it says so
            _check_sheet(path.name, archive, sheet)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise Unreadable(
            f"{path.name} is not a readable workbook (its zip archive is damaged)."
        ) from None


def _check_parts(name: str, parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > limits.MAX_WORKBOOK_PARTS:
        raise Unreadable(
            f"{name} is an archive of {amount(len(parts))} parts; a workbook of at most "
            f"{amount(limits.MAX_WORKBOOK_PARTS)} parts is read."
        )
    total = sum(part.file_size for part in parts)
    if total > limits.MAX_WORKBOOK_BYTES:
        raise Unreadable(
            f"{name} unpacks to {_mib(total)}; a workbook of at most "
            f"{_mib(limits.MAX_WORKBOOK_BYTES)} unpacked is read (save it as CSV instead)."
        )


def _first_sheet(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    names = set(archive.namelist())
    if "content.xml" in names:  # OpenDocument: every sheet is in content.xml
        return archive.getinfo("content.xml")
    target = _first_sheet_target(archive, names)
    if target is not None and target in names:
        return archive.getinfo(target)
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    return archive.getinfo(sheets[0]) if sheets else None


def _first_sheet_target(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The part of the first sheet in workbook order, through workbook.xml's relationships."""
    workbook, rels = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
    if workbook not in names or rels not in names:
        return None
    if any(archive.getinfo(p).file_size > _SMALL_PART_BYTES for p in (workbook, rels)):
        return None
    try:
        first = fromstring(archive.read(workbook)).find(f"{_MAIN}sheets/{_MAIN}sheet")
        relations = fromstring(archive.read(rels))
    except (ParseError, DefusedXmlException):
        return None
    if first is None:
        return None
    wanted = first.get(f"{_REL}id")
    for relation in relations.iter(f"{_PACKAGE_REL}Relationship"):
        if relation.get("Id") == wanted:
            target = relation.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    return None


def _check_sheet(name: str, archive: zipfile.ZipFile, sheet: zipfile.ZipInfo) -> None:
    if sheet.file_size > limits.MAX_SHEET_XML_BYTES:
        raise Unreadable(
            f"{name}: its first sheet unpacks to {_mib(sheet.file_size)}; a sheet of at most "
            f"{_mib(limits.MAX_SHEET_XML_BYTES)} is read (save it as CSV instead)."
        )
    with archive.open(sheet) as handle:
        head = handle.read(_HEAD_BYTES)
        found = _DIMENSION.search(head)
        if found is not None and found.group(3) is not None:
            first_col, _, last_col, last_row = found.groups()
            columns = column_number(last_col.decode()) - column_number(first_col.decode()) + 1
            check_extent(name, int(last_row), columns, declared=True)
        if sheet.filename.startswith("xl/"):
            _count_cells(name, head, handle)


def _count_cells(name: str, head: bytes, handle: IO[bytes]) -> None:
    """Count the rows and cells an XLSX sheet holds, stopping once past the limits.

    A plain count of tags on the decompressed stream (about 1 s for 256 MiB), so a small
    file of millions of cells is refused before a reader builds them.
    """
    cells = rows = 0
    chunk, tail = head, b""
    while chunk:
        text = tail + chunk
        cells += text.count(b"<c>") + text.count(b"<c ")
        rows += text.count(b"<row>") + text.count(b"<row ")
        if rows > limits.MAX_ROWS or cells > limits.MAX_WORKBOOK_CELLS:
            holds = "rows" if rows > limits.MAX_ROWS else "cells"
            limit = limits.MAX_ROWS if holds == "rows" else limits.MAX_WORKBOOK_CELLS
            raise Unreadable(
                f"{name}: its first sheet holds more than {amount(limit)} {holds}, which is "
                f"as many as are read (save it as CSV instead)."
            )
        tail = text[-4:]  # a tag cut between two chunks is counted with the next one
        cells -= tail.count(b"<c>") + tail.count(b"<c ")
        chunk = handle.read(_SCAN_BYTES)


def check_extent(name: str, rows: int, columns: int, *, declared: bool = False) -> None:
    """Refuse a sheet whose used range is beyond the limits (declared, or as read)."""
    what = "declares a used range of" if declared else "spans"
    if rows > limits.MAX_ROWS:
        raise Unreadable(
            f"{name}: its first sheet {what} {amount(rows)} rows; at most "
            f"{amount(limits.MAX_ROWS)} are read."
        )
    if columns > limits.MAX_COLUMNS:
        raise Unreadable(
            f"{name}: its first sheet {what} {amount(columns)} columns; at most "
            f"{amount(limits.MAX_COLUMNS)} are read."
        )
    if rows * columns > limits.MAX_WORKBOOK_CELLS:
        raise Unreadable(
            f"{name}: its first sheet {what} {amount(rows)} rows by {amount(columns)} columns "
            f"({amount(rows * columns)} cells); a sheet of at most "
            f"{amount(limits.MAX_WORKBOOK_CELLS)} cells is read (save it as CSV instead)."
        )


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MiB"
