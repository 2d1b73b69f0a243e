"""The one pass over the observations: rows summed into cells (region x category x year).

The pass is most of a mapping's time on large inputs (30 million rows in the benchmark), so
it does as little per row as it can: codes and regions are compared as written, and trimmed
only where there are few of them — the distinct industry codes (a code map, joined to every
row instead of the crosswalk) and the aggregated cells' regions. The checks' counts (rows per
cell, rows that cannot be read) are taken on the way.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.tables import normalise
from clusterhub.analytics.mapping.values import count_column, year_column

# Stands for "no year" inside the engine, so that joins on year work without one.
NO_YEAR = 0
# Decimal places kept of sums weighted through a crosswalk.
ROUNDING = 6


def parsed_observations(inputs: MappingInputs, backend: Backend) -> ir.Table:
    """The observations with typed counts and years; region and code as written (untrimmed).
    `unreadable` marks a row with a value that cannot be read."""
    raw = backend.observations(inputs.observations)
    raw = raw.rename({normalise(name): name for name in raw.columns})
    employment, unreadable = count_column(raw.employment)
    columns: dict[str, ir.Value] = {
        "region": raw.region.cast("string"),
        "code": raw.category.cast("string"),
        "employment": employment,
    }
    if inputs.has_establishments:
        columns["establishments"], bad_establishments = count_column(raw.establishments)
        unreadable = unreadable | bad_establishments
    if inputs.has_years:
        columns["year"], bad_year = year_column(raw.year)
        unreadable = unreadable | bad_year
    else:
        columns["year"] = ibis.literal(NO_YEAR, "int64")
    return raw.select(**columns, unreadable=unreadable)


def code_map(inputs: MappingInputs, backend: Backend, observations: ir.Table) -> ir.Table:
    """Each code as written in the observations → its category and weight (one row per
    category it feeds): `code` trimmed, `category` null for an unknown or empty code."""
    written = observations.select(written=observations.code).distinct()
    written = written.filter(written.written.notnull())
    code = written.written.strip()
    codes = written.mutate(code=code, empty_code=code == "")
    if inputs.crosswalk is None:
        return codes.mutate(
            category=ibis.ifelse(codes.empty_code, ibis.null("string"), codes.code),
            weight=ibis.literal(1.0, "float64"),
        )
    crosswalk = backend.from_arrow(inputs.crosswalk)
    joined = codes.left_join(crosswalk, codes.code == crosswalk.industry)
    return joined.select("written", "code", "empty_code", "category", "weight")


def by_category(inputs: MappingInputs, observations: ir.Table, codes: ir.Table) -> ir.Table:
    """Rows summed into cells by region as written, category and year: employment (and
    establishments) weighted through the code map, `missing_inputs` (rows without
    employment), `rows` and `problems` (rows unreadable or without a code)."""
    joined = observations.left_join(codes, observations.code == codes.written)
    weighted = joined.mutate(
        employment=joined.employment * joined.weight,
        # A row that matches no code had a null code.
        problem=(joined.unreadable | joined.empty_code.fill_null(True)).cast("int64"),
    )
    sums: dict[str, ir.Value] = {
        "employment": weighted.employment.sum(),
        "missing_inputs": weighted.employment.isnull().cast("int64").sum(),
        # Rows per cell, to find repeated cells without another pass (checks.check_repeats).
        "rows": weighted.count(),
        "problems": weighted.problem.sum(),
    }
    if inputs.has_establishments:
        sums["establishments"] = (weighted.establishments * weighted.weight).sum()
    cells = weighted.group_by(["region", "category", "year"]).aggregate(**sums)
    return rounded(inputs, cells)


def untidy_regions(cells: ir.Table) -> ir.Table:
    """One row, one column: whether some region is written with surrounding spaces, empty
    or missing (looked for among the distinct regions: trimming is slow)."""
    regions = cells.select("region").distinct()
    region = regions.region
    untidy = region.isnull() | (region == "") | (region != region.strip())
    return regions.aggregate(untidy=untidy.any())


def with_trimmed_regions(inputs: MappingInputs, cells: ir.Table) -> ir.Table:
    """The cells summed again by trimmed region; the rows of an empty region are problems."""
    region = cells.region.strip()
    empty = region.isnull() | (region == "")
    regrouped = cells.mutate(
        region=region, problems=cells.problems + ibis.ifelse(empty, cells.rows, 0)
    )
    sums = {
        column: regrouped[column].sum()
        for column in regrouped.columns
        if column not in ("region", "category", "year")
    }
    return rounded(inputs, regrouped.group_by(["region", "category", "year"]).aggregate(**sums))


def rounded(inputs: MappingInputs, cells: ir.Table) -> ir.Table:
    """Weighted sums rounded (to a millionth of a person): engines add in different orders,
    and a last-bit difference must not decide a flag at a percentile's tie."""
    if inputs.crosswalk is None:
        return cells
    columns = {"employment": cells.employment.round(ROUNDING)}
    if inputs.has_establishments:
        columns["establishments"] = cells.establishments.round(ROUNDING)
    return cells.mutate(**columns)
