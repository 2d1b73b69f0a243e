"""Benchmarking of cluster organisations on plain records (no Django).

    values = compute_indicators(records, year=2026)     # {org: {indicator: value}}
    ranks = peer_percentiles(values, attributes, by=("country", "size_band"))

`INDICATORS` documents every indicator: its area, unit, formula and source.
"""

from clusterhub.analytics.benchmark.indicators import (
    AREAS,
    INDICATORS,
    Indicator,
    compute_indicators,
)
from clusterhub.analytics.benchmark.peers import (
    MIN_PEERS,
    PEER_ATTRIBUTES,
    PeerIndex,
    area_scores,
    peer_groups,
    peer_index,
    peer_percentiles,
    peers_in,
    size_band,
)
from clusterhub.analytics.benchmark.summary import Distribution, distribution, summarise

__all__ = [
    "AREAS",
    "INDICATORS",
    "MIN_PEERS",
    "PEER_ATTRIBUTES",
    "Distribution",
    "Indicator",
    "PeerIndex",
    "area_scores",
    "compute_indicators",
    "distribution",
    "peer_groups",
    "peer_index",
    "peer_percentiles",
    "peers_in",
    "size_band",
    "summarise",
]
