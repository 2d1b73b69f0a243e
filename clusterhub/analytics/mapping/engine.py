"""The mapping pipeline, written once in Ibis: observations → cells with location quotients.

A cell is one region x category (x year). Each step is one function returning an Ibis table,
so DuckDB and Spark run the same plan. Method-specific flags are added by `methods/`.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.checks import check_observations, check_repeats
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.joins import left_join
from clusterhub.analytics.mapping.tables import normalise
from clusterhub.analytics.mapping.values import count_column, year_column

# Stands for "no year" inside the engine, so that joins on year work without one.
NO_YEAR = 0
# Decimal places kept of sums weighted through a crosswalk.
ROUNDING = 6


def parsed_observations(inputs: MappingInputs, backend: Backend) -> ir.Table:
    """The observations with typed columns, plus a flag per cell that could not be read."""
    raw = backend.observations(inputs.observations)
    raw = raw.rename({normalise(name): name for name in raw.columns})
    employment, bad_employment = count_column(raw.employment)
    columns: dict[str, ir.Value] = {
        "region": raw.region.cast("string").strip(),
        "code": raw.category.cast("string").strip(),
        "employment": employment,
        "bad_employment": bad_employment,
    }
    if inputs.has_establishments:
        columns["establishments"], columns["bad_establishments"] = count_column(raw.establishments)
    if inputs.has_years:
        columns["year"], columns["bad_year"] = year_column(raw.year)
    else:
        columns["year"] = ibis.literal(NO_YEAR, "int64")
    return raw.select(**columns)


def cells(inputs: MappingInputs, backend: Backend) -> ir.Table:
    """Employment per region x category x year with its group, LQ, share and growth.

    Raises:
        InputError: when observations cannot be read (with their rows), repeat a cell, or
            name no known category at all.
    """
    observations = parsed_observations(inputs, backend)
    # One pass over the observations: aggregated into cells, counting on the way what the
    # checks need (unreadable values, empty codes, rows per cell). Materialised once: every
    # later step reads these cells several times.
    aggregated = backend.materialize(_by_category(inputs, backend, observations))
    check_observations(inputs, backend, observations, aggregated)
    categories = backend.from_arrow(inputs.categories.select(["category", "group"]))
    observed = aggregated.inner_join(categories, "category")
    check_repeats(inputs, backend, observed, observations)
    observed = observed.drop(
        "rows", *[c for c in aggregated.columns if c.startswith(("bad_", "empty"))]
    )
    observed = _with_group_totals(inputs, backend, observed)
    observed = _with_reference_totals(inputs, backend, categories, observed)
    observed = observed.mutate(
        lq=(observed.employment / observed.region_group_employment.nullif(0))
        / (observed.reference_employment / observed.reference_group_employment.nullif(0)).nullif(0),
        share=observed.employment / observed.region_employment.nullif(0),
    )
    if inputs.has_years:
        observed = _with_growth(observed)
    return backend.materialize(observed)


def _by_category(inputs: MappingInputs, backend: Backend, observations: ir.Table) -> ir.Table:
    """Industry codes aggregated into categories through the crosswalk (sum of known parts)."""
    has_establishments = inputs.has_establishments
    if inputs.crosswalk is None:
        weighted = observations.mutate(category=observations.code)
    else:
        # A left join: rows of unknown industries keep an empty category, for the checks.
        crosswalk = backend.from_arrow(inputs.crosswalk)
        joined = observations.left_join(crosswalk, observations.code == crosswalk.industry)
        weighted = joined.mutate(employment=joined.employment * joined.weight)
        if has_establishments:
            weighted = weighted.mutate(establishments=weighted.establishments * weighted.weight)
    empty = (
        observations.region.isnull()
        | (observations.region == "")
        | observations.code.isnull()
        | (observations.code == "")
    )
    weighted = weighted.mutate(empty=empty.cast("int64"))
    sums: dict[str, ir.Value] = {
        "employment": weighted.employment.sum(),
        "missing_inputs": weighted.employment.isnull().cast("int64").sum(),
        # Rows per cell, to find repeated cells without another pass (checks.check_repeats).
        "rows": weighted.count(),
        "empty": weighted.empty.sum(),
        **{
            column: weighted[column].cast("int64").sum()
            for column in weighted.columns
            if column.startswith("bad_")
        },
    }
    if has_establishments:
        sums["establishments"] = weighted.establishments.sum()
    aggregated = weighted.group_by(["region", "category", "year"]).aggregate(**sums)
    if inputs.crosswalk is None:
        return aggregated
    # Weighted sums are rounded (to a millionth of a person): engines add in different
    # orders, and a last-bit difference must not decide a flag at a percentile's tie.
    rounded = {"employment": aggregated.employment.round(ROUNDING)}
    if has_establishments:
        rounded["establishments"] = aggregated.establishments.round(ROUNDING)
    return aggregated.mutate(**rounded)


def _with_group_totals(inputs: MappingInputs, backend: Backend, observed: ir.Table) -> ir.Table:
    """E(r,G) and the region's total over all groups, from the region totals or the cells."""
    if inputs.region_totals is None:
        # Window sums: one pass over the cells, no aggregate joined back.
        return observed.mutate(
            region_group_employment=observed.employment.sum().over(
                ibis.window(group_by=["region", "group", "year"])
            ),
            region_employment=observed.employment.sum().over(
                ibis.window(group_by=["region", "year"])
            ),
        )
    else:
        totals = backend.from_arrow(inputs.region_totals)
        if not _has_year(inputs.region_totals):
            totals = totals.drop("year")
        group_totals = totals.rename(region_group_employment="employment")
    keys = [key for key in ("region", "group", "year") if key in group_totals.columns]
    region_totals = group_totals.group_by([k for k in keys if k != "group"]).aggregate(
        region_employment=group_totals.region_group_employment.sum()
    )
    observed = left_join(observed, group_totals, keys)
    keys.remove("group")
    return left_join(observed, region_totals, keys)


def _with_reference_totals(
    inputs: MappingInputs, backend: Backend, categories: ir.Table, observed: ir.Table
) -> ir.Table:
    """E(ref,c) and E(ref,G), from the reference totals or summed over all regions."""
    if inputs.reference_totals is None:
        return observed.mutate(
            reference_employment=observed.employment.sum().over(
                ibis.window(group_by=["category", "year"])
            ),
            reference_group_employment=observed.employment.sum().over(
                ibis.window(group_by=["group", "year"])
            ),
        )
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
    observed = _join(observed, by_category, "category")
    return _join(observed, by_group, "group")


def _join(left: ir.Table, right: ir.Table, key: str) -> ir.Table:
    return left_join(left, right, [key, "year"] if "year" in right.columns else [key])


def _with_growth(observed: ir.Table) -> ir.Table:
    """Compound annual growth from the first year with employment > 0 to each cell's year."""
    first = (
        observed.filter(observed.employment > 0)
        .group_by(["region", "category"])
        .aggregate(first_year=ibis._.year.min())
    )
    start = observed.select("region", "category", first_year="year", first_employment="employment")
    first = first.inner_join(start, ["region", "category", "first_year"])
    observed = left_join(observed, first, ["region", "category"])
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
