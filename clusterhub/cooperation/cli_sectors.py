"""`clusterhub cooperation sectors`: the most promising sectors for cross-regional
meta-clusters, best first, each with its reasons."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from rich.table import Table

from clusterhub.analytics.sectors import SectorRank
from clusterhub.cooperation.cli_options import parse_top, write_table
from clusterhub.cooperation.sectors import as_json, explained, ranked_sectors, sector_name

HELP = "The most promising sectors (ecosystems, NACE divisions) for cross-regional meta-clusters."
MAX_TOP = 1000


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument("--top", default="10", help=f"how many (1 to {MAX_TOP}; default 10)")
    parser.add_argument("--format", choices=["json", "table"], default="table")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    top = parse_top(options["top"], MAX_TOP)
    ranks = ranked_sectors(top)
    if options["format"] == "json":
        command.stdout.write(json.dumps(as_json(ranks), ensure_ascii=False, indent=2))
        return
    _print_table(command, ranks)


def _print_table(command: BaseCommand, ranks: list[SectorRank]) -> None:
    table = Table(title="Most promising sectors for cross-regional meta-clusters")
    for column in ("#", "sector", "kind", "clusters", "countries", "score", "reasons"):
        table.add_column(column, overflow="fold")
    for rank in ranks:
        reasons = "\n".join(f"{r.value:.2f}  {r.text}" for r in explained(rank))
        table.add_row(
            str(rank.rank),
            sector_name(rank.kind, rank.code),
            rank.kind,
            str(len(rank.cluster_ids)),
            str(len(rank.countries)),
            f"{rank.score:.2f}",
            reasons,
        )
    write_table(command, table)
    if not ranks:
        command.stdout.write("No sector has two clusters or more yet.")
