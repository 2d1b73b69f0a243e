"""`clusterhub cooperation relatedness`: cooperation analytics from the command line."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.cooperation import (
    cli_load_relatedness,
    cli_metaclusters,
    cli_relatedness,
    cli_relatedness_sets,
    cli_sectors,
    cli_suggest,
)

# Each verb is one module with add_arguments(parser) and run(command, options).
VERBS = {
    "relatedness": cli_relatedness,
    "load-relatedness": cli_load_relatedness,
    "relatedness-sets": cli_relatedness_sets,
    "suggest": cli_suggest,
    "sectors": cli_sectors,
    "metaclusters": cli_metaclusters,
}


class Command(BaseCommand):
    help = "Cooperation: relatedness of industries, partner suggestions, meta-clusters."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="|".join(VERBS))
        for name, module in VERBS.items():
            sub = verbs.add_parser(name, help=module.HELP, description=module.HELP)
            module.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        VERBS[options["verb"]].run(self, options)
