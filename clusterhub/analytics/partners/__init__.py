"""Partner suggestions: plain tables in (the registry, relatedness, regional strength),
ranked candidates with their reasons out. No Django.

`build_tables` turns the tables into arrays once; `Scorer(tables).top(i, n, weights)` ranks
every candidate for organisation `i` in one vectorised pass. The parts and their default
weights: `score.py`.
"""

from clusterhub.analytics.partners.score import (
    DEFAULT_WEIGHTS,
    PARTS,
    Reason,
    Scorer,
    Suggestion,
    weights_with,
)
from clusterhub.analytics.partners.tables import PartnerTables, build_tables
from clusterhub.analytics.weights import BadWeight, UnknownWeight

__all__ = [
    "DEFAULT_WEIGHTS",
    "PARTS",
    "BadWeight",
    "PartnerTables",
    "Reason",
    "Scorer",
    "Suggestion",
    "UnknownWeight",
    "build_tables",
    "weights_with",
]
