"""`clusterhub cooperation suggest`: ranked, explained partners for one organisation."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.table import Table

from clusterhub.analytics.partners import DEFAULT_WEIGHTS, PARTS
from clusterhub.cooperation.cli_options import parse_top, write_table
from clusterhub.cooperation.cluster_text import registry_number
from clusterhub.cooperation.suggestions.service import (
    MAX_TOP,
    Partner,
    WeightRefused,
    parse_weights,
    suggestions_for,
)
from clusterhub.lib.text import cut
from clusterhub.registry.models import Cluster

# The longest value a message repeats.
VALUE_CHARS = 80

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
            f"--cluster {cut(given, VALUE_CHARS)}: several organisations have this id; "
            f"name one as {sources}"
        )
    # A registry id is a number the database can hold, written in ASCII digits.
    if value.isascii() and (number := registry_number(value)) is not None:
        cluster = Cluster.objects.filter(pk=number).first()
        if cluster is not None:
            return cluster
    shown = cut(given, VALUE_CHARS)
    raise CommandError(f"--cluster {shown}: no organisation in the registry has this id")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    top = parse_top(options["top"], MAX_TOP)
    try:
        weights = parse_weights(options["weight"], "=")
    except WeightRefused as refused:
        named = f"--weight {cut(refused.item, VALUE_CHARS)}" if refused.item else "--weight"
        raise CommandError(f"{named}: {refused.reason}") from None
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
    write_table(command, table)
    if not partners:
        command.stdout.write("No organisation to suggest.")
