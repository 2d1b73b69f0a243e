"""Rows of the clusters table: identity and profile first, member-dependent fields later."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from clusterhub.demo.registry.common import (
    LANGUAGE,
    TLD,
    choose,
    initials,
    landline,
    mobile,
    random_date,
    slug,
)
from clusterhub.demo.registry.members import ClusterContext
from clusterhub.demo.registry.model import Region, Topic
from clusterhub.demo.registry.partners import PROGRAMMES
from clusterhub.demo.registry.people import address, person
from clusterhub.demo.registry.texts import descriptions, name_options
from clusterhub.demo.registry.topics import RELATED, TOPIC_BY_KEY, topics_of
from clusterhub.standard.vocabularies import SERVICES

# fmt: off
CLUSTER_KEYS = (
    "id", "name", "name_en", "acronym", "country", "nuts", "address", "postcode", "city", "lat",
    "lon", "website", "email", "phone", "founded", "description", "description_en", "sectors",
    "ecosystems", "lifecycle", "members_total", "members_sme", "members_large",
    "members_research", "members_public", "members_other", "staff_fte", "services", "needs",
    "cooperation_countries", "cooperation", "label", "label_valid_until", "programme",
    "contact_name", "contact_email", "contact_phone", "source", "updated",
)
# fmt: on
# fmt: off
SERVICE_WEIGHTS: dict[str, float] = {
    "networking": 10, "matchmaking": 7, "training": 7, "internationalisation": 7,
    "rd-projects": 6, "events": 6, "market-intelligence": 4, "technology-transfer": 4,
    "access-to-finance": 3, "digitalisation": 4, "sustainability": 4, "policy-advocacy": 3,
    "joint-marketing": 3, "talent-attraction": 3, "incubation": 2, "shared-infrastructure": 2,
    "joint-procurement": 2, "standardisation-certification": 1.5, "ip-management": 1,
    "public-procurement": 1,
}
# fmt: on
# Relative cluster size by lifecycle stage (mature clusters have more members).
SIZE_FACTOR = {"emerging": 0.5, "growing": 0.9, "mature": 1.3, "declining": 0.8, "renewing": 1.1}


@dataclass
class Draft:
    """A cluster row under construction and what later stages need to finish it."""

    row: dict[str, str]
    ctx: ClusterContext
    weight: float  # relative number of members


def _lifecycle(rng: random.Random, founded: int) -> str:
    age = 2026 - founded
    options: tuple[tuple[str, float], ...]
    if age < 5:
        options = (("emerging", 70), ("growing", 30))
    elif age < 11:
        options = (("emerging", 10), ("growing", 60), ("mature", 20), ("renewing", 10))
    else:
        options = (("growing", 15), ("mature", 50), ("declining", 15), ("renewing", 20))
    return choose(rng, options)


def _secondary(rng: random.Random, reg: Region, main: Topic) -> list[Topic]:
    """Further topics: a related ecosystem (often) and a sibling specialisation (sometimes)."""
    extra: list[Topic] = []
    for chance in (0.45, 0.12):
        if rng.random() < chance:
            eco = rng.choice(RELATED[main.eco])
            pool = topics_of(eco)
            weights = [(t, 1 + 2 * reg.weight(t.key)) for t in pool]
            pick = choose(rng, weights)
            if pick not in extra:
                extra.append(pick)
    siblings = [t for t in topics_of(main.eco) if t.key != main.key]
    if siblings and rng.random() < 0.25:
        extra.append(rng.choice(siblings))
    return extra


def _sample(rng: random.Random, weights: dict[str, float], k: int, skip: set[str]) -> list[str]:
    """k distinct codes drawn by weight, returned in vocabulary order."""
    pool = [(code, w) for code, w in weights.items() if code not in skip]
    chosen: list[str] = []
    while len(chosen) < k and pool:
        pick = choose(rng, pool)
        chosen.append(pick)
        pool = [(c, w) for c, w in pool if c != pick]
    order = list(SERVICES)
    return sorted(chosen, key=order.index)


def _name_and_topic(
    rng: random.Random, reg: Region, key: str, used: set[str]
) -> tuple[str, str, Topic]:
    """A unique (name, English name) and the main topic, preferably `key`.

    When every name pattern of the topic is taken in this region, another topic of the
    profile is drawn, so names stay natural and the mix still follows the profile.
    """
    profile = list(reg.profile)
    main = TOPIC_BY_KEY[key]
    while True:
        options = name_options(reg, main)
        rng.shuffle(options)
        for native, english in options:
            if native not in used:
                return native, english, main
        profile = [(k, w) for k, w in profile if k != main.key]
        if not profile:
            break
        main = TOPIC_BY_KEY[choose(rng, profile)]
    # Every pattern of every topic is taken: number the namesake, as registries do.
    main = TOPIC_BY_KEY[key]
    native, english = name_options(reg, main)[0]
    n = 2
    while f"{native} {n}" in used:
        n += 1
    return f"{native} {n}", f"{english} {n}", main


def _domain(acronym: str, reg: Region, used: set[str]) -> str:
    stem = slug(acronym) or "cluster"
    for candidate in (stem, f"{stem}-{slug(reg.city)}", f"{stem}-cluster"):
        if candidate not in used:
            break
    else:
        n = 2
        while f"{stem}{n}" in used:
            n += 1
        candidate = f"{stem}{n}"
    used.add(candidate)
    return f"{candidate}.{TLD[reg.country]}"


def new_cluster(
    rng: random.Random,
    reg: Region,
    key: str,
    cid: str,
    used_names: set[str],
    used_domains: set[str],
) -> Draft:
    """Draw a cluster's identity, place and profile; member-dependent fields stay empty."""
    country, lang = reg.country, LANGUAGE[reg.country]
    name, name_en, main = _name_and_topic(rng, reg, key, used_names)
    used_names.add(name)
    extra = _secondary(rng, reg, main)
    topics = (main, *extra)
    ecosystems = list(dict.fromkeys(t.eco for t in topics))[:3]
    sectors = list(main.sectors[: rng.choice((1, 2, 3, 3))])
    sectors += [t.sectors[0] for t in extra]
    sectors = list(dict.fromkeys(sectors))[:4]

    founded = min(2024, max(1995, round(rng.triangular(1995, 2025, 2010))))
    founded_on = random_date(rng, dt.date(founded, 1, 1), dt.date(founded, 12, 31))
    lifecycle = _lifecycle(rng, founded)

    acronym = initials(name) if len(initials(name)) >= 2 else slug(name)[:4].upper()
    domain = _domain(acronym, reg, used_domains)
    description, description_en = descriptions(rng, reg, main, founded)

    services = _sample(rng, SERVICE_WEIGHTS, rng.randint(2, 6), set())
    needs = _sample(rng, SERVICE_WEIGHTS, rng.randint(1, 3), set(services))
    share, programmes = PROGRAMMES[country]
    programme = choose(rng, programmes) if rng.random() < share else ""
    contact, local_part = person(rng, lang)
    phone = mobile(rng, country) if rng.random() < 0.6 else landline(rng, country, reg.area)

    row = dict.fromkeys(CLUSTER_KEYS, "")
    row.update(
        {
            "id": cid,
            "name": name,
            "name_en": name_en,
            "acronym": acronym,
            "country": country,
            "nuts": reg.nuts,
            "address": address(rng, lang),
            "postcode": reg.postcode,
            "city": reg.city,
            # Jitter keeps markers of one city from stacking on the map.
            "lat": f"{reg.lat + rng.uniform(-0.025, 0.025):.4f}",
            "lon": f"{reg.lon + rng.uniform(-0.025, 0.025):.4f}",
            "website": f"https://www.{domain}",
            "email": f"info@{domain}",
            "phone": landline(rng, country, reg.area),
            "founded": str(founded),
            "description": description,
            "description_en": description_en,
            "sectors": ";".join(sectors),
            "ecosystems": ";".join(ecosystems),
            "lifecycle": lifecycle,
            "services": ";".join(services),
            "needs": ";".join(needs),
            "label": "none",
            "programme": programme,
            "contact_name": contact,
            "contact_email": f"{local_part}@{domain}",
            "contact_phone": phone,
            "source": "demo",
            "updated": random_date(rng, dt.date(2025, 9, 1), dt.date(2026, 6, 30)).isoformat(),
        }
    )
    ctx = ClusterContext(cid, reg, founded_on, topics, tuple(sectors))
    weight = SIZE_FACTOR[lifecycle] * rng.lognormvariate(0, 0.6)
    return Draft(row, ctx, weight)


def finish_cluster(rng: random.Random, draft: Draft, counts: dict[str, int]) -> None:
    """Fill member counts, staff and the label, which depend on the members."""
    row = draft.row
    row.update({k: str(v) for k, v in counts.items()})
    total = counts["members_total"]
    fte = min(12.0, max(0.5, round((total / 22 + rng.uniform(-0.5, 1.5)) * 2) / 2))
    row["staff_fte"] = f"{fte:g}"
    # Labels go mostly to larger, established clusters.
    boost = 2.0 if row["lifecycle"] in ("mature", "renewing") else 1.0
    boost *= 1.5 if total >= 60 else 1.0
    label = choose(
        rng, (("none", 70), ("bronze", 14 * boost), ("silver", 6 * boost), ("gold", 2.5 * boost))
    )
    row["label"] = label
    if label != "none":
        until = random_date(rng, dt.date(2025, 1, 1), dt.date(2028, 12, 31))
        row["label_valid_until"] = until.isoformat()
