"""Throttles for the API, counted in Django's cache so that they hold across server processes.

ninja's throttles keep each client's list of request times in the cache and read and write
it whole on every request. These keep ninja's rates (`API_ANON_RATE`, `API_AUTH_RATE`: so
many requests per second, minute, hour or day) but count fixed windows: one counter per
client and window in the cache that every server process shares (the database's table by
default, Redis with REDIS_URL: settings.CACHES). A process does not ask the cache on every
request: it takes a lot of requests from the counter at once (`cache.incr` by the lot: a
64th of the rate, at least one) and serves them from memory, and once the counter has passed
the rate it refuses the client until the window ends without asking again. So no more than
the rate is ever let through in a window, whichever processes the requests reach; a client
spread over several processes may be refused up to a lot per other process early, as those
processes hold the rest. As with any fixed window, up to twice the rate may pass within one
period that straddles two windows.

A request that signs in with a token (the writes) is counted once, by its user, against
API_AUTH_RATE; any other request once, by the client's address, against API_ANON_RATE.
"""

from __future__ import annotations

import threading
import time

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.http import HttpRequest
from ninja.throttling import AnonRateThrottle, AuthRateThrottle, SimpleRateThrottle

# A process takes this fraction of a window's rate from the shared counter at a time.
LOT_FRACTION = 64
_PURGE_EVERY = 1000


def count(key: str, amount: int, timeout: float) -> int:
    """Add `amount` to the counter `key` (made with `timeout` seconds to live if it is new)
    and return its new value, for every process sharing the cache."""
    store = caches["default"]
    if isinstance(store, DatabaseCache):
        # The database cache adds by reading and writing back: one transaction makes that
        # whole (SQLite's writes begin IMMEDIATE; PostgreSQL takes a lock on the key).
        alias = router.db_for_write(store.cache_model_class)
        with transaction.atomic(using=alias):
            if connections[alias].vendor == "postgresql":
                with connections[alias].cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
            return _count(store, key, amount, timeout)
    return _count(store, key, amount, timeout)


def _count(store: BaseCache, key: str, amount: int, timeout: float) -> int:
    try:
        return store.incr(key, amount)
    except ValueError:  # the window's first lot
        if store.add(key, amount, timeout):
            return amount
        return store.incr(key, amount)


class Lots:
    """The requests this process took from the shared counters and has not served yet, and
    the counters found spent; both per counter key, which names its window."""

    def __init__(self) -> None:
        self._left: dict[str, tuple[float, int]] = {}  # key -> (window's end, requests left)
        self._takes = 0
        self._lock = threading.Lock()

    def allow(self, key: str, rate: int, ends: float, now: float) -> bool:
        mine = f"{key}/{rate}"  # a rate changed while running starts afresh here
        with self._lock:
            left = self._left.get(mine)
            if left is not None:
                if left[1] > 0:
                    self._left[mine] = (ends, left[1] - 1)
                    return True
                if left[1] < 0:  # spent: refused until the window ends
                    return False
        lot = max(1, rate // LOT_FRACTION)
        total = count(key, lot, ends - now + 1)
        granted = min(lot, rate - (total - lot))
        with self._lock:
            kept = self._left.get(mine, (ends, 0))[1]
            if granted > 0:
                self._left[mine] = (ends, max(kept, 0) + granted - 1)
            else:
                self._left[mine] = (ends, -1)
            self._takes += 1
            if self._takes % _PURGE_EVERY == 0:
                self._left = {k: v for k, v in self._left.items() if v[0] > now}
        return granted > 0

    def clear(self) -> None:
        with self._lock:
            self._left.clear()


lots = Lots()


class WindowThrottle(SimpleRateThrottle):
    """ninja's rate and cache key, counted in fixed windows of the rate's period."""

    def allow_request(self, request: HttpRequest) -> bool:
        key = self.get_cache_key(request)
        if key is None or self.num_requests is None or not self.duration:
            return True
        now = self.clock()
        window = int(now // self.duration)
        ends = (window + 1) * self.duration
        return lots.allow(f"{key}:{window}", self.num_requests, ends, now)

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
