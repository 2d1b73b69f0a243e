"""Spreadsheet and JSON cells as the text a person would type (no imports beyond stdlib).

The workbook reader's child process imports this alone, so it starts quickly.
"""

from __future__ import annotations

import datetime as dt


def cell_text(value: object) -> str:
    """A cell's value as text: whole numbers without ".0", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(cell_text(v) for v in value)
    return str(value)
