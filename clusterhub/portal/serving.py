"""Serving the site in production: what must hold first, and the granian server that serves it.

`clusterhub serve` checks the settings, the database, the cache and the collected static
files, then replaces itself with granian (a Rust HTTP server; WSGI, `workers` processes with
`threads` blocking threads each), which answers SIGTERM and SIGINT by finishing the requests
under way and exiting. Each request, static files included, gets one line in the access log
on standard output.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.cache import cache
from django.db import DatabaseError, connections

from clusterhub.lib.secret_key import serving_problem
from clusterhub.portal.health import unapplied_migrations

# Seconds a worker may take to finish its requests after SIGTERM before it is killed.
KILL_TIMEOUT = 30
# Collected the way collectstatic does (its default ignore patterns).
IGNORED_STATIC = ["CVS", ".*", "*~"]


def serving_refusal() -> str | None:
    """The one sentence that says why the site may not be served now, or None."""
    if not settings.ALLOWED_HOSTS:
        return (
            "ALLOWED_HOSTS is empty: set it to the names the site answers to "
            "(e.g. ALLOWED_HOSTS=clusters.example.org)."
        )
    if settings.DEBUG:
        return (
            "DEBUG is on: `clusterhub serve` serves in production only; use "
            "`clusterhub runserver` for development, or set DEBUG=false."
        )
    if problem := serving_problem(settings.SECRET_KEY, settings.DEBUG):
        return problem
    try:
        connections["default"].ensure_connection()
        unapplied = unapplied_migrations()
    except DatabaseError as exc:
        return f"The database (DATABASE_URL) does not answer: {_first_line(exc)}."
    if unapplied:
        return (
            f"{len(unapplied)} migrations are not applied to the database (the first is "
            f"{unapplied[0]}): run `clusterhub migrate`."
        )
    try:
        cache.get("clusterhub:serve:probe")
    except Exception as exc:  # any backend's failure, said in one sentence
        where = "REDIS_URL" if settings.REDIS_URL else "the database's cache table"
        return f"The cache ({where}) does not answer: {_first_line(exc)}; run `clusterhub migrate`."
    return static_problem()


def static_problem() -> str | None:
    """Why the collected static files in STATIC_ROOT cannot be served, or None: no manifest
    (collectstatic never ran there), or files it does not list (added since)."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        collected = json.loads(manifest.read_text(encoding="utf-8"))["paths"]
    except (OSError, ValueError, KeyError, TypeError):
        return (
            f"The static files are not collected into {settings.STATIC_ROOT} (STATIC_ROOT): "
            "run `clusterhub collectstatic`."
        )
    missing = [path for path in static_paths() if path not in collected]
    if missing:
        return (
            f"{len(missing)} static files are not collected into {settings.STATIC_ROOT} "
            f"(the first is {missing[0]}): run `clusterhub collectstatic`."
        )
    return None


def static_paths() -> list[str]:
    """The static files' names (as pages name them before hashing), as collectstatic finds them."""
    paths = []
    for finder in get_finders():
        for path, storage in finder.list(IGNORED_STATIC):
            prefix = getattr(storage, "prefix", None)
            paths.append(f"{prefix}/{path}" if prefix else path)
    return [path.replace(os.sep, "/") for path in paths]


def granian_command(host: str, port: int, workers: int, threads: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface=wsgi",
        f"--host={host}",
        f"--port={port}",
        f"--workers={workers}",
        f"--blocking-threads={threads}",
        "--no-ws",
        "--respawn-failed-workers",
        f"--workers-kill-timeout={KILL_TIMEOUT}",
        "clusterhub.wsgi:application",
    ]


def granian_environment(access_log: bool = True) -> dict[str, str]:
    """This process's environment, with the collected (hashed) static files' names on, and
    the access log (clusterhub.portal.access_log) on unless asked otherwise."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "clusterhub.settings"),
        "STATIC_MANIFEST": "true",
        "ACCESS_LOG": "true" if access_log else "false",
    }


def serve(host: str, port: int, workers: int, threads: int, access_log: bool = True) -> NoReturn:
    """Become granian (same process: signals reach the server directly, nothing is left
    behind); does not return."""
    connections.close_all()
    sys.stdout.flush()
    sys.stderr.flush()
    command = granian_command(host, port, workers, threads)
    os.execve(command[0], command, granian_environment(access_log))  # noqa: S606 - a fixed command


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
