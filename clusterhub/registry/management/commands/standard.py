"""`clusterhub standard --out DIR`: publish the data standard with empty CSV templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.standard import datapackage, markdown


class Command(BaseCommand):
    help = (
        "Write the data standard (datapackage.json and empty CSV templates) or its documentation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", type=Path, help="folder for datapackage.json and the templates"
        )
        parser.add_argument("--docs", type=Path, help="write the standard as Markdown to this file")

    def handle(self, *args: Any, **options: Any) -> None:
        out, docs = options["out"], options["docs"]
        if not out and not docs:
            raise CommandError("give --out DIR (the Data Package) or --docs FILE (Markdown).")
        try:
            if out:
                for path in datapackage.write_standard(out):
                    self.stdout.write(str(path))
            if docs:
                docs.write_text(markdown.render(), encoding="utf-8")
                self.stdout.write(str(docs))
        except OSError as exc:
            raise CommandError(f"cannot write there: {exc.strerror} ({exc.filename}).") from None
