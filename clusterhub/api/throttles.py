"""Throttles for the API: ninja's, with the request histories kept in plain process memory.

ninja keeps each client's request times in Django's cache, which here is the local-memory
cache: per process already, but pickled and unpickled on every request, which cost a
fifth of a stored answer's time. This store keeps the same histories per process without
copying them; expired ones are dropped as new ones arrive.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from ninja.throttling import AnonRateThrottle, AuthRateThrottle

_PURGE_EVERY = 1000


class ProcessHistories:
    """The part of Django's cache interface that ninja's throttles use (get, set)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, Any]] = {}  # key -> (expires, value)
        self._writes = 0
        self._lock = threading.Lock()

    def get(self, key: str, default: Any = None) -> Any:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= time.monotonic():
            return default
        return entry[1]

    def set(self, key: str, value: Any, timeout: float) -> None:
        now = time.monotonic()
        with self._lock:
            self._entries[key] = (now + timeout, value)
            self._writes += 1
            if self._writes % _PURGE_EVERY == 0:
                self._entries = {k: e for k, e in self._entries.items() if e[0] > now}

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


histories = ProcessHistories()


class AnonymousThrottle(AnonRateThrottle):
    cache = histories  # type: ignore[assignment]


class TokenThrottle(AuthRateThrottle):
    cache = histories  # type: ignore[assignment]
