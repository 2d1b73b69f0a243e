"""Checks of the observations before anything is computed.

The engine counts problems in one pass over the data; only when there are some does Python
read the file again to name their rows (the slow path is taken only for a bad file).
"""

from __future__ import annotations

from collections.abc import Iterator

import ibis
import ibis.expr.types as ir

from clusterhub.analytics.mapping.backends import Backend
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.problems import SHOWN, InputError, Problem
from clusterhub.analytics.mapping.tables import Row, read_rows
from clusterhub.analytics.mapping.values import Invalid, parse_count, parse_year

# How many unknown codes a warning names.
EXAMPLES = 10


def check_observations(inputs: MappingInputs, backend: Backend, observations: ir.Table) -> None:
    """Refuse unreadable or repeated cells; report codes that no category knows.

    Raises:
        InputError: with the rows of every unreadable cell (the first ones) or repeated cell.
    """
    name = inputs.observations.name
    bad = [column for column in observations.columns if column.startswith("bad_")]
    counts = (
        observations.aggregate(
            rows=observations.count(),
            empty=(
                observations.region.isnull()
                | (observations.region == "")
                | observations.code.isnull()
                | (observations.code == "")
            )
            .cast("int64")
            .sum(),
            **{column: observations[column].cast("int64").sum() for column in bad},
        )
        .to_pyarrow()
        .to_pylist()[0]
    )
    if counts["rows"] == 0:
        raise InputError([Problem(name, None, None, "the file has no data rows")])
    if counts["empty"] or any(counts[column] for column in bad):
        raise InputError(_located_problems(inputs))
    repeated = (
        observations.group_by(["region", "code", "year"])
        .aggregate(times=ibis._.count())
        .filter(ibis._.times > 1)
    )
    examples = repeated.limit(SHOWN).to_pyarrow().to_pylist()
    if examples:
        raise InputError(
            Problem(
                name,
                None,
                None,
                f"region {row['region']}, category {row['code']}"
                + (f", year {row['year']}" if inputs.has_years else "")
                + f" appears {row['times']} times; each cell must appear once",
            )
            for row in examples
        )
    _report_unknown_codes(inputs, backend, observations)


def _report_unknown_codes(inputs: MappingInputs, backend: Backend, observations: ir.Table) -> None:
    if inputs.crosswalk is not None:
        known = backend.from_arrow(inputs.crosswalk.select(["industry"])).rename(code="industry")
        what = "industry code not in the crosswalk"
    else:
        known = backend.from_arrow(inputs.categories.select(["category"])).rename(code="category")
        what = "category not in the categories file"
    unknown = observations.select("code").distinct().anti_join(known, "code")
    codes = sorted(row["code"] for row in unknown.to_pyarrow().to_pylist())
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


def _located_problems(inputs: MappingInputs) -> list[Problem]:
    """Every unreadable cell of the observations with its row (a second, slower reading)."""
    source = inputs.observations
    problems: list[Problem] = []
    rows: Iterator[Row]
    if source.path is not None:
        rows = read_rows(source.path)
    else:
        assert source.table is not None
        rows = (
            Row(
                number,
                {key: None if value is None else str(value) for key, value in record.items()},
            )
            for number, record in enumerate(source.table.to_pylist(), start=2)
        )
    for row in rows:
        for column in ("region", "category"):
            if not (row.cells.get(column) or "").strip():
                problems.append(Problem(source.name, row.number, column, "is empty"))
        for column in ("employment", "establishments"):
            if column in row.cells:
                try:
                    parse_count(row.cells[column])
                except Invalid as invalid:
                    problems.append(Problem(source.name, row.number, column, str(invalid)))
        if "year" in row.cells:
            try:
                parse_year(row.cells["year"])
            except Invalid as invalid:
                problems.append(Problem(source.name, row.number, "year", str(invalid)))
    return problems or [Problem(source.name, None, None, "some values cannot be read")]
