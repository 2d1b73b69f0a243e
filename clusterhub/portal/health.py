"""`GET /healthz`: whether this server process can answer, for load balancers and monitors.

200 `{"status": "ok", "database": "ok", "migrations": "ok"}` when the database answers and
every migration is applied; 503 `{"status": "unavailable", ...}` naming what is wrong
otherwise. No session, no language, no CSRF: the answer depends on nothing the caller sends.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

# Once every migration was found applied, the finding is kept this long (seconds): reading
# the migration files and the applied list costs milliseconds, a probe comes every few
# seconds. A finding of unapplied migrations is never kept.
APPLIED_KEPT_SECONDS = 30.0

logger = logging.getLogger(__name__)
_applied_until = 0.0
_lock = threading.Lock()


def unapplied_migrations(alias: str = "default") -> list[str]:
    """The migrations not yet applied to the database, as `app.name`, in the order that
    `migrate` would apply them."""
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def _migrations_applied() -> bool:
    global _applied_until
    if time.monotonic() < _applied_until:
        return True
    with _lock:
        applied = not unapplied_migrations()
        if applied:
            _applied_until = time.monotonic() + APPLIED_KEPT_SECONDS
    return applied


def forget() -> None:
    """Check the migrations again at the next probe (tests)."""
    global _applied_until
    _applied_until = 0.0


@csrf_exempt
@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The reason goes to the log, not to whoever asks (it may name hosts and users).
        logger.exception("/healthz: the database does not answer")
        return _unavailable(database="unreachable")
    try:
        applied = _migrations_applied()
    except DatabaseError:
        logger.exception("/healthz: the applied migrations cannot be read")
        return _unavailable(database="ok", migrations="unreadable")
    if not applied:
        return _unavailable(database="ok", migrations="unapplied")
    return JsonResponse({"status": "ok", "database": "ok", "migrations": "ok"})


def _unavailable(**reasons: str) -> JsonResponse:
    return JsonResponse({"status": "unavailable", **reasons}, status=503)
