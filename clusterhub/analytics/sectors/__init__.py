"""Most promising sectors for cross-regional meta-clusters: plain tables in (the registry,
regional strength, relatedness), ranked ecosystems and NACE divisions with their reasons out.
No Django. The criteria, their normalisation and default weights: `ranking.py`."""

from clusterhub.analytics.sectors.ranking import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    DIVISION,
    ECOSYSTEM,
    MIN_CLUSTERS,
    Reason,
    SectorRank,
    UnknownCriterion,
    as_frame,
    memberships,
    rank_sectors,
    weights_with,
)
from clusterhub.analytics.weights import BadWeight

__all__ = [
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "DIVISION",
    "ECOSYSTEM",
    "MIN_CLUSTERS",
    "BadWeight",
    "Reason",
    "SectorRank",
    "UnknownCriterion",
    "as_frame",
    "memberships",
    "rank_sectors",
    "weights_with",
]
