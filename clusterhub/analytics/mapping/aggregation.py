"""The one pass over the observations: rows summed into cells (region x category x year).

The pass is most of a mapping's time on large inputs (30 million rows in the benchmark), so
it does as little per row as it can. Codes and regions are compared as written and trimmed
only where there are few of them: the distinct codes (a code map, joined to every row in
place of the crosswalk) and the aggregated cells' regions. What the checks need is read from
the cells too: a refused count is negative (`values.count_column`), so each cell keeps its
lowest value; a bad year or an empty region is a cell of its own; an empty code is in the
code map.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.tables import normalise
from clusterhub.analytics.mapping.values import count_column, valid_year, year_column

# Stands for "no year" inside the engine, so that joins on year work without one.
NO_YEAR = 0
# Decimal places kept of sums weighted through a crosswalk.
ROUNDING = 6
KEYS = ["region", "category", "year"]
# Columns of the aggregated cells that only the checks read.
CHECKED = ("rows", "lowest_employment", "lowest_establishments")


def parsed_observations(inputs: MappingInputs, backend: Backend) -> ir.Table:
    """The observations with counts and years read; region and code as written (untrimmed)."""
    raw = backend.observations(inputs.observations)
    raw = raw.rename({normalise(name): name for name in raw.columns})
    columns: dict[str, ir.Value] = {
        "region": raw.region.cast("string"),
        "code": raw.category.cast("string"),
        "employment": count_column(raw.employment),
    }
    if inputs.has_establishments:
        columns["establishments"] = count_column(raw.establishments)
    if inputs.has_years:
        columns["year"] = year_column(raw.year)
    else:
        columns["year"] = ibis.literal(NO_YEAR, "int64")
    return raw.select(**columns)


def code_map(inputs: MappingInputs, backend: Backend, observations: ir.Table) -> ir.Table:
    """Each code as written in the observations → its category and weight (one row per
    category it feeds): `code` trimmed, `category` null for an unknown, empty or null code
    (`empty_code`)."""
    written = observations.select(written=observations.code).distinct()
    code = written.written.strip()
    codes = written.mutate(code=code, empty_code=code.isnull() | (code == ""))
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
    employment), and for the checks `rows` and the lowest counts as read."""
    joined = observations.left_join(codes, observations.code == codes.written)
    employment = joined.employment * joined.weight
    sums: dict[str, ir.Value] = {
        "employment": employment.sum(),
        # Rows per cell, to find repeated cells without another pass (checks.check_repeats).
        "rows": joined.count(),
        "present": employment.count(),
        "lowest_employment": joined.employment.min(),
    }
    if inputs.has_establishments:
        sums["establishments"] = (joined.establishments * joined.weight).sum()
        sums["lowest_establishments"] = joined.establishments.min()
    cells = joined.group_by(KEYS).aggregate(**sums)
    cells = cells.mutate(missing_inputs=cells.rows - cells.present).drop("present")
    return rounded(inputs, cells)


def untidy_regions(cells: ir.Table) -> ir.Table:
    """One row, one column: whether some region is written with surrounding spaces, empty
    or missing (looked for among the distinct regions: trimming is slow)."""
    regions = cells.select("region").distinct()
    region = regions.region
    untidy = region.isnull() | (region == "") | (region != region.strip())
    return regions.aggregate(untidy=untidy.any())


def with_trimmed_regions(inputs: MappingInputs, cells: ir.Table) -> ir.Table:
    """The cells summed again by trimmed region."""
    regrouped = cells.mutate(region=cells.region.strip())
    combined = {
        column: regrouped[column].min() if column.startswith("lowest_") else regrouped[column].sum()
        for column in regrouped.columns
        if column not in KEYS
    }
    return rounded(inputs, regrouped.group_by(KEYS).aggregate(**combined))


def refused_cells(inputs: MappingInputs, cells: ir.Table) -> ir.BooleanValue:
    """Per cell, whether one of its rows is refused: a count that is negative or no number,
    a year that is not one, an empty region (empty codes are in the code map)."""
    refused = cells.region.isnull() | (cells.region == "") | (cells.lowest_employment < 0)
    if inputs.has_establishments:
        refused = refused | (cells.lowest_establishments < 0)
    if inputs.has_years:
        refused = refused | ~valid_year(cells.year).fill_null(False)
    return refused.fill_null(False)


def rounded(inputs: MappingInputs, cells: ir.Table) -> ir.Table:
    """Weighted sums rounded (to a millionth of a person): engines add in different orders,
    and a last-bit difference must not decide a flag at a percentile's tie."""
    if inputs.crosswalk is None:
        return cells
    columns = {"employment": cells.employment.round(ROUNDING)}
    if inputs.has_establishments:
        columns["establishments"] = cells.establishments.round(ROUNDING)
    return cells.mutate(**columns)
