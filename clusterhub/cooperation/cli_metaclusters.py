"""`clusterhub cooperation metaclusters`: meta-cluster candidates of the registry."""

from __future__ import annotations

import json
import math
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.table import Table

from clusterhub.analytics.partners.communities import (
    DEFAULT_MIN_COUNTRIES,
    DEFAULT_NEIGHBOURS,
    DEFAULT_RESOLUTION,
)
from clusterhub.cooperation.candidates import find_candidates
from clusterhub.cooperation.cli_options import write_table
from clusterhub.lib.text import cut

HELP = (
    "Meta-cluster candidates: communities of similar organisations (Leiden), coherent in "
    "industry and spanning several countries."
)
# More neighbours make a denser graph and a slower search without finding more.
MAX_NEIGHBOURS = 100


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--min-countries",
        default=str(DEFAULT_MIN_COUNTRIES),
        help=f"countries a candidate must span (default {DEFAULT_MIN_COUNTRIES})",
    )
    parser.add_argument(
        "--resolution",
        default=str(DEFAULT_RESOLUTION),
        help=f"above 0; higher finds more, smaller communities (default {DEFAULT_RESOLUTION:g})",
    )
    parser.add_argument(
        "--neighbours",
        default=str(DEFAULT_NEIGHBOURS),
        help=f"most similar organisations each keeps in the graph (1 to {MAX_NEIGHBOURS}; "
        f"default {DEFAULT_NEIGHBOURS})",
    )
    parser.add_argument(
        "--max-clusters",
        default=None,
        help="split communities of more clusters than this again (2 or more; default: no "
        "limit, a community is split only where its members already cooperate)",
    )
    parser.add_argument(
        "--format", choices=["json", "table"], default="table", help="default table"
    )


def _whole(option: str, given: str, low: int, high: int | None = None) -> int:
    try:
        value = int(given)
    except ValueError:
        value = low - 1
    if value < low or (high is not None and value > high):
        upto = f" to {high}" if high is not None else " or more"
        raise CommandError(f"{option} {cut(given, 80)}: give a whole number of {low}{upto}")
    return value


def _resolution(given: str) -> float:
    try:
        value = float(given)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise CommandError(f"--resolution {cut(given, 80)}: give a number above 0, for example 1.0")
    return value


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    min_countries = _whole("--min-countries", options["min_countries"], 1)
    resolution = _resolution(options["resolution"])
    k = _whole("--neighbours", options["neighbours"], 1, MAX_NEIGHBOURS)
    given = options["max_clusters"]
    largest = None if given is None else _whole("--max-clusters", given, 2)
    found = find_candidates(
        min_countries=min_countries, resolution=resolution, k=k, max_clusters=largest
    )
    if options["format"] == "json":
        command.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))
        return
    _print_table(command, found, min_countries)


def _print_table(command: BaseCommand, found: list[dict[str, Any]], min_countries: int) -> None:
    table = Table(title="Meta-cluster candidates")
    for column in ("#", "name", "clusters", "members", "SMEs", "reasons"):
        table.add_column(column, overflow="fold")
    for rank, candidate in enumerate(found, start=1):
        reasons = "\n".join(r["text"] for r in candidate["reasons"])
        table.add_row(
            str(rank),
            candidate["name"],
            str(len(candidate["clusters"])),
            f"{candidate['members']:,}",
            f"{candidate['smes']:,}",
            reasons,
        )
    write_table(command, table)
    if not found:
        command.stdout.write(
            f"No candidate: no community coherent in industry spans {min_countries} countries."
        )
