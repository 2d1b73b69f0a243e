"""Options the cooperation verbs share, checked the same way, and their tables' output."""

from __future__ import annotations

import io

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from clusterhub.lib.text import cut


def parse_top(given: str, maximum: int) -> int:
    """`--top`: a whole number from 1 to `maximum`, else one sentence naming it."""
    try:
        top = int(given)
    except ValueError:
        top = 0
    if not 1 <= top <= maximum:
        raise CommandError(f"--top {cut(given, 80)}: give a whole number from 1 to {maximum}")
    return top


def write_table(command: BaseCommand, table: Table) -> None:
    """`table` as plain text (no colours, 160 columns) on the command's output."""
    console = Console(width=160, markup=False, highlight=False, record=True, file=io.StringIO())
    console.print(table)
    command.stdout.write(console.export_text())
