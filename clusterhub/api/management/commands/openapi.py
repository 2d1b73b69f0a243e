"""`clusterhub openapi --out docs/openapi.json`: the API's OpenAPI 3 document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from clusterhub.api.main import api

SNAPSHOT = Path(__file__).resolve().parents[4] / "docs" / "openapi.json"


def document() -> str:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Write the OpenAPI document of /api/v1/ (the committed snapshot is docs/openapi.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, help="file to write; standard output when left out")

    def handle(self, *args: Any, **options: Any) -> None:
        text = document()
        if options["out"]:
            options["out"].write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
