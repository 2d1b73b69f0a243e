"""`clusterhub export TABLE --format F --out PATH`: the registry in the standard's formats."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.exchange.formats import EXPORTERS, ExportError
from clusterhub.exchange.formats.base import ExportRequest
from clusterhub.exchange.selection import Filters
from clusterhub.standard.fields import TABLES


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]


class Command(BaseCommand):
    help = "Export clusters, members or cooperations as CSV, XLSX, JSON, GeoJSON or a Data Package."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("table", choices=list(TABLES))
        parser.add_argument("--format", choices=list(EXPORTERS), default="csv")
        parser.add_argument(
            "--out", help="file (or folder for datapackage); '-' or none: standard output"
        )
        for name, example in [
            ("country", "CZ,SK"),
            ("nuts", "CZ08"),
            ("ecosystem", "digital"),
            ("sector", "C29"),
            ("lifecycle", "mature"),
        ]:
            parser.add_argument(
                f"--{name}",
                type=_codes,
                default=[],
                help=f"e.g. {example} (comma-separated alternatives)",
            )
        parser.add_argument(
            "--include-personal",
            action="store_true",
            help="include contact persons (personal data; not for public release)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out = options["out"]
        request = ExportRequest(
            table=options["table"],
            filters=Filters(
                **{k: options[k] for k in ("country", "nuts", "ecosystem", "sector", "lifecycle")}
            ),
            include_personal=options["include_personal"],
            out=None if out in (None, "-") else Path(out),
        )
        if request.out and request.out.parent and not request.out.parent.exists():
            raise CommandError(f"folder {request.out.parent} does not exist.")
        try:
            count = EXPORTERS[options["format"]](request)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        except BrokenPipeError:
            # The reader of standard output (e.g. `head`) stopped early: not an error.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        except OSError as exc:
            raise CommandError(f"cannot write {request.out}: {exc.strerror}.") from None
        if request.out is not None:
            self.stderr.write(f"{count} {request.table} written to {request.out}")
