"""Cooperation links between clusters, five meta-clusters and the clusters' summaries of them."""

from __future__ import annotations

import datetime as dt
import random

from clusterhub.demo.registry.clusters import Draft
from clusterhub.demo.registry.common import LAST_DAY, apportion, choose, random_date
from clusterhub.demo.registry.partners import (
    EXTERNAL,
    KIND_WEIGHTS,
    META,
    cooperation_description,
    cooperation_summary,
)
from clusterhub.demo.registry.topics import RELATED

# fmt: off
COOPERATION_KEYS = (
    "cluster_id", "partner_id", "partner_name", "partner_country", "kind", "since", "until",
    "description",
)
# fmt: on
# How many links clusters start: (count, share in %); about two on average.
# fmt: off
LINK_COUNTS: tuple[tuple[int, int], ...] = (
    (0, 26), (1, 21), (2, 20), (3, 15), (4, 9), (5, 5), (6, 2), (7, 1), (8, 1),
)
# fmt: on
FIRST_DAY = dt.date(2015, 1, 1)
META_PREFIX = "Founding partner of the "


def _row(
    cid: str,
    partner_id: str,
    name: str,
    country: str,
    kind: str,
    since: dt.date,
    until: str,
    description: str,
) -> dict[str, str]:
    values = (cid, partner_id, name, country, kind, since.isoformat(), until, description)
    return dict(zip(COOPERATION_KEYS, values, strict=True))


def _until(rng: random.Random, since: dt.date) -> str:
    if rng.random() < 0.65:
        return ""  # still running
    return (since + dt.timedelta(days=rng.randint(365, 4 * 365))).isoformat()


def _meta_clusters(rng: random.Random, drafts: list[Draft]) -> list[dict[str, str]]:
    """Groups of 3-5 clusters from different countries, linked pairwise."""
    rows: list[dict[str, str]] = []
    for eco, meta_name in META:
        by_country: dict[str, list[Draft]] = {}
        for d in drafts:
            if d.ctx.topics[0].eco == eco:
                by_country.setdefault(d.ctx.region.country, []).append(d)
        countries = sorted(by_country)
        size = min(len(countries), rng.randint(3, 5))
        group = [rng.choice(by_country[c]) for c in rng.sample(countries, size)]
        since = random_date(rng, dt.date(2019, 1, 1), dt.date(2024, 12, 31))
        text = f"{META_PREFIX}{meta_name}."
        for i in range(size):
            for j in range(i + 1, size):
                # Orient one edge backwards so every member starts at least one link.
                a, b = (group[j], group[i]) if i == 0 and j == size - 1 else (group[i], group[j])
                start = max(since, a.ctx.founded, b.ctx.founded)
                rows.append(
                    _row(
                        a.ctx.cluster_id, b.ctx.cluster_id, "", "", "meta-cluster", start, "", text
                    )
                )
    return rows


def _internal_partner(rng: random.Random, d: Draft, by_eco: dict[str, list[Draft]]) -> Draft | None:
    eco = d.ctx.topics[0].eco
    if rng.random() >= 0.7:
        eco = rng.choice(RELATED[eco])
    home = d.ctx.region.country
    cross_border = rng.random() < 0.85
    pool = [p for p in by_eco.get(eco, []) if (p.ctx.region.country != home) == cross_border]
    pool = [p for p in pool if p is not d]
    return rng.choice(pool) if pool else None


def _external_partner(rng: random.Random, d: Draft) -> tuple[str, str]:
    eco = d.ctx.topics[0].eco
    fitting = [e for e in EXTERNAL if e[2] == eco]
    name, country, _ = rng.choice(fitting if fitting and rng.random() < 0.8 else EXTERNAL)
    return name, country


def _link_counts(rng: random.Random, drafts: list[Draft]) -> list[tuple[Draft, int]]:
    """How many links each cluster starts: exact shares, the most to the larger clusters."""
    shares = apportion(len(drafts), [w for _, w in LINK_COUNTS], minimum=0)
    counts = sorted(
        (n for (n, _), k in zip(LINK_COUNTS, shares, strict=True) for _ in range(k)), reverse=True
    )
    # Noise keeps size from deciding alone; ties fall back to generation order.
    keys = [d.weight * rng.lognormvariate(0, 0.7) for d in drafts]
    order = sorted(range(len(drafts)), key=lambda i: (-keys[i], i))
    links = dict(zip(order, counts, strict=True))
    return [(d, links[i]) for i, d in enumerate(drafts)]


def make_cooperations(rng: random.Random, drafts: list[Draft]) -> list[dict[str, str]]:
    """All cooperation rows; also fills each cluster's cooperation fields."""
    rows = _meta_clusters(rng, drafts)
    seen = {(r["cluster_id"], r["partner_id"], r["kind"]) for r in rows}
    by_eco: dict[str, list[Draft]] = {}
    for d in drafts:
        by_eco.setdefault(d.ctx.topics[0].eco, []).append(d)
    for d, links in _link_counts(rng, drafts):
        cid = d.ctx.cluster_id
        field = d.ctx.topics[0].word("en")[1]
        for _ in range(links):
            for _attempt in range(5):
                kind = choose(rng, KIND_WEIGHTS)
                partner = _internal_partner(rng, d, by_eco) if rng.random() < 0.6 else None
                if partner is not None:
                    pid, name, country = partner.ctx.cluster_id, "", ""
                    earliest = max(FIRST_DAY, d.ctx.founded, partner.ctx.founded)
                else:
                    pid = ""
                    name, country = _external_partner(rng, d)
                    earliest = max(FIRST_DAY, d.ctx.founded)
                key = (cid, pid or name, kind)
                if key in seen:
                    continue
                seen.add(key)
                since = random_date(rng, earliest, LAST_DAY)
                text = cooperation_description(rng, kind, field)
                rows.append(_row(cid, pid, name, country, kind, since, _until(rng, since), text))
                break
    _summarise(drafts, rows)
    return rows


def _summarise(drafts: list[Draft], rows: list[dict[str, str]]) -> None:
    country_of = {d.ctx.cluster_id: d.ctx.region.country for d in drafts}
    mine: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        mine.setdefault(r["cluster_id"], []).append(r)
    for d in drafts:
        cid, home = d.ctx.cluster_id, d.ctx.region.country
        links = mine.get(cid, [])
        countries = sorted(
            {
                country_of[r["partner_id"]] if r["partner_id"] else r["partner_country"]
                for r in links
            }
            - {home}
        )
        kinds = [r["kind"] for r in links if r["kind"] != "meta-cluster"]
        metas = [
            r["description"][len(META_PREFIX) : -1] for r in links if r["kind"] == "meta-cluster"
        ]
        d.row["cooperation_countries"] = ";".join(countries)
        d.row["cooperation"] = cooperation_summary(kinds, countries, list(dict.fromkeys(metas)))
