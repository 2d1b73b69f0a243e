"""XLSX (and XLS/ODS) workbooks: the first sheet, read with calamine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from clusterhub.ingest.readers.base import RawTable, Row, Unreadable, cell_text, unescape_cells


def read_workbook(path: Path) -> RawTable:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            raise Unreadable(f"{path.name} has no sheets.")
        sheet = workbook.get_sheet_by_index(0)
    except Unreadable:
        raise
    except (CalamineError, OSError, ValueError) as exc:
        raise Unreadable(
            f"{path.name} is not a readable workbook (it is damaged, truncated or not a "
            f"spreadsheet: {type(exc).__name__})."
        ) from None
    except Exception:  # calamine raises several private error types for broken archives
        raise Unreadable(
            f"{path.name} is not a readable workbook (it is damaged, truncated or not a spreadsheet)."
        ) from None
    height = max(sheet.total_height, 1)

    def rows() -> Iterator[Row]:
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            state["row"] = number
            yield number, unescape_cells([cell_text(c) for c in cells])

    state = {"row": 0}
    return RawTable(
        name=path.name,
        rows=rows(),
        progress=lambda: state["row"] / height,
    )
