"""`clusterhub mapping load PATH --name NAME`: store a result file of `mapping compute`.

The file (CSV or Parquet) is checked whole before anything is written; a refused file
exits non-zero with one line per problem (file, row, column, reason), never a traceback.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from clusterhub.analytics.mapping.inputs import read_categories
from clusterhub.audit.services import Actor
from clusterhub.mapping.reading import METHOD_COLUMNS
from clusterhub.mapping.services import Refused, load_result

HELP = "Store a result file of `mapping compute` (CSV or Parquet) for the portal."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("path", type=Path, help="the output of `clusterhub mapping compute`")
    parser.add_argument("--name", required=True, help="the result set's name (unique)")
    parser.add_argument(
        "--replace", action="store_true", help="replace the result set of this name"
    )
    parser.add_argument("--description", default="", help="shown with the result set")
    parser.add_argument(
        "--categories",
        type=Path,
        help="the mapping's categories file (category, group, label): its labels are shown "
        "with the categories",
    )
    parser.add_argument(
        "--method",
        choices=list(METHOD_COLUMNS),
        help="the method of the file (default: recognised from its columns)",
    )


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    path: Path = options["path"]
    actor = Actor.operator("mapping load", context=f"mapping load {path.name}")
    started = time.perf_counter()
    labels = _labels(options["categories"]) if options.get("categories") else None
    try:
        loaded = load_result(
            path,
            name=options["name"],
            method=options.get("method"),
            replace=options["replace"],
            description=options["description"],
            labels=labels,
            actor=actor,
        )
    except Refused as refused:
        raise CommandError(f"{path.name} was not loaded:\n{refused}") from None
    for warning in loaded.warnings:
        command.stderr.write(f"warning: {warning}")
    seconds = time.perf_counter() - started
    command.stdout.write(f"{loaded.summary()} ({seconds:.1f} s)")


def _labels(path: Path) -> dict[str, str]:
    try:
        table = read_categories(path)
    except Refused as error:
        raise CommandError(f"--categories {path.name} cannot be read:\n{error}") from None
    return {row["category"]: row["label"] for row in table.to_pylist() if row["label"] is not None}
