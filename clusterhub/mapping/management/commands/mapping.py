"""`clusterhub mapping compute|load`: regional cluster mapping from employment statistics."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.mapping import cli_compute, cli_load

# Each verb is one module with add_arguments(parser) and run(command, options).
VERBS = {"compute": cli_compute, "load": cli_load}


class Command(BaseCommand):
    help = "Regional cluster mapping: compute location quotients and flags, load results."
    # The system checks import every view (charts, API); a mapping needs none of them, and
    # `clusterhub check` runs them where a deployment is checked.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="compute|load")
        for name, module in VERBS.items():
            sub = verbs.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        VERBS[options["verb"]].run(self, options)
