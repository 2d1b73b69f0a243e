"""Studies and their PDFs kept per process until anything changes.

A study reads the whole depository (registry, survey answers, mapping results, policy
initiatives, relatedness), composing one takes about a second on the demo and its PDF about
ten: the page and the download are asked for far more often than the data changes. Every
write records a history entry, so the newest entry (id and time: ids of rolled-back entries
come back) and the highest organisation id name the depository's state; with the scope and
the language they are the key. A few of the most recent keys are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.utils.translation import get_language

from clusterhub.benchmarking.study.data import Scope
from clusterhub.registry.search.freshness import registry_generation

T = TypeVar("T")
KEPT = 12  # studies and PDFs together (a PDF is about 0.6 MB on the demo)

_lock = threading.Lock()
_kept: OrderedDict[Hashable, Any] = OrderedDict()


def state() -> tuple[Any, ...]:
    """The depository's state: the newest history entry and the highest organisation id."""
    return registry_generation(None)


def kept(kind: str, scope: Scope, build: Callable[[], T]) -> T:
    """What `build` makes for `kind` and `scope` in the active language, built again only
    after the depository changed (two requests at once may both build: no lock is held
    while building, so a slow PDF never blocks a page)."""
    key = (kind, scope, get_language(), state())
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]  # type: ignore[no-any-return]
    value = build()
    with _lock:
        _kept[key] = value
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return value


def forget() -> None:
    with _lock:
        _kept.clear()
