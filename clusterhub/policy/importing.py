"""Importing the `policy_initiatives` table (registered with the importer at start-up)."""

from __future__ import annotations

from collections.abc import Iterator

from clusterhub.accounts.policy import NotPermitted
from clusterhub.ingest.layout import Layout
from clusterhub.ingest.readers.base import Row
from clusterhub.ingest.steps import NOT_YOURS, Context, raw_rows
from clusterhub.policy import services as policy_services
from clusterhub.policy.models import Initiative
from clusterhub.standard.rows import validate_row

NOT_YOURS_EU = "is the EU level, whose initiatives only administrators may change"
NOT_YOURS_INITIATIVE = "is the code of an initiative of a country whose registry you may not change"


def import_policy_initiatives(ctx: Context, layout: Layout, rows: Iterator[Row]) -> None:
    first_row: dict[str, int] = {}
    owners = None  # code -> country ("" for the EU level) of the initiatives stored
    for number, raw in raw_rows(ctx, layout, rows):
        clean, problems = validate_row("policy_initiatives", raw)
        for p in problems:
            ctx.problem(number, p)
        if problems:
            continue
        code = clean["code"]
        if code in first_row:
            ctx.problem(
                number, ("code", raw["code"], f"appears again (first in row {first_row[code]})")
            )
            continue
        first_row[code] = number
        if ctx.user is not None:
            if owners is None:
                owners = dict(Initiative.objects.values_list("code", "country"))
            if clean["level"] == "eu":
                ctx.problem(number, ("level", raw["level"], NOT_YOURS_EU))
                continue
            if not ctx.may_write(clean.get("country") or ""):
                ctx.problem(number, ("country", raw.get("country", ""), NOT_YOURS))
                continue
            if code in owners and not ctx.may_write(owners[code]):
                ctx.problem(number, ("code", raw["code"], NOT_YOURS_INITIATIVE))
                continue
        if not clean.get("source"):
            # The run's source, else the stored one stays (a new initiative gets its country).
            clean.pop("source", None)
            if ctx.source or ctx.mapping.source:
                clean["source"] = ctx.source or ctx.mapping.source
        if ctx.writing:
            try:
                initiative, outcome = policy_services.upsert_initiative(
                    clean, actor=ctx.actor, is_demo=ctx.is_demo
                )
            except NotPermitted:
                ctx.problem(number, ("code", raw["code"], NOT_YOURS_INITIATIVE))
                continue
            except policy_services.InvalidInitiative as invalid:
                # The row is fine alone, but not with the stored columns it leaves out.
                for p in invalid.problems:
                    ctx.problem(number, p)
                continue
            ctx.result.add(outcome)
            ctx.result.sources.add(initiative.source)
