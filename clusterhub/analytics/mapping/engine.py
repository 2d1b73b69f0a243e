"""The mapping pipeline, written once in Ibis: observations → cells with location quotients.

A cell is one region x category (x year). Each step is one function returning an Ibis table,
so DuckDB and Spark run the same plan. Method-specific flags are added by `methods/`.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from clusterhub.analytics.mapping.aggregation import (
    CHECKED,
    by_category,
    code_map,
    parsed_observations,
    untidy_regions,
    with_trimmed_regions,
)
from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.checks import check_observations, check_repeats
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.joins import left_join

# A small table of totals and the keys it is joined on.
Totals = tuple[ir.Table, list[str]]


def cells(inputs: MappingInputs, backend: Backend) -> ir.Table:
    """Employment per region x category x year with its group, LQ, share and growth.

    Raises:
        Refused: when observations cannot be read (with their rows), repeat a cell, or
            name no known category at all.
    """
    observations = parsed_observations(inputs, backend)
    codes = backend.materialize(code_map(inputs, backend, observations))
    # One pass over the observations, materialised once: every later step reads the cells
    # several times.
    aggregated = backend.materialize(by_category(inputs, observations, codes))
    if backend.to_arrow(untidy_regions(aggregated))[0][0].as_py():
        aggregated = backend.materialize(with_trimmed_regions(inputs, aggregated))
    check_observations(inputs, backend, aggregated, codes)
    categories = backend.from_arrow(inputs.categories.select(["category", "group"]))
    observed = aggregated.inner_join(categories, "category")
    check_repeats(inputs, backend, observed, observations)
    base = observed.drop(*[column for column in CHECKED if column in observed.columns])
    # Every total is a small table (summed from the cells or read from a file) joined back
    # once: faster than window sums, which sort the cells once per partitioning.
    totals = _group_totals(inputs, backend, base)
    totals += _reference_totals(inputs, backend, categories, base)
    totals += _growth_starts(base) if inputs.has_years else []
    observed = base
    for table, keys in totals:
        observed = left_join(observed, table, keys)
    observed = observed.mutate(
        lq=(observed.employment / observed.region_group_employment.nullif(0))
        / (observed.reference_employment / observed.reference_group_employment.nullif(0)).nullif(0),
        share=observed.employment / observed.region_employment.nullif(0),
    )
    if inputs.has_years:
        observed = _with_growth(observed)
    return backend.materialize(observed)


def _group_totals(inputs: MappingInputs, backend: Backend, cells: ir.Table) -> list[Totals]:
    """E(r,G) and the region's total over all groups, from the region totals or the cells."""
    if inputs.region_totals is None:
        group_totals = cells.group_by(["region", "group", "year"]).aggregate(
            region_group_employment=cells.employment.sum()
        )
    else:
        given = backend.from_arrow(inputs.region_totals)
        if not _has_year(inputs.region_totals):
            given = given.drop("year")
        group_totals = given.rename(region_group_employment="employment")
    keys = [key for key in ("region", "group", "year") if key in group_totals.columns]
    region_keys = [key for key in keys if key != "group"]
    region_totals = group_totals.group_by(region_keys).aggregate(
        region_employment=group_totals.region_group_employment.sum()
    )
    return [(group_totals, keys), (region_totals, region_keys)]


def _reference_totals(
    inputs: MappingInputs, backend: Backend, categories: ir.Table, cells: ir.Table
) -> list[Totals]:
    """E(ref,c) and E(ref,G), from the reference totals or summed over all regions."""
    if inputs.reference_totals is None:
        by_category = cells.group_by(["category", "group", "year"]).aggregate(
            reference_employment=cells.employment.sum()
        )
        by_group = by_category.group_by(["group", "year"]).aggregate(
            reference_group_employment=by_category.reference_employment.sum()
        )
        by_category = by_category.drop("group")
    else:
        totals = backend.from_arrow(inputs.reference_totals)
        if not _has_year(inputs.reference_totals):
            totals = totals.drop("year")
        year = ["year"] if "year" in totals.columns else []
        by_category = totals.inner_join(categories.select("category"), "category").rename(
            reference_employment="employment"
        )
        summed = by_category.inner_join(categories, "category")
        summed = summed.group_by(["group", *year]).aggregate(
            reference_group_employment=summed.reference_employment.sum()
        )
        # A row naming a group rather than a category gives that group's total directly.
        groups = categories.select(group_name=categories.group).distinct()
        named = totals.inner_join(groups, totals.category == groups.group_name).select(
            "group_name", *year, given="employment"
        )
        named = named.rename(group="group_name")
        by_group = summed.left_join(named, ["group", *year]).select(
            "group",
            *year,
            reference_group_employment=ibis.coalesce(
                ibis._.given, ibis._.reference_group_employment
            ),
        )
    year = ["year"] if "year" in by_category.columns else []
    return [(by_category, ["category", *year]), (by_group, ["group", *year])]


def _growth_starts(cells: ir.Table) -> list[Totals]:
    """Each region x category's first year with employment > 0, and that employment."""
    positive = cells.filter(cells.employment > 0)
    first = positive.group_by(["region", "category"]).aggregate(
        first_year=positive.year.min(), first_employment=positive.employment.argmin(positive.year)
    )
    return [(first, ["region", "category"])]


def _with_growth(observed: ir.Table) -> ir.Table:
    """Compound annual growth from the first year with employment > 0 to each cell's year."""
    span = (observed.year - observed.first_year).cast("float64")
    cagr = ibis.ifelse(
        span > 0,
        (observed.employment / observed.first_employment) ** (1.0 / span) - 1.0,
        ibis.null("float64"),
    )
    return observed.mutate(cagr=cagr).drop("first_year", "first_employment")


def _has_year(table: pa.Table) -> bool:
    nulls: int = table.column("year").null_count
    rows: int = table.num_rows
    return nulls < rows
