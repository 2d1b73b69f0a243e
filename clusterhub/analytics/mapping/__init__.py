"""Regional cluster mapping from employment statistics (no Django).

    inputs = read_inputs(Path("observations.csv"), Path("categories.csv"))
    result = compute(inputs, method="cmp")           # a pyarrow.Table
    write_result(result, Path("mapping.parquet"))

Methods are in `METHODS` (`cmp`, `stars`); backends in `BACKENDS` (`duckdb`, `spark`).
"""

from clusterhub.analytics.mapping.backends import BACKENDS, open_backend
from clusterhub.analytics.mapping.compute import compute, output_columns
from clusterhub.analytics.mapping.inputs import MappingInputs, read_inputs
from clusterhub.analytics.mapping.methods import METHODS
from clusterhub.analytics.mapping.output import write_result
from clusterhub.analytics.mapping.problems import Findings, Refused, RefusedValue
from clusterhub.analytics.mapping.profile import specialisation_profile

__all__ = [
    "BACKENDS",
    "METHODS",
    "Findings",
    "MappingInputs",
    "Refused",
    "RefusedValue",
    "compute",
    "open_backend",
    "output_columns",
    "read_inputs",
    "specialisation_profile",
    "write_result",
]
