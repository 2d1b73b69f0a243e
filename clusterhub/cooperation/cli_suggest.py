"""`clusterhub cooperation suggest`: ranked, explained partners for one organisation."""

from __future__ import annotations

import io
import json
import math
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.table import Table

from clusterhub.analytics.partners import DEFAULT_WEIGHTS, PARTS, BadWeight, UnknownWeight
from clusterhub.cooperation.suggestions.service import MAX_TOP, Partner, suggestions_for
from clusterhub.registry.models import Cluster

HELP = "Suggested partners for one organisation, best first, each with its reasons."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--cluster",
        required=True,
        help="the organisation: its id in the imported file, or its registry id",
    )
    parser.add_argument("--top", default="10", help=f"how many (1 to {MAX_TOP}; default 10)")
    parser.add_argument(
        "--include-partners",
        action="store_true",
        help="suggest organisations it already cooperates with too",
    )
    parser.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="PART=VALUE",
        help="change a part's weight; parts and defaults: "
        + ", ".join(f"{p}={DEFAULT_WEIGHTS[p]:g}" for p in PARTS),
    )
    parser.add_argument("--format", choices=["json", "table"], default="table")


def find_cluster(given: str) -> Cluster:
    """The organisation `given` names: first its id in the file it was imported from (the
    `id` column; `source:id` when several sources share it), then its registry id."""
    value = given.strip()
    source, _colon, source_id = value.rpartition(":")
    matches = Cluster.objects.filter(source_id=source_id, **({"source": source} if source else {}))
    found = list(matches[:2])
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        sources = ", ".join(
            f"{s}:{source_id}" for s in matches.values_list("source", flat=True)[:5]
        )
        raise CommandError(
            f"--cluster {given}: several organisations have this id; name one as {sources}"
        )
    if value.isdigit():
        cluster = Cluster.objects.filter(pk=int(value)).first()
        if cluster is not None:
            return cluster
    raise CommandError(f"--cluster {given}: no organisation in the registry has this id")


def parse_weights(given: list[str]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for item in given:
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals:
            raise CommandError(f"--weight {item}: write it as PART=VALUE, for example needs=2")
        if name not in DEFAULT_WEIGHTS:
            raise CommandError(f"--weight {item}: {UnknownWeight(name)}")
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise CommandError(f"--weight {item}: {BadWeight(name, value.strip())}")
        weights[name] = number
    return weights


def parse_top(given: str) -> int:
    try:
        top = int(given)
    except ValueError:
        top = 0
    if not 1 <= top <= MAX_TOP:
        raise CommandError(f"--top {given}: give a whole number from 1 to {MAX_TOP}")
    return top


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    top = parse_top(options["top"])
    weights = parse_weights(options["weight"])
    cluster = find_cluster(options["cluster"])
    partners = suggestions_for(cluster, top, weights, include_partners=options["include_partners"])
    if options["format"] == "json":
        command.stdout.write(
            json.dumps([p.as_dict() for p in partners], ensure_ascii=False, indent=2)
        )
        return
    _print_table(command, cluster, partners)


def _print_table(command: BaseCommand, cluster: Cluster, partners: list[Partner]) -> None:
    table = Table(title=f"Suggested partners for {cluster.name} ({cluster.country})")
    for column in ("#", "id", "name", "country", "score", "reasons"):
        table.add_column(column, overflow="fold")
    for rank, partner in enumerate(partners, start=1):
        reasons = "\n".join(f"{r.value:.2f}  {r.text}" for r in partner.reasons)
        table.add_row(
            str(rank),
            str(partner.id),
            partner.name,
            partner.country,
            f"{partner.score:.2f}",
            reasons,
        )
    console = Console(width=160, markup=False, highlight=False, record=True, file=io.StringIO())
    console.print(table)
    command.stdout.write(console.export_text())
    if not partners:
        command.stdout.write("No organisation to suggest.")
