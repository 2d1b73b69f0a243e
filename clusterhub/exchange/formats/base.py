"""What every exporter is given, and how values become text cells."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from clusterhub.exchange.selection import Filters
from clusterhub.standard.rows import escape_formula


class ExportError(Exception):
    """The export cannot be made as asked; the message is one sentence for the user."""


@dataclass(frozen=True)
class ExportRequest:
    table: str
    filters: Filters
    include_personal: bool
    out: Path | None  # None: standard output (text formats only)


Exporter = Callable[[ExportRequest], int]


def text_cell(value: Any) -> str:
    """A record value as CSV text: lists `;`-joined, whole floats without `.0`, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        return escape_formula(";".join(value))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, str):
        return escape_formula(value)
    return str(value)


def json_value(value: Any) -> Any:
    """JSON keeps numbers as numbers; lists use the standard's `;`-separated text."""
    if isinstance(value, list):
        return ";".join(value) if value else None
    return value


# XML cannot hold control characters and turns a carriage return into a line feed; OOXML
# writes such characters as _xHHHH_ (readers decode it), and a literal "_xHHHH_" escapes its "_".
_XLSX_UNSAFE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f]")


def xlsx_cell(value: object) -> object:
    """A value for an XLSX cell: numbers as they are, the rest as `text_cell` text with the
    characters XML cannot hold escaped."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _XLSX_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text_cell(value))


def csv_row_writer(handle: IO[str]) -> Callable[[list[str]], object]:
    """Writes CSV rows to `handle` for spreadsheets. csv quotes a field holding "\n" but not
    one holding a lone "\r", which readers take for the end of the row: such rows are
    written with every field quoted."""
    plain = csv.writer(handle, lineterminator="\n")
    quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(cells: list[str]) -> object:
        return (quoted if any("\r" in c for c in cells) else plain).writerow(cells)

    return write
