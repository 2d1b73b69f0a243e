"""Tasks the tests queue: the worker imports them by their dotted path, as it does the
apps' own."""

from __future__ import annotations

from django.core.cache import cache

RUNS = "tests-tasks-runs"


def explode(message: str) -> None:
    raise RuntimeError(message)


def fail_once(key: str) -> str:
    """Raises on its first run, succeeds on the next (the count is kept in the cache)."""
    runs = cache.get(f"{RUNS}:{key}", 0) + 1
    cache.set(f"{RUNS}:{key}", runs)
    if runs == 1:
        raise ConnectionError(f"{key}: the mail server did not answer")
    return f"{key} done after {runs} runs"


def note(key: str) -> str:
    cache.set(f"{RUNS}:{key}", "ran")
    return key
