"""The `policy_initiatives` table of exports (registered with the exporter at start-up)."""

from __future__ import annotations

from collections.abc import Iterator

from clusterhub.exchange.selection import Filters
from clusterhub.policy.queries import initiatives_for
from clusterhub.policy.records import initiative_record
from clusterhub.registry.records import Record


def initiative_records(filters: Filters) -> Iterator[Record]:
    """The initiatives that apply to the filters' countries, regions, ecosystems and sectors,
    by code."""
    initiatives = initiatives_for(
        country=filters.country,
        region=filters.nuts,
        sector=filters.sector,
        ecosystem=filters.ecosystem,
    )
    for initiative in initiatives.prefetch_related("tags").order_by("code"):
        yield initiative_record(initiative)
