"""Answers to repeated anonymous searches, kept per process until the registry changes.

Most traffic on an open registry's API repeats a few searches (the first page, a
country, an ecosystem). An answer is stored under the registry's generation (see
`registry.search.freshness`), so any write makes every stored answer unreachable; the oldest
answers go first when the store is full. Signed-in callers always get a fresh answer, as
what they may see depends on their roles.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from clusterhub.registry.search import freshness

_lock = threading.Lock()
_stored: OrderedDict[Hashable, bytes] = OrderedDict()
_size = 0


def _key(request: HttpRequest) -> Hashable:
    params = tuple((name, tuple(values)) for name, values in sorted(request.GET.lists()))
    return (freshness.current().generation, get_language(), request.path, params)


def _store(key: Hashable, body: bytes) -> None:
    global _size
    with _lock:
        if key in _stored:
            return
        _stored[key] = body
        _size += len(body)
        while _size > settings.API_ANSWER_CACHE_MB * 1024 * 1024 and _stored:
            _, dropped = _stored.popitem(last=False)
            _size -= len(dropped)


def answer(
    request: HttpRequest, anonymous: bool, compute: Callable[[], bytes], content_type: str
) -> HttpResponse:
    """The stored answer to this request when there is one (anonymous callers only)."""
    if not anonymous or not settings.API_ANSWER_CACHE_MB:
        return HttpResponse(compute(), content_type=content_type)
    key = _key(request)
    with _lock:
        body = _stored.get(key)
        if body is not None:
            _stored.move_to_end(key)
    if body is None:
        body = compute()
        _store(key, body)
    return HttpResponse(body, content_type=content_type)


def forget() -> None:
    global _size
    with _lock:
        _stored.clear()
        _size = 0
