"""`clusterhub demo`: load the demo data set (once) and serve the portal with `clusterhub serve`."""

from __future__ import annotations

import os
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.accounts.services import DEMO_ADMIN, ensure_demo_admin
from clusterhub.demo.loading import demo_loaded
from clusterhub.demo.steps import STEPS
from clusterhub.ingest.report import ImportRefused


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
            self.load(options["seed"])
        password = ensure_demo_admin()
        if password:
            self.stdout.write(
                f"Staff account for /admin/: {DEMO_ADMIN} / {password} (shown once; "
                "change it with `clusterhub changepassword admin`)."
            )
        if options["load_only"]:
            return
        address = f"http://{options['host']}:{options['port']}"
        # Links in invitations and mail lead back here; the server's processes read it from
        # the environment they inherit.
        os.environ.setdefault("SITE_URL", address)
        call_command("serve", host=options["host"], port=options["port"])

    def load(self, seed: int) -> None:
        """Run every app's demo step in order, printing what each loaded."""
        for step in STEPS:
            try:
                lines = step.load(seed)
            except ImportRefused as refused:  # a generator bug, not a user's mistake
                problems = [str(p) for r in refused.results for p in r.problems[:5]]
                raise CommandError(
                    f"demo data of {step.app} failed validation: " + "; ".join(problems)
                ) from None
            for line in lines:
                self.stdout.write(line)
