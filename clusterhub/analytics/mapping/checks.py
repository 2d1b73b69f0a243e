"""Checks of the observations before anything is computed.

The one pass over the data (`aggregation.py`) leaves in the cells and the code map what the
checks need; only when something is refused does Python read the file again to name the rows
(the slow path is taken only for a bad file).
"""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from clusterhub.analytics.mapping.aggregation import refused_cells
from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.problems import Problems
from clusterhub.analytics.mapping.tables import Row, is_parquet, read_rows
from clusterhub.analytics.mapping.values import Invalid, parse_count, parse_year
from clusterhub.lib.refusal import SHOWN, Refused, RefusedValue
from clusterhub.lib.text import cut

# How many unknown codes a warning names.
EXAMPLES = 10


def check_observations(
    inputs: MappingInputs, backend: Backend, aggregated: ir.Table, codes: ir.Table
) -> None:
    """Refuse unreadable cells; report codes that no category knows. Reads the counts that
    the aggregation kept (`aggregation.by_category`), not the observations again.

    Raises:
        Refused: with the rows of every unreadable cell (the first ones).
    """
    name = inputs.observations.name
    counts = backend.to_arrow(
        aggregated.aggregate(
            rows=aggregated.rows.sum(), refused=refused_cells(inputs, aggregated).any()
        )
    ).to_pylist()[0]
    if not counts["rows"]:
        raise Refused([RefusedValue(name, reason="the file has no data rows")])
    empty_codes = backend.to_arrow(codes.aggregate(empty=codes.empty_code.any()))
    if counts["refused"] or empty_codes.to_pylist()[0]["empty"]:
        raise _located_problems(inputs).refused()
    _report_unknown_codes(inputs, backend, aggregated, codes)


def check_repeats(
    inputs: MappingInputs, backend: Backend, cells: ir.Table, observations: ir.Table
) -> None:
    """Refuse observations that give one cell twice, found in the aggregated cells (each
    counts its rows), so that no extra pass over tens of millions of rows is needed; only
    for a bad file are the repeated cells looked up in the observations.

    Without a crosswalk a cell has one row. With one, a cell can have as many rows as its
    category has industries: more is a repeat. (A repeat within that bound, in a region
    where another industry of the category is absent, goes unnoticed.)

    Raises:
        Refused: naming the first repeated cells.
    """
    if inputs.crosswalk is None:
        suspect = cells.filter(cells.rows > 1)
    else:
        crosswalk = backend.from_arrow(inputs.crosswalk.select(["category"]))
        bounds = crosswalk.group_by("category").aggregate(industries=crosswalk.count())
        joined = cells.inner_join(bounds, "category")
        suspect = joined.filter(joined.rows > joined.industries)
    found = backend.to_arrow(suspect.select("region").distinct().limit(SHOWN)).to_pylist()
    if not found:
        return
    regions = sorted({row["region"] for row in found})
    # The observations' regions and codes as written: trimmed here, on this slow path only.
    observations = observations.mutate(
        region=observations.region.strip(), code=observations.code.strip()
    )
    repeated = (
        observations.filter(observations.region.isin(regions))
        .group_by(["region", "code", "year"])
        .aggregate(times=ibis._.count())
        .filter(ibis._.times > 1)
        .order_by(["region", "code", "year"])
    )
    examples = backend.to_arrow(repeated.limit(SHOWN)).to_pylist()
    raise Refused(
        RefusedValue(
            inputs.observations.name,
            reason=f"region {row['region']}, category {row['code']}"
            + (f", year {row['year']}" if inputs.has_years else "")
            + f" appears {row['times']} times; each cell must appear once",
        )
        for row in examples
    )


def _report_unknown_codes(
    inputs: MappingInputs, backend: Backend, aggregated: ir.Table, code_map: ir.Table
) -> None:
    if inputs.crosswalk is not None:
        unknown = code_map.filter(code_map.category.isnull() & ~code_map.empty_code)
        unknown = unknown.select("code").distinct()
        what = "industry code not in the crosswalk"
    else:
        known = backend.from_arrow(inputs.categories.select(["category"]))
        unknown = (
            aggregated.select(code=aggregated.category)
            .distinct()
            .anti_join(known.rename(code="category"), "code")
        )
        what = "category not in the categories file"
    codes = sorted(row["code"] for row in backend.to_arrow(unknown).to_pylist())
    if codes:
        shown = ", ".join(codes[:EXAMPLES]) + (" ..." if len(codes) > EXAMPLES else "")
        inputs.findings.warn(
            inputs.observations.name,
            None,
            "category",
            f"{len(codes)} {what}, their rows are left out: {shown}",
        )
    if inputs.crosswalk is not None:
        targets = set(inputs.crosswalk.column("category").to_pylist())
        missing = sorted(targets - set(inputs.categories.column("category").to_pylist()))
        if missing:
            inputs.findings.warn(
                "crosswalk",
                None,
                "category",
                f"{len(missing)} categories not in the categories file: "
                + ", ".join(missing[:EXAMPLES]),
            )


def unreadable(inputs: MappingInputs, error: Exception) -> Refused:
    """The observations refused for an engine's error reading them: for a CSV file, the row
    Python's bounded reader blames (a line too long, text not UTF-8), else the engine's
    own first words (never the line it quotes, which may be a million characters)."""
    path = inputs.observations.path
    if path is not None and not is_parquet(path) and "memory" not in str(error).lower():
        try:
            for _row in read_rows(path):
                pass
        except Refused as refused:
            return refused
    said = [
        line
        for line in str(error).splitlines()
        if line.strip() and not line.startswith("Original Line")
    ]
    reason = f"cannot be read ({cut('; '.join(said[:2]) or type(error).__name__, 300)})"
    return Refused(RefusedValue(inputs.observations.name, reason=reason))


def _located_problems(inputs: MappingInputs) -> Problems:
    """Every unreadable cell of the observations with its row (a second, slower reading):
    the first `limits.LISTED`, and how many more."""
    source = inputs.observations
    problems = Problems()
    rows: Iterator[Row]
    if source.path is not None:
        rows = read_rows(source.path)
    else:
        assert source.table is not None
        rows = (
            Row(number, {k: None if v is None else str(v) for k, v in record.items()})
            for number, record in enumerate(_records(source.table), start=2)
        )
    for row in rows:
        for column in ("region", "category"):
            if not (row.cells.get(column) or "").strip():
                problems.append(RefusedValue(source.name, row.number, column, reason="is empty"))
        for column in ("employment", "establishments"):
            if column in row.cells:
                try:
                    parse_count(row.cells[column])
                except Invalid as invalid:
                    problems.append(
                        RefusedValue(source.name, row.number, column, reason=str(invalid))
                    )
        if "year" in row.cells:
            try:
                parse_year(row.cells["year"])
            except Invalid as invalid:
                problems.append(RefusedValue(source.name, row.number, "year", reason=str(invalid)))
    if not problems:
        problems.append(RefusedValue(source.name, reason="some values cannot be read"))
    return problems


def _records(table: pa.Table) -> Iterator[dict[str, object]]:
    for batch in table.to_batches():
        yield from batch.to_pylist()
