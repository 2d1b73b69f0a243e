"""Storing mapping results: every write of the mapping app goes through here.

`load_result` reads and checks a result file of `clusterhub mapping compute`, then writes the
result set, its categories and its cells in one transaction with one audit entry. A file
with any bad value is refused whole; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor, Change, record
from clusterhub.db import insert_rows
from clusterhub.lib.refusal import RefusedValue
from clusterhub.mapping.models import MappingCategory, MappingCell, MappingResult
from clusterhub.mapping.reading import Refused, ResultFile, read_result_file

MODEL = "mappingresult"
# The cell columns in the order they are inserted (the model's column names).
CELL_COLUMNS = (
    "region",
    "category",
    "group",
    "year",
    "employment",
    "lq",
    "establishments",
    "cagr",
    "qualifying",
    "significant",
    "strong",
    "strong10",
    "share",
    "size",
    "specialisation",
    "focus",
    "stars",
)
NAME_LENGTH = 200

__all__ = ["Loaded", "Refused", "load_result"]


@dataclass(frozen=True)
class Loaded:
    """What `load_result` stored."""

    result: MappingResult
    cells: int
    categories: int
    replaced: bool
    warnings: list[RefusedValue]

    def summary(self) -> str:
        verb = "replaced" if self.replaced else "loaded"
        return (
            f"{self.result.name} ({self.result.method}) {verb}: {self.cells} cells, "
            f"{self.categories} categories; its pages are under /mapping/{self.result.slug}/."
        )


def load_result(
    path: Path,
    *,
    name: str,
    method: str | None = None,
    replace: bool = False,
    description: str = "",
    labels: Mapping[str, str] | None = None,
    actor: Actor,
) -> Loaded:
    """Store the result file `path` as the result set `name`.

    Args:
        path: a CSV or Parquet output of `clusterhub mapping compute`.
        name: the result set's name; unique.
        method: `cmp` or `stars`; recognised from the columns when None.
        replace: replace the cells of an existing result set of this name (its address
            stays the same); without it an existing name is refused.
        description: shown on the portal with the result set (e.g. the data's source).
        labels: category code → label, for categories the file gives no label (from the
            categories file of the mapping, `read_categories`).
        actor: who loads, for the audit entry.

    Returns:
        The stored result set and counts.

    Raises:
        Refused: the name is taken or the file has problems (each with file, row, column
            and reason); nothing was written.
    """
    name = " ".join(name.split())
    _check_name(path, name, replace)
    data = read_result_file(path, method)
    with transaction.atomic():
        existing = MappingResult.objects.select_for_update().filter(name=name).first()
        if existing is not None and not replace:
            raise _taken(path, name)  # another load took the name meanwhile
        before = _summary(existing) if existing is not None else None
        result = _result(existing, name, data, path, description, actor)
        if existing is not None:
            MappingCell.objects.filter(result=result).delete()
            MappingCategory.objects.filter(result=result).delete()
        categories = _write_categories(result, data, labels or {})
        _write_cells(result, data)
        action = AuditEntry.Action.UPDATE if existing else AuditEntry.Action.CREATE
        record(actor, Change(action, MODEL, str(result.pk), name, before, _summary(result)))
    return Loaded(result, data.rows, categories, existing is not None, data.warnings)


def _check_name(path: Path, name: str, replace: bool) -> None:
    if not name:
        raise Refused([RefusedValue(path.name, reason="the result set needs a name")])
    if len(name) > NAME_LENGTH:
        raise Refused(
            [RefusedValue(path.name, reason=f"the name is longer than {NAME_LENGTH} characters")]
        )
    if not replace and MappingResult.objects.filter(name=name).exists():
        raise _taken(path, name)


def _taken(path: Path, name: str) -> Refused:
    reason = (
        f"a result set named {name!r} exists already; replace it explicitly (--replace) "
        "or choose another name"
    )
    return Refused([RefusedValue(path.name, reason=reason)])


def _result(
    existing: MappingResult | None,
    name: str,
    data: ResultFile,
    path: Path,
    description: str,
    actor: Actor,
) -> MappingResult:
    result = existing or MappingResult(name=name, slug=_free_slug(name))
    years = data.years()
    result.method = data.method
    result.description = description
    result.source = path.name[:300]
    result.year_first = years[0] if years else None
    result.year_last = years[-1] if years else None
    result.cells = data.rows
    result.loaded_at = timezone.now()
    result.loaded_by = actor.name[:200]
    result.save()
    return result


def _free_slug(name: str) -> str:
    base = slugify(name)[:190] or "result"
    slug, n = base, 1
    while MappingResult.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _write_categories(result: MappingResult, data: ResultFile, labels: Mapping[str, str]) -> int:
    file_labels = data.columns.get("label") or repeat("")
    categories: dict[str, tuple[str, str]] = {}
    for code, group, label in zip(
        data.columns["category"], data.columns["group"], file_labels, strict=False
    ):
        known = categories.get(code)
        if known is None or (label and not known[1]):
            categories[code] = (group, label)
    MappingCategory.objects.bulk_create(
        [
            MappingCategory(
                result=result, code=code, group=group, label=label or labels.get(code, "")
            )
            for code, (group, label) in sorted(categories.items())
        ],
        batch_size=1000,
    )
    return len(categories)


def _write_cells(result: MappingResult, data: ResultFile) -> None:
    # Only the file's columns: the other method's flags and absent optional ones stay null.
    names = ("result_id", *(c for c in CELL_COLUMNS if c in data.columns))
    rows = zip(repeat(result.pk), *(data.columns[c] for c in names[1:]), strict=False)
    if connection.vendor == "postgresql":
        _copy_rows(MappingCell, names, rows)
    else:
        insert_rows(MappingCell, names, list(rows))


def _copy_rows(model: type[Model], columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """COPY on PostgreSQL: ten times faster than a multi-row INSERT of 200,000 rows, whose
    30,000 placeholders psycopg parses in Python."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _summary(result: MappingResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "slug": result.slug,
        "method": result.method,
        "description": result.description,
        "source": result.source,
        "year_first": result.year_first,
        "year_last": result.year_last,
        "cells": result.cells,
    }
