"""Peer comparison for one organisation's page: its indicators as percentiles among peers of
the same country, ecosystem, lifecycle stage and size band (for its managers only)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from clusterhub.analytics.benchmark import (
    AREAS,
    INDICATORS,
    MIN_PEERS,
    PeerIndex,
    area_scores,
    compute_indicators,
    distribution,
    peer_index,
    peer_percentiles,
    peers_in,
)
from clusterhub.benchmarking.records import organisations
from clusterhub.benchmarking.study import charts, labels
from clusterhub.benchmarking.study.formatting import value
from clusterhub.lib.latest import Latest
from clusterhub.registry.models import Cluster
from clusterhub.registry.search.freshness import registry_generation

DIMENSIONS = ("country", "ecosystem", "lifecycle", "size_band")


@dataclass(frozen=True)
class IndicatorRow:
    label: str
    area: str
    own: str
    peer_median: str
    percentile: float | None  # among peers of the same country


@dataclass(frozen=True)
class PeerComparison:
    groups: list[tuple[str, int]]  # (dimension's name, number of peers)
    rows: list[IndicatorRow]
    spec: dict[str, Any]
    answered: bool

    @property
    def spec_json(self) -> str:
        return json.dumps(self.spec, ensure_ascii=False)


def dimension_name(dimension: str) -> str:
    return {
        "country": _("Same country"),
        "ecosystem": _("Same ecosystem"),
        "lifecycle": _("Same lifecycle stage"),
        "size_band": _("Same size band"),
    }[dimension]


@dataclass(frozen=True)
class PeerTable:
    """Every organisation's indicators and peer attributes, indexed by attribute value:
    built once per state of the registry and its survey answers, then one organisation's
    comparison only reads its peers."""

    values: dict[str, dict[str, float | None]]
    attributes: dict[str, dict[str, Any]]
    index: PeerIndex
    answered: frozenset[int]


# The history entries that change a comparison: the registry's records and the surveys'.
PEER_SOURCES = ("cluster", "survey_response", "questionnaire")
_table: Latest[PeerTable] = Latest()


def _build() -> PeerTable:
    found = organisations(Cluster.objects.all())
    values = compute_indicators(found.records, dt.date.today().year)
    index = peer_index(found.attributes, DIMENSIONS)
    return PeerTable(values, found.attributes, index, frozenset(found.answers))


def peer_table() -> PeerTable:
    """The table for the registry and answers as they are now (and this year's indicators)."""
    return _table.get((dt.date.today().year, *registry_generation(PEER_SOURCES)), _build)


def peer_comparison(cluster: Cluster) -> PeerComparison:
    table = peer_table()
    me = str(cluster.pk)
    if me not in table.values:  # created after the table was read: shown on the next change
        return PeerComparison([], [], {}, False)
    values = table.values
    scores: dict[str, dict[str, float | None]] = {}
    sizes = []
    country_ranks: dict[str, float | None] = {}
    country_peers: set[str] = set()
    for dimension in DIMENSIONS:
        peers = peers_in(table.index, table.attributes[me], (dimension,), values)
        sizes.append((dimension_name(dimension), max(0, len(peers) - 1)))
        ranks = peer_percentiles(values, {me: peers}, only=(me,))[me]
        scores[dimension] = area_scores(ranks)
        if dimension == "country":
            country_ranks = ranks
            country_peers = peers
    rows = []
    for indicator in INDICATORS:
        own = values[me][indicator.id]
        peers_values = [values[p][indicator.id] for p in country_peers if p != me]
        middle = distribution(peers_values)
        rows.append(
            IndicatorRow(
                label=labels.text(indicator.label),
                area=labels.text(AREAS[indicator.area]),
                own=value(own, indicator.unit),
                peer_median=value(middle.median, indicator.unit) if middle.n >= MIN_PEERS else "",
                percentile=country_ranks.get(indicator.id),
            )
        )
    chart_rows = [
        {"area": labels.text(AREAS[area]), "peers": dimension_name(dimension), "percentile": score}
        for dimension in DIMENSIONS
        for area, score in scores[dimension].items()
        if score is not None
    ]
    return PeerComparison(
        sizes,
        rows,
        charts.radar(chart_rows, title=_("Percentile among peers")),
        cluster.pk in table.answered,
    )
