"""`clusterhub report benchmarking`: generate the benchmarking study as HTML or PDF."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from clusterhub.benchmarking.reports import FORMATS, REPORTS
from clusterhub.benchmarking.study import Scope
from clusterhub.standard.vocabularies import ECOSYSTEMS


class Command(BaseCommand):
    help = "Generate a report from the data (the benchmarking study) as HTML or PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("type", choices=list(REPORTS), help="the report to generate")
        parser.add_argument("--country", help="only organisations of this country (ISO code)")
        parser.add_argument("--ecosystem", help="only organisations of this industrial ecosystem")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
        )
        parser.add_argument("--format", choices=FORMATS, required=True, dest="output")
        parser.add_argument("--out", type=Path, required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
        country = (options["country"] or "").strip().upper() or None
        if country is not None and (len(country) != 2 or not country.isalpha()):
            raise CommandError(
                f"--country {options['country']}: give a two-letter ISO code, e.g. CZ"
            )
        ecosystem = options["ecosystem"]
        if ecosystem is not None and ecosystem not in ECOSYSTEMS:
            raise CommandError(
                f"--ecosystem {ecosystem}: not an industrial ecosystem; choose one of {', '.join(ECOSYSTEMS)}"
            )
        started = time.perf_counter()
        with translation.override(options["language"]):
            document = REPORTS[options["type"]].build(
                Scope(country=country, ecosystem=ecosystem), options["output"]
            )
        partial = out.with_name(f".{out.name}.partial")
        partial.write_bytes(document.content)
        partial.replace(out)
        pages = f"{document.pages} pages, " if document.pages else ""
        self.stdout.write(
            f"{out}: {options['type']} report, {pages}{len(document.content):,} bytes, "
            f"{time.perf_counter() - started:.1f} s"
        )
