"""One line per request on standard output, written by the WSGI worker thread itself.

granian's own access log calls into Python from its Rust side for every request, which waits
for the interpreter lock that the worker thread holds: measured, it cost about a third of
the API search's throughput (docs/benchmarks.md). Here the line is written by the thread
that already holds the lock, after the response is made (a streamed body may still be on
its way). First in MIDDLEWARE, so static files, redirects and refusals are logged too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponseBase

logger = logging.getLogger("clusterhub.access")


class AccessLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        if not settings.ACCESS_LOG:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        # The path without its query: search words and tokens in links stay out of the log.
        logger.info(
            '%s "%s %s %s" %d %.1fms',
            request.META.get("REMOTE_ADDR", "-"),
            request.method,
            request.path,
            request.META.get("SERVER_PROTOCOL", "-"),
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
