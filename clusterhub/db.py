"""Fast multi-row inserts through Django's connection, for services that write in bulk.

Django's `bulk_create` spends most of its time compiling SQL value by value; an import of
100,000 rows needs the plain statement. Callers pass values already in database form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

# SQLite allows 32,766 bound variables per statement; stay well below on every backend.
_MAX_VARIABLES = 30000


def insert_rows(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    returning: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """INSERT `rows` (tuples in `columns` order) into `model`'s table; returns `returning` columns."""
    if not rows:
        return []
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    column_sql = ", ".join(quote(c) for c in columns)
    # SQLite takes "?" directly; Django would rewrite every "%s" of a 30,000-value statement.
    sqlite = connection.vendor == "sqlite"
    placeholder = "?" if sqlite else "%s"
    row_sql = "(" + ", ".join([placeholder] * len(columns)) + ")"
    tail = (" RETURNING " + ", ".join(quote(c) for c in returning)) if returning else ""
    per_statement = max(1, _MAX_VARIABLES // len(columns))
    returned: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            sql = f"INSERT INTO {table} ({column_sql}) VALUES {', '.join([row_sql] * len(batch))}{tail}"
            params = [value for row in batch for value in row]
            if sqlite:
                # The raw sqlite3 connection: the same transaction as Django's cursor.
                result = connection.connection.execute(sql, params)
            else:
                cursor.execute(sql, params)
                result = cursor
            if returning:
                returned.extend(tuple(r) for r in result.fetchall())
    return returned
