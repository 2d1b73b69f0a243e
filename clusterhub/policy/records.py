"""Initiatives as plain dicts in the standard's field names (history, exports, the API).

The same representation as the registry's records: JSON-ready values, empty as None,
lists for multi-valued fields, dates as ISO strings, the budget as a number.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from clusterhub.policy.models import Initiative, InitiativeTag
from clusterhub.registry.records import Record, record_value
from clusterhub.standard.fields import TABLES, Field

TABLE = "policy_initiatives"
FIELDS = TABLES[TABLE]
TAG_FIELDS = tuple(InitiativeTag.Field.values)
# Columns that are not plain model attributes.
_SPECIAL = {"region", "budget", *TAG_FIELDS}


def _value(field: Field, value: Any) -> Any:
    if field.kind == "amount" and value is not None and value != "":
        return float(value)
    return record_value(field, value)


def initiative_tags(initiative: Initiative) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {name: [] for name in TAG_FIELDS}
    # Uses the prefetch cache when the caller prefetched `tags`.
    for tag in sorted(initiative.tags.all(), key=lambda t: (t.field, t.position)):
        tags[tag.field].append(tag.code)
    return tags


def initiative_record(initiative: Initiative) -> Record:
    tags = initiative_tags(initiative)
    record: Record = {}
    for field in FIELDS:
        if field.name == "region":
            value: Any = initiative.region_id
        elif field.name in tags:
            value = tags[field.name]
        else:
            value = getattr(initiative, field.name)
        record[field.name] = _value(field, value)
    return record


def _model_value(field: Field, value: Any) -> Any:
    if field.kind == "date":
        return dt.date.fromisoformat(value) if value else None
    return "" if value is None else value


def set_plain_attributes(initiative: Initiative, record: Record) -> None:
    """Put the record's plain columns on the model (region, budget and tags aside)."""
    for field in FIELDS:
        if field.name not in _SPECIAL:
            setattr(initiative, field.name, _model_value(field, record[field.name]))
    budget = record["budget"]
    # repr() gives the shortest text of the float, so 1234.56 is stored as 1234.56.
    initiative.budget = None if budget is None else Decimal(repr(float(budget)))
    initiative.region_id = record["region"]


def as_text(record: Record) -> dict[str, str]:
    """Cells as a file would hold them, to check a whole record with `validate_row`."""
    cells: dict[str, str] = {}
    for name, value in record.items():
        if value is None:
            cells[name] = ""
        elif isinstance(value, list):
            cells[name] = ";".join(value)
        elif isinstance(value, float):
            cells[name] = str(int(value)) if value.is_integer() else repr(value)
        else:
            cells[name] = str(value)
    return cells
