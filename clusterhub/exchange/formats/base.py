"""What every exporter is given, and how values become text cells."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
