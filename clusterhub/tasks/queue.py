"""Putting work on the queue: `enqueue` runs a function in the worker after the commit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction
from django_q.tasks import async_task

log = logging.getLogger(__name__)

# Tests set this (tests/conftest.py): each task then runs at once, inside the caller and its
# transaction, through the library's own synchronous path (a task that raises raises there).
AT_ONCE = False

# Keyword arguments that django-q2 takes as its own options, so a task cannot have them.
RESERVED = frozenset(
    {"hook", "group", "save", "sync", "cached", "ack_failure", "iter_count", "iter_cached"}
    | {"chain", "broker", "cluster", "timeout", "task_name", "q_options"}
)


def path_of(func: Callable[..., Any]) -> str:
    """The dotted path the worker imports `func` by; it must be a module-level function."""
    qualname = getattr(func, "__qualname__", "")
    if not qualname or "<" in qualname or "." in qualname:
        raise ValueError(f"{func!r} is not a module-level function; the worker cannot find it")
    return f"{func.__module__}.{qualname}"


def enqueue(func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Run `func(*args, **kwargs)` in the worker once the current transaction commits (at
    once when there is none). Nothing is queued if the transaction rolls back.

    The arguments are pickled into the queue: pass ids and plain values, never model
    instances, and let the task load what it needs (it may have changed meanwhile).
    """
    path = path_of(func)
    if clash := RESERVED.intersection(kwargs):
        raise ValueError(f"{path}: the task queue keeps these argument names: {sorted(clash)}")
    if AT_ONCE:
        async_task(path, *args, sync=True, **kwargs)
        return
    # robust: the data is committed whatever happens here; a failed push is logged.
    transaction.on_commit(partial(_push, path, args, kwargs), robust=True)


def _push(path: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    async_task(path, *args, group=path.rsplit(".", 1)[-1], **kwargs)
    log.debug("queued %s", path)
