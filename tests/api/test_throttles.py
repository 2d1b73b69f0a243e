"""API throttles count in the shared cache (the database's table, Redis) in fixed windows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from redis import Redis

from clusterhub.api.main import api
from clusterhub.api.throttles import AnonymousThrottle, Lots, TokenThrottle, lots

DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "clusterhub_cache",
    }
}

REDIS = "redis://127.0.0.1:6379/15"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def database_cache(db: Any) -> Iterator[None]:
    """The database cache, as production has it by default (the tests' own is in memory)."""
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        yield


@pytest.fixture
def anonymous() -> Iterator[AnonymousThrottle]:
    """The API's anonymous throttle at 3 requests a minute, on a clock the test turns."""
    throttle: AnonymousThrottle = api.throttle[0]  # type: ignore[index]
    saved = throttle.num_requests, throttle.duration
    throttle.num_requests, throttle.duration = 3, 60
    throttle.clock = Clock(6_000_000.0)  # type: ignore[method-assign]
    lots.clear()
    yield throttle
    throttle.num_requests, throttle.duration = saved
    del throttle.clock


def statuses(client: Any, count: int, **extra: str) -> list[int]:
    return [client.get("/api/v1/taxonomies", **extra).status_code for _ in range(count)]


def test_it_counts_anonymous_requests_in_the_database_cache_and_refuses_past_the_rate(  # type: ignore[no-untyped-def]
    client, anonymous, database_cache
) -> None:
    assert statuses(client, 4) == [200, 200, 200, 429]
    refused = client.get("/api/v1/taxonomies")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["Retry-After"] == "60"  # the whole window is left on this clock
    # The count lives in the database's table, where every server process finds it: three
    # lots of one request, and the fourth found past the rate; the fifth asked no one.
    assert cache.get("api-throttle:anon:127.0.0.1:100000") == 4


def test_a_new_window_lets_the_client_in_again(client, anonymous, database_cache) -> None:  # type: ignore[no-untyped-def]
    assert statuses(client, 4) == [200, 200, 200, 429]
    anonymous.clock.now += 45  # type: ignore[attr-defined]
    assert statuses(client, 1) == [429]
    anonymous.clock.now += 15  # type: ignore[attr-defined]
    assert statuses(client, 4) == [200, 200, 200, 429]


def test_clients_are_counted_apart_by_address(client, anonymous, database_cache) -> None:  # type: ignore[no-untyped-def]
    assert statuses(client, 4)[-1] == 429
    assert statuses(client, 1, REMOTE_ADDR="192.0.2.7") == [200]


def test_a_process_takes_a_lot_of_requests_at_once_and_processes_never_pass_the_rate(  # type: ignore[no-untyped-def]
    database_cache,
) -> None:
    key, ends = "api-throttle:anon:192.0.2.1:1", 120.0
    first, second = Lots(), Lots()  # two server processes' memories, one shared cache
    assert first.allow(key, 640, ends, 60.0)
    assert cache.get(key) == 10  # a 64th of the rate, taken at once
    assert all(first.allow(key, 640, ends, 60.0) for _ in range(9))
    assert cache.get(key) == 10  # served from memory
    allowed = sum(
        process.allow(key, 640, ends, 61.0) for _ in range(400) for process in (first, second)
    )
    # Never more than the rate in all; at most a lot short, held by the other process.
    assert 640 - 10 - 10 < allowed <= 640 - 10
    assert not first.allow(key, 640, ends, 62.0)
    assert not second.allow(key, 640, ends, 62.0)


def test_token_holders_are_counted_by_user_and_not_against_the_anonymous_rate(  # type: ignore[no-untyped-def]
    database_cache,
) -> None:
    from clusterhub.accounts.models import User

    user = User.objects.create_user("throttled", "t@example.org", "A-long-enough-pass-42")
    throttle = TokenThrottle("2/min")
    request = RequestFactory().post("/api/v1/clusters")
    assert throttle.get_cache_key(request) is None  # anonymous: AnonymousThrottle counts it
    request.auth = user  # type: ignore[attr-defined]
    assert [throttle.allow_request(request) for _ in range(3)] == [True, True, False]
    assert 0 < throttle.wait() <= 60
    assert AnonymousThrottle("1/min").allow_request(request)  # not counted by address


def test_it_counts_in_redis_when_redis_is_the_cache() -> None:
    throttle = AnonymousThrottle("3/s")
    throttle.clock = Clock(7_000_000.0)  # type: ignore[method-assign]
    request = RequestFactory().get("/api/v1/taxonomies")
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    with override_settings(CACHES=redis):
        try:
            assert [throttle.allow_request(request) for _ in range(4)] == [True] * 3 + [False]
            key = "api-throttle:anon:127.0.0.1:7000000"
            assert cache.get(key) == 4
            # The window's counter expires a second after the window closes.
            server = Redis.from_url(REDIS)
            assert 0 < server.ttl(cache.make_key(key)) <= 2
            throttle.clock.now += 1  # type: ignore[attr-defined]
            assert throttle.allow_request(request)
        finally:
            cache.clear()
