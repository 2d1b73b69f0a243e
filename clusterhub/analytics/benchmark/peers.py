"""Peer comparison: each organisation's indicators as percentiles among its peers.

Peers share the attributes asked for (country, ecosystem, lifecycle, size band). A peer
group smaller than `MIN_PEERS` gives no percentile: a rank among three says little and
would single out the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from clusterhub.analytics.benchmark.indicators import AREAS, BY_ID

MIN_PEERS = 5
PEER_ATTRIBUTES = ("country", "ecosystem", "lifecycle", "size_band")

# Upper bounds of the membership size bands (the last band is open).
SIZE_BANDS = ((25, "1-24"), (50, "25-49"), (100, "50-99"), (250, "100-249"))


def size_band(members_total: float | None) -> str | None:
    """The size band of an organisation by its number of members."""
    if members_total is None:
        return None
    for bound, name in SIZE_BANDS:
        if members_total < bound:
            return name
    return "250+"


PeerIndex = dict[tuple[str, str], set[str]]


def peer_index(
    attributes: Mapping[str, Mapping[str, str | Sequence[str] | None]], by: Iterable[str]
) -> PeerIndex:
    """The organisations holding each (attribute, value) of the attributes `by`."""
    members: PeerIndex = defaultdict(set)
    for org, values in attributes.items():
        for key in by:
            for value in _values(values.get(key)):
                members[(key, value)].add(org)
    return members


def peers_in(
    index: PeerIndex,
    values: Mapping[str, str | Sequence[str] | None],
    by: Iterable[str],
    everyone: Iterable[str],
) -> set[str]:
    """The peers (itself included) of an organisation with the attributes `values`: those
    sharing every attribute in `by` (`everyone` when `by` is empty)."""
    group: set[str] | None = None
    for key in by:
        sharing: set[str] = set()
        for value in _values(values.get(key)):
            sharing |= index.get((key, value), set())
        group = sharing if group is None else group & sharing
    return group if group is not None else set(everyone)


def peer_groups(
    attributes: Mapping[str, Mapping[str, str | Sequence[str] | None]], by: Iterable[str]
) -> dict[str, set[str]]:
    """Each organisation's peers (itself included): those sharing every attribute in `by`.

    An attribute may be a list (an organisation in several ecosystems); sharing one value
    is enough. An organisation without the attribute has no peers.
    """
    keys = tuple(by)
    index = peer_index(attributes, keys)
    return {org: peers_in(index, values, keys, attributes) for org, values in attributes.items()}


def peer_percentiles(
    values: Mapping[str, Mapping[str, float | None]],
    groups: Mapping[str, set[str]],
    only: Iterable[str] | None = None,
) -> dict[str, dict[str, float | None]]:
    """Percentile (0-100) of each organisation's indicators (of those `only`, when given)
    among its peers with a value.

    The percentile counts peers below plus half of those equal (so a tie sits in the
    middle); indicators that are not ranked (higher_is_better None) are left out, and for
    those where lower is better the scale is turned round so that 100 is always best.
    """
    ranks: dict[str, dict[str, float | None]] = {}
    for org in values if only is None else only:
        own = values[org]
        peers = groups.get(org, set())
        ranks[org] = {}
        for indicator_id, value in own.items():
            indicator = BY_ID[indicator_id]
            if indicator.higher_is_better is None:
                continue
            others = [
                v for peer in peers if (v := values.get(peer, {}).get(indicator_id)) is not None
            ]
            if value is None or len(others) < MIN_PEERS:
                ranks[org][indicator_id] = None
                continue
            below = sum(1 for v in others if v < value)
            equal = sum(1 for v in others if v == value)
            rank = 100 * (below + 0.5 * equal) / len(others)
            ranks[org][indicator_id] = rank if indicator.higher_is_better else 100 - rank
    return ranks


def area_scores(ranks: Mapping[str, float | None]) -> dict[str, float | None]:
    """The mean percentile of an organisation's ranked indicators in each area."""
    by_area: dict[str, list[float]] = defaultdict(list)
    for indicator_id, rank in ranks.items():
        if rank is not None:
            by_area[BY_ID[indicator_id].area].append(rank)
    return {
        area: (sum(by_area[area]) / len(by_area[area]) if by_area[area] else None) for area in AREAS
    }


def _values(value: str | Sequence[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]
