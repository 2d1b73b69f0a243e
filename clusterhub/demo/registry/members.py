"""Member organisations of one cluster: firms, universities, research bodies, authorities."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from clusterhub.demo.registry import institutions
from clusterhub.demo.registry.common import (
    LAST_DAY,
    NEIGHBOURS,
    TLD,
    choose,
    initials,
    random_date,
    slug,
)
from clusterhub.demo.registry.firms import company_core, legal_form, register_id
from clusterhub.demo.registry.model import Region, Topic
from clusterhub.demo.registry.regions import REGION_BY_NUTS, regions_of

# fmt: off
MEMBER_KEYS = (
    "cluster_id", "name", "country", "nuts", "type", "nace", "employees", "website",
    "register_id", "joined",
)
# fmt: on
# fmt: off
TYPE_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("sme", 70), ("large", 10), ("research", 5), ("university", 4), ("public", 4), ("ngo", 4),
    ("other", 3),
)
# fmt: on
INSTITUTION_NACE = {
    "university": "P85.4",
    "research": "M72.1",
    "public": "O84.1",
    "ngo": "S94.1",
}
# "Other" members are vocational schools (P85.3) or parks and agencies (M70.2).
_SCHOOL_WORDS = ("škola", "HTL", "Schulzentrum", "Szakképzési", "Šolski", "ITS")
# Typical head counts (median, spread, minimum, maximum) of non-business members.
# fmt: off
_EMPLOYEES = {
    "university": (2500, 0.7, 300, 9000), "research": (180, 0.9, 15, 1500),
    "public": (400, 1.0, 15, 4000), "ngo": (12, 0.8, 2, 90), "other": (35, 0.9, 3, 250),
}
# fmt: on
FOREIGN_SHARE = 0.03
OTHER_REGION_SHARE = 0.2


@dataclass(frozen=True)
class ClusterContext:
    """What member generation needs to know about its cluster."""

    cluster_id: str
    region: Region
    founded: dt.date
    topics: tuple[Topic, ...]  # main topic first
    sectors: tuple[str, ...]


def _lognormal(rng: random.Random, median: float, sigma: float, low: int, high: int) -> int:
    return max(low, min(high, round(rng.lognormvariate(math.log(median), sigma))))


def _pick_region(rng: random.Random, ctx: ClusterContext, country: str) -> Region:
    """The member's region: its cluster's, or one whose profile fits the cluster's topic."""
    if country == ctx.region.country and rng.random() >= OTHER_REGION_SHARE:
        return ctx.region
    main = ctx.topics[0]
    eco_keys = [t.key for t in ctx.topics]
    options = [
        (reg, 1 + 3 * reg.weight(main.key) + sum(reg.weight(k) for k in eco_keys))
        for reg in regions_of(country)
    ]
    return choose(rng, options)


def _member_nace(rng: random.Random, ctx: ClusterContext) -> tuple[str, Topic]:
    """A firm's NACE code that fits the cluster's sectors, and the topic it came from."""
    divisions = {s[:3] for s in ctx.sectors}
    top = ctx.topics[0] if len(ctx.topics) == 1 or rng.random() < 0.75 else rng.choice(ctx.topics)
    codes = [c for c in top.member_nace if c[:3] in divisions]
    if not codes:
        top = ctx.topics[0]
        codes = [c for c in top.member_nace if c[:3] in divisions] or list(ctx.sectors)
    return rng.choice(codes), top


def _institution_nace(kind: str, name: str) -> str:
    if kind != "other":
        return INSTITUTION_NACE[kind]
    return "P85.3" if any(w in name for w in _SCHOOL_WORDS) else "M70.2"


def _website(name: str, city: str, tld: str) -> str:
    """A plausible domain: city-bound bodies get "<initials>-<city>", others a name slug."""
    words = [w for w in name.replace("\u2013", " ").split() if w]
    if city and city in name and name.index(city) > 0:
        head = name[: name.index(city)].split()
        stem = slug(head[0]) if len(head) == 1 else initials(" ".join(head)).lower()
        domain = f"{stem}-{slug(city)}" if stem else slug(city)
    elif len(words) >= 4:
        domain = initials(name, 8).lower()
    else:
        domain = slug(name)
    return f"https://www.{domain[:40].strip('-')}.{tld}"


def _joined(rng: random.Random, founded: dt.date) -> str:
    # About a quarter are founding members; later joiners spread up to the reference date.
    if rng.random() < 0.25:
        return founded.isoformat()
    return random_date(rng, founded, LAST_DAY).isoformat()


def _firm(
    rng: random.Random, ctx: ClusterContext, large: bool, taken: set[str], seed: int
) -> dict[str, str]:
    home = ctx.region.country
    country = rng.choice(NEIGHBOURS[home]) if rng.random() < FOREIGN_SHARE else home
    reg = _pick_region(rng, ctx, country)
    nace, top = _member_nace(rng, ctx)
    form = legal_form(rng, country, large)
    name = ""
    for attempt in range(30):
        core = company_core(rng, country, top, reg.city, reg.city_adj)
        if attempt >= 20:
            core = f"{core} {reg.city}"
        sep = ", " if country in ("CZ", "SK") and rng.random() < 0.2 else " "
        name = f"{core}{sep}{form}"
        if name not in taken:
            break
    low, high, median = (250, 15000, 900) if large else (1, 249, 25)
    employees = _lognormal(rng, median, 1.0 if large else 1.1, low, high)
    # The same company name always gets the same register number.
    reg_rng = random.Random(f"{seed}:{country}:{name}")
    return {
        "name": name,
        "country": country,
        "nuts": reg.nuts,
        "type": "large" if large else "sme",
        "nace": nace,
        "employees": str(employees),
        "website": _website(core, "", TLD[country]),
        "register_id": register_id(reg_rng, country, reg.nuts, form, "large" if large else "sme"),
    }


def _institution(
    rng: random.Random, ctx: ClusterContext, kind: str, taken: set[str], seed: int
) -> dict[str, str] | None:
    home = ctx.region.country
    pools = [institutions.local(ctx.region.nuts, kind), institutions.national(home, kind)]
    if rng.random() >= 0.75:
        pools.reverse()
    key = ctx.topics[0].key
    for pool in pools:
        free = [(c, 1 + 3 * REGION_BY_NUTS[c[0]].weight(key)) for c in pool if c[1] not in taken]
        if free:
            # Bodies from regions strong in the cluster's topic are the likelier partners.
            nuts, name = choose(rng, free)
            break
    else:
        return None
    reg = REGION_BY_NUTS[nuts]
    # Facts of an institution do not change between clusters.
    fixed = random.Random(f"{seed}:{nuts}:{name}")
    median, sigma, low, high = _EMPLOYEES[kind]
    return {
        "name": name,
        "country": home,
        "nuts": nuts,
        "type": kind,
        "nace": _institution_nace(kind, name),
        "employees": str(_lognormal(fixed, median, sigma, low, high)),
        "website": _website(name, reg.city, TLD[home]),
        "register_id": register_id(fixed, home, nuts, "", kind),
    }


def make_members(
    rng: random.Random, ctx: ClusterContext, size: int, seed: int
) -> list[dict[str, str]]:
    """`size` members of the cluster, with unique names, in joining order."""
    rows: list[dict[str, str]] = []
    taken: set[str] = set()
    for _ in range(size):
        kind = choose(rng, TYPE_WEIGHTS)
        row = None
        if kind not in ("sme", "large"):
            row = _institution(rng, ctx, kind, taken, seed)
        if row is None:
            row = _firm(rng, ctx, kind == "large", taken, seed)
        taken.add(row["name"])
        row["joined"] = _joined(rng, ctx.founded)
        rows.append({"cluster_id": ctx.cluster_id, **row})
    rows.sort(key=lambda m: m["joined"])  # stable: ties keep generation order
    return [{k: m[k] for k in MEMBER_KEYS} for m in rows]


def count_types(rows: list[dict[str, str]]) -> dict[str, int]:
    """The clusters-table member counts by type."""
    kinds = [m["type"] for m in rows]
    return {
        "members_total": len(kinds),
        "members_sme": kinds.count("sme"),
        "members_large": kinds.count("large"),
        "members_research": kinds.count("research") + kinds.count("university"),
        "members_public": kinds.count("public"),
        "members_other": kinds.count("ngo") + kinds.count("other"),
    }
