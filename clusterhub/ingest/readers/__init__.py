"""Readers turn a file into a header and numbered rows of text cells.

One entry per format in `READERS`; the built-in formats use the same registry a plugin
would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from clusterhub.ingest.readers.base import RawTable, Unreadable
from clusterhub.ingest.readers.delimited import read_delimited
from clusterhub.ingest.readers.jsonfile import read_json
from clusterhub.ingest.readers.workbook import read_workbook

Reader = Callable[[Path], RawTable]

READERS: dict[str, Reader] = {
    ".csv": read_delimited,
    ".tsv": read_delimited,
    ".txt": read_delimited,
    ".xlsx": read_workbook,
    ".xlsm": read_workbook,
    ".xls": read_workbook,
    ".ods": read_workbook,
    ".json": read_json,
}


def read_table(path: Path) -> RawTable:
    """Open `path` with the reader for its format; raises `Unreadable` with one sentence."""
    if not path.exists():
        raise Unreadable(f"{path}: no such file.")
    if path.is_dir():
        raise Unreadable(
            f"{path} is a folder, not a file (a Data Package needs its datapackage.json)."
        )
    if path.stat().st_size == 0:
        raise Unreadable(f"{path.name} is empty.")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise Unreadable(
            f"{path.name}: unknown file type {path.suffix or '(none)'}; use one of {known}."
        )
    return reader(path)


__all__ = ["READERS", "RawTable", "Unreadable", "read_table"]
