"""What every reader returns."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from clusterhub.lib.cells import cell_text
from clusterhub.lib.refusal import Refused, RefusedValue
from clusterhub.standard.rows import unescape_formula

__all__ = ["RawTable", "Row", "Unreadable", "cell_text", "unescape_cells"]


class Unreadable(Refused):
    """The file cannot be read as a table; the message is one sentence for the user.

    A refusal of the whole file, so `except Refused` catches it with every other refusal.
    """

    def __init__(self, sentence: str) -> None:
        super().__init__(RefusedValue("", reason=sentence), summary=sentence)


Row = tuple[int, list[str]]


@dataclass
class RawTable:
    """Rows of text cells; `row` numbers are what the user sees in the file.

    For CSV and spreadsheets row 1 is the first row of the file (normally the header), so
    the first data row is row 2; for JSON a row number is the 1-based position in the list.
    `rows` yields every row after the header is found by the caller, from the top.
    """

    name: str
    rows: Iterator[Row]
    encoding: str = ""
    delimiter: str = ""
    progress: Callable[[], float] = field(default=lambda: 0.0)
    has_header_row: bool = True


def unescape_cells(cells: list[str]) -> list[str]:
    """Undo the apostrophe our CSV/XLSX exports put before formula-like text."""
    # One scan of the joined row is far cheaper than a test per cell on large files.
    if "'" in "".join(cells):
        return [unescape_formula(c) for c in cells]
    return cells
