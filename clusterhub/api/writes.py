"""Turning API input into validated standard values: the importer's rules, one implementation."""

from __future__ import annotations

from typing import Any

from clusterhub.api.problems import Problem
from clusterhub.ingest.readers.base import cell_text
from clusterhub.lib.text import cut
from clusterhub.standard.rows import validate_row

# The longest refused value the API echoes back.
SHOWN_CHARS = 200


def validated(
    table: str, values: dict[str, Any], current: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Clean values for the given fields; raises a 422 Problem naming every bad field."""
    raw = {name: cell_text(value) for name, value in values.items()}
    for name, value in (current or {}).items():
        raw.setdefault(name, cell_text(value))
    clean, problems = validate_row(table, raw)
    if problems:
        # The value is echoed only in part: a 2 MB name must not come back as 2 MB.
        errors = [
            {"field": p.column, "value": cut(p.value, SHOWN_CHARS), "reason": p.reason}
            for p in problems
        ]
        raise Problem(
            422, "Invalid data", "Some fields break the rules of the data standard.", errors
        )
    return {k: v for k, v in clean.items() if k in values or (current is None)}
