"""One value kept per process until what it was built from changes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Latest(Generic[T]):
    """The value built for the newest key; built again, once, when the key changes.

    Thread-safe: readers of the current key take no lock, and one builder at a time runs
    while others wait for its value instead of building their own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entry: tuple[Hashable, T] | None = None

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        entry = self._entry
        if entry is not None and entry[0] == key:
            return entry[1]
        with self._lock:
            if self._entry is None or self._entry[0] != key:
                self._entry = (key, build())
            return self._entry[1]

    def forget(self) -> None:
        self._entry = None
