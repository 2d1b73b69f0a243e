"""Throttles for the API, counted in Django's cache so that they hold across server processes.

ninja's throttles keep each client's list of request times in the cache and read and write
it whole on every request. These keep ninja's rates (`API_ANON_RATE`, `API_AUTH_RATE`: so
many requests per second, minute, hour or day) but count fixed windows: one counter per
client and window, raised with `cache.incr` (and opened with `cache.add`), so a request asks
the cache one to three times whatever the rate. The cache is shared by every server process:
the database's cache table by default, Redis with REDIS_URL (settings.CACHES). As with any
fixed window, a client may send up to twice the rate within one period that straddles two
windows; it never sends more than the rate within a window.

A request that signs in with a token (the writes) is counted once, by its user, against
API_AUTH_RATE; any other request once, by the client's address, against API_ANON_RATE.
"""

from __future__ import annotations

import time

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.db import router, transaction
from django.http import HttpRequest
from ninja.throttling import AnonRateThrottle, AuthRateThrottle, SimpleRateThrottle


def count(key: str, timeout: float) -> int:
    """Add one to the counter `key` (made with `timeout` seconds to live if it is new) and
    return its value, for every process sharing the cache."""
    store = caches["default"]
    if isinstance(store, DatabaseCache):
        # The database cache adds by reading and writing back: one transaction makes that
        # whole (SQLite's writes begin IMMEDIATE, so no other process reads in between).
        with transaction.atomic(using=router.db_for_write(store.cache_model_class)):
            return _count(store, key, timeout)
    return _count(store, key, timeout)


def _count(store: BaseCache, key: str, timeout: float) -> int:
    try:
        return store.incr(key)
    except ValueError:  # the window's first request
        if store.add(key, 1, timeout):
            return 1
        return store.incr(key)


class WindowThrottle(SimpleRateThrottle):
    """ninja's rate and cache key, counted in fixed windows of the rate's period."""

    def allow_request(self, request: HttpRequest) -> bool:
        key = self.get_cache_key(request)
        if key is None or self.num_requests is None or not self.duration:
            return True
        now = self.clock()
        window = int(now // self.duration)
        left = (window + 1) * self.duration - now
        return count(f"{key}:{window}", left + 1) <= self.num_requests

    def wait(self) -> float:
        """Seconds until the current window closes."""
        duration = self.duration or 1
        return duration - self.clock() % duration

    def clock(self) -> float:
        return time.time()


class AnonymousThrottle(WindowThrottle, AnonRateThrottle):
    cache_format = "api-throttle:anon:%(ident)s"


class TokenThrottle(WindowThrottle, AuthRateThrottle):
    cache_format = "api-throttle:token:%(ident)s"

    def get_cache_key(self, request: HttpRequest) -> str | None:  # type: ignore[override]
        """Token holders only: anonymous clients are counted by AnonymousThrottle."""
        if getattr(request, "auth", None) is None:
            return None
        return super().get_cache_key(request)
