"""`clusterhub cooperation relatedness-sets`: the stored relatedness sets, newest first."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from clusterhub.cooperation.models import RelatednessResult

HELP = "List the stored relatedness sets: name, measure or source, categories, pairs, loaded."
HEADER = ("name", "measure or source", "categories", "pairs", "loaded")
RIGHT = {2, 3}  # numbers


def add_arguments(parser: CommandParser) -> None:
    return None


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    rows = [
        (
            result.name,
            result.measure or result.source,
            f"{result.categories:,}",
            f"{result.pairs:,}",
            timezone.localtime(result.loaded_at).strftime("%Y-%m-%d %H:%M"),
        )
        for result in RelatednessResult.objects.order_by("-loaded_at", "-id")
    ]
    if not rows:
        command.stdout.write(
            "No relatedness set is stored (clusterhub cooperation load-relatedness)."
        )
        return
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    for row in [HEADER, *rows]:
        cells = [
            cell.rjust(width) if i in RIGHT else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        command.stdout.write("  ".join(cells).rstrip())
