"""`clusterhub serve`: the portal and the API on granian, a production HTTP server."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.portal import serving


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Serve the portal and the API in production (granian, WhiteNoise for the collected "
        "static files), after checking the settings, the database and the static files."
    )
    # Its own checks say what is wrong in one sentence; the system checks run all the same.
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
        parser.add_argument("--port", type=positive, default=8000, help="port to listen on")
        parser.add_argument(
            "--workers",
            type=positive,
            default=os.cpu_count() or 1,
            help="server processes (default: one per processor core)",
        )
        parser.add_argument(
            "--threads", type=positive, default=1, help="requests served at once per process"
        )
        parser.add_argument(
            "--no-access-log",
            action="store_true",
            help="no line per request (when a proxy in front logs the requests)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if problem := serving.serving_refusal():
            raise CommandError(problem)
        self.stdout.write(
            f"Serving Clusterhub on http://{options['host']}:{options['port']}/ with "
            f"{options['workers']} processes of {options['threads']} threads (Ctrl-C stops)."
        )
        serving.serve(
            options["host"],
            options["port"],
            options["workers"],
            options["threads"],
            access_log=not options["no_access_log"],
        )
