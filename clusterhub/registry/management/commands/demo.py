"""`clusterhub demo`: load the demo registry (once) and serve the portal."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.accounts.services import DEMO_ADMIN, ensure_demo_admin
from clusterhub.benchmarking.demo import load_demo_answers
from clusterhub.ingest.report import ImportRefused
from clusterhub.lib.secret_key import serving_problem
from clusterhub.mapping.demo import load_demo_mapping
from clusterhub.registry.demo_loader import demo_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo data set (about 600 clusters, 30,000 members) if needed and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--load-only", action="store_true", help="load the data, do not serve")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--seed", type=int, default=2026, help="seed of the generator")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if demo_loaded():
            self.stdout.write("Demo data already loaded.")
        else:
            try:
                results = load_demo(options["seed"])
            except ImportRefused as refused:  # a generator bug, not a user's mistake
                problems = [str(p) for r in refused.results for p in r.problems[:5]]
                raise CommandError("demo data failed validation: " + "; ".join(problems)) from None
            for result in results:
                self.stdout.write(result.summary())
            for name in load_demo_mapping(options["seed"]):
                self.stdout.write(f"demo mapping: loaded {name}")
            answered = load_demo_answers(options["seed"])
            self.stdout.write(f"demo benchmarking survey: {answered} organisations answered")
        password = ensure_demo_admin()
        if password:
            self.stdout.write(
                f"Staff account for /admin/: {DEMO_ADMIN} / {password} (shown once; "
                "change it with `clusterhub changepassword admin`)."
            )
        if options["load_only"]:
            return
        if problem := serving_problem(settings.SECRET_KEY, settings.DEBUG):
            raise CommandError(problem)
        address = f"http://{options['host']}:{options['port']}"
        if not os.environ.get("SITE_URL"):
            settings.SITE_URL = address  # links in invitations and mail lead back here
        self.stdout.write(f"Serving Clusterhub on {address}/")
        call_command(
            "runserver",
            f"{options['host']}:{options['port']}",
            use_reloader=False,
            insecure_serving=True,
        )
