"""`clusterhub regions load PATH`: name the NUTS regions from a published list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from clusterhub.ingest.region_files import read_region_names
from clusterhub.lib.refusal import Refused
from clusterhub.registry.services import name_regions


class Command(BaseCommand):
    help = "Load NUTS region names from Eurostat's code list (CSV) or GISCO GeoJSON."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("load", help="load region codes and names from a file")
        load.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            names = read_region_names(options["path"])
        except Refused as exc:  # an unreadable file too
            raise CommandError(str(exc)) from None
        with transaction.atomic():
            changed = name_regions(names)
        self.stdout.write(f"{len(names)} regions read, {changed} named or renamed.")
