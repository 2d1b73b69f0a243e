"""`clusterhub cooperation load-relatedness FILE --name NAME [--replace]`: store a
relatedness matrix for the mapping's category pages and the partner suggestions.

The file (CSV or Parquet: `category_a`, `category_b`, `relatedness`) is checked whole before
anything is written; a refused file exits non-zero naming file, row, column and value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.audit.services import Actor
from clusterhub.cooperation.relatedness_store import (
    Refused,
    load_relatedness,
    unmatched_warning,
)

HELP = "Store a relatedness matrix (category_a, category_b, relatedness; CSV or Parquet)."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "path", type=Path, help="the output of `clusterhub cooperation relatedness`"
    )
    parser.add_argument("--name", required=True, help="the relatedness set's name (unique)")
    parser.add_argument("--replace", action="store_true", help="replace the set of this name")
    parser.add_argument("--description", default="", help="shown with the set")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    path: Path = options["path"]
    actor = Actor.operator(
        "cooperation load-relatedness", context=f"cooperation load-relatedness {path.name}"
    )
    try:
        stored = load_relatedness(
            path,
            name=options["name"],
            replace=options["replace"],
            description=options["description"],
            actor=actor,
        )
    except Refused as refused:
        raise CommandError(f"{path.name} was not stored:\n{refused}") from None
    command.stdout.write(stored.summary())
    if (warning := unmatched_warning(stored.result)) is not None:
        command.stderr.write(warning)
