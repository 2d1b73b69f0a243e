"""Keeping the search index current, per process.

The index is rebuilt when the registry changes: every write records a history entry (the
registry's services guarantee it), so the latest entry and the highest organisation id
name the registry's state ("generation"). Between writes the change feed lets a search
skip even that question.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from django.db import connection

from clusterhub.audit.models import AuditEntry
from clusterhub.registry import change_feed
from clusterhub.registry.models import Cluster
from clusterhub.registry.search.index import SearchIndex, build

# History entries of the records the index is built from. Entries of other apps (surveys,
# mapping results, policy initiatives) do not change a search's answer, so they must not
# make every process rebuild its index.
INDEXED_MODELS = ("cluster", "member", "cooperation")


def registry_generation(models: tuple[str, ...] | None = INDEXED_MODELS) -> tuple[Any, ...]:
    """The latest history entry of a record of `models` (of any record when None; id and
    time: ids of rolled-back entries come back) and the highest organisation id. In SQL rather
    than the ORM, and only index lookups (no COUNT, which scans the table on PostgreSQL): it
    runs on every search. One MAX per model, each answered from the (model, id) index."""
    audit, clusters = AuditEntry._meta.db_table, Cluster._meta.db_table
    if models is None:
        latest, models = f"SELECT MAX(id) AS id FROM {audit}", ()
    else:
        latest = " UNION ALL ".join(
            f"SELECT MAX(id) AS id FROM {audit} WHERE model = %s" for _model in models
        )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT entry.id, entry.timestamp, (SELECT MAX(id) FROM {clusters})"
            f" FROM (SELECT MAX(id) AS id FROM ({latest}) AS per_model) AS newest"
            f" LEFT JOIN {audit} AS entry ON entry.id = newest.id",
            models,
        )
        row = cursor.fetchone()
    return tuple(row)


_lock = threading.Lock()
_current: SearchIndex | None = None


def current() -> SearchIndex:
    """The index for the registry as it is now (rebuilt after any change)."""
    global _current
    if _current is not None and change_feed.feed.quiet():
        return _current
    generation = registry_generation()
    index = _current
    if index is not None and index.generation == generation:
        return index
    with _lock:
        if _current is None or _current.generation != generation:
            _current = build(generation)
            # Long-lived and free of cycles: out of the collector's full passes.
            gc.freeze()
        return _current


def forget() -> None:
    """Drop the index (tests that write around the services call this)."""
    global _current
    _current = None
