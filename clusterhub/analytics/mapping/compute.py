"""One mapping run: inputs in, one row per region x category (x year) out."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import duckdb
import ibis
import pyarrow as pa

from clusterhub.analytics.mapping.backends import Backend, open_backend
from clusterhub.analytics.mapping.checks import unreadable
from clusterhub.analytics.mapping.engine import cells
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.mapping.methods import METHODS

Progress = Callable[[str], None]


def output_columns(inputs: MappingInputs, method: str) -> list[str]:
    """The result's columns, in order: keys, figures, then the method's own."""
    columns = ["region", "category", "group"]
    columns += ["year"] if inputs.has_years else []
    columns += ["employment"]
    columns += ["establishments"] if inputs.has_establishments else []
    columns += ["missing_inputs"] if inputs.crosswalk is not None else []
    columns += ["lq"]
    columns += ["cagr"] if inputs.has_years else []
    return columns + [c for c in METHODS[method].columns if c not in columns]


def compute(
    inputs: MappingInputs,
    method: str = "cmp",
    backend: str | Backend = "duckdb",
    *,
    params: Mapping[str, float | str] | None = None,
    year: int | None = None,
    progress: Progress | None = None,
) -> pa.Table:
    """Map the regions' strengths with one method.

    Args:
        inputs: read by `read_inputs`.
        method: a key of `METHODS` (`cmp` or `stars`).
        backend: `duckdb`, `spark`, or an open backend (kept open).
        params: the method's parameters, overriding its defaults.
        year: keep only this year in the result (growth still uses the earlier years).
        progress: called with the name of each stage as it starts.

    Returns:
        The result sorted by region, category and year.

    Raises:
        Refused: when the observations cannot be read or mapped.
        ValueError: for an unknown method, backend or parameter.
    """
    chosen = METHODS.get(method)
    if chosen is None:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    unknown = set(params or {}) - set(chosen.defaults)
    if unknown:
        raise ValueError(
            f"unknown parameter {', '.join(sorted(unknown))} for {method}; it takes "
            + (", ".join(chosen.defaults) or "none")
        )
    report = progress or (lambda stage: None)
    engine = open_backend(backend) if isinstance(backend, str) else backend
    try:
        report("reading and checking the observations")
        table = cells(inputs, engine)
        report(f"computing location quotients and {method}")
        table = chosen.apply(
            table, {**chosen.defaults, **(params or {})}, inputs.has_establishments
        )
        if year is not None:
            table = table.filter(table.year == year)
        columns = output_columns(inputs, method)
        table = table.select(*columns).order_by(
            [ibis._[key] for key in ("region", "category", "year") if key in columns]
        )
        return engine.to_arrow(table)
    except duckdb.Error as error:  # mostly a line DuckDB cannot read
        raise unreadable(inputs, error) from None
    finally:
        if isinstance(backend, str):
            engine.close()
