"""Programmes, clusters outside the registry and the wording of cooperation links."""

# ruff: noqa: RUF001 - official names use the en dash

from __future__ import annotations

import random

from clusterhub.demo.registry.topics import (
    AERO,
    BUILD,
    CREA,
    DIG,
    EINT,
    ELEC,
    FOOD,
    HEALTH,
    MOB,
    REN,
    RET,
    SOC,
    TEX,
    TOUR,
)

# National cluster programmes: (programme, weight); the share of clusters taking part.
# fmt: off
PROGRAMMES: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {
    "CZ": (0.55, (("OP TAK – Spolupráce – Klastry", 4), ("OP PIK – Spolupráce – Klastry", 1))),
    "SK": (0.45, (("Podpora klastrových organizácií", 1),)),
    "PL": (0.35, (("Krajowe Klastry Kluczowe", 1),)),
    "HU": (0.4, (("Akkreditált Klaszter", 1),)),
    "AT": (0.6, (("Cluster-Initiative des Landes", 3), ("Nationale Clusterplattform", 1))),
    "DE": (0.45, (("go-cluster", 4), ("Zukunftscluster-Initiative", 1))),
    "SI": (0.5, (("SRIP", 1),)),
    "IT": (0.5, (("Cluster Tecnologici Nazionali", 3), ("Distretti Tecnologici", 1))),
}
# fmt: on

# Clusters outside the registry: (name, ISO country, ecosystem).
EXTERNAL: tuple[tuple[str, str, str], ...] = (
    ("Pôle Véhicule du Futur", "FR", MOB),
    ("ACICAE – Clúster de Automoción de Euskadi", "ES", MOB),
    ("Mobinov – Cluster Automóvel Portugal", "PT", MOB),
    ("Automotive Cluster Vest", "RO", MOB),
    ("Croatian Automotive Cluster", "HR", MOB),
    ("Aerospace Valley", "FR", AERO),
    ("HEGAN – Basque Aerospace Cluster", "ES", AERO),
    ("Estonian Space Cluster", "EE", AERO),
    ("Cap Digital", "FR", DIG),
    ("Estonian ICT Cluster", "EE", DIG),
    ("Latvian IT Cluster", "LV", DIG),
    ("Infobalt", "LT", DIG),
    ("GAIA – Basque ICT Cluster", "ES", DIG),
    ("ICT Cluster of Central Serbia", "RS", DIG),
    ("DigitalLead", "DK", DIG),
    ("Medicen Paris Region", "FR", HEALTH),
    ("BioCat – Biotechnology Cluster of Catalonia", "ES", HEALTH),
    ("Health Cluster Portugal", "PT", HEALTH),
    ("Medicon Valley Alliance", "DK", HEALTH),
    ("Oslo Cancer Cluster", "NO", HEALTH),
    ("Tenerrdis", "FR", REN),
    ("Basque Energy Cluster", "ES", REN),
    ("Energy Cluster Denmark", "DK", REN),
    ("Norwegian Offshore Wind", "NO", REN),
    ("Cleantech Estonia", "EE", REN),
    ("Vitagora", "FR", FOOD),
    ("Food+i – Clúster Alimentario del Valle del Ebro", "ES", FOOD),
    ("Foodvalley NL", "NL", FOOD),
    ("Flanders' FOOD", "BE", FOOD),
    ("PortugalFoods", "PT", FOOD),
    ("Kvarner Health Tourism Cluster", "HR", TOUR),
    ("Clúster de Turismo de Galicia", "ES", TOUR),
    ("Montenegro Tourism Cluster", "ME", TOUR),
    ("Bulgarian Tourism Cluster Black Sea", "BG", TOUR),
    ("Techtera", "FR", TEX),
    ("Smart Textiles Sweden", "SE", TEX),
    ("Textile Cluster of Catalonia", "ES", TEX),
    ("Lithuanian Furniture Cluster", "LT", BUILD),
    ("Wood Cluster Finland", "FI", BUILD),
    ("Construction Cluster of Catalonia", "ES", BUILD),
    ("Clúster Audiovisual de Catalunya", "ES", CREA),
    ("Media City Bergen", "NO", CREA),
    ("Creative Estonia", "EE", CREA),
    ("Minalogic", "FR", ELEC),
    ("Brainport Industries", "NL", ELEC),
    ("Photonics Finland", "FI", ELEC),
    ("Mechatronics Cluster Romania", "RO", ELEC),
    ("Plastipolis", "FR", EINT),
    ("Materalia", "FR", EINT),
    ("Metal Cluster of Galicia", "ES", EINT),
    ("Social Economy Cluster Ireland", "IE", SOC),
    ("Baltic E-commerce Cluster", "LV", RET),
    ("Ukrainian Automotive Cluster", "UA", MOB),
    ("IT Cluster Lviv", "UA", DIG),
)

# fmt: off
COUNTRY_EN = {
    "CZ": "Czechia", "SK": "Slovakia", "PL": "Poland", "HU": "Hungary", "AT": "Austria",
    "DE": "Germany", "SI": "Slovenia", "IT": "Italy", "FR": "France", "ES": "Spain",
    "PT": "Portugal", "RO": "Romania", "HR": "Croatia", "EE": "Estonia", "LV": "Latvia",
    "LT": "Lithuania", "RS": "Serbia", "DK": "Denmark", "NO": "Norway", "NL": "the Netherlands",
    "BE": "Belgium", "ME": "Montenegro", "BG": "Bulgaria", "SE": "Sweden", "FI": "Finland",
    "IE": "Ireland", "UA": "Ukraine",
}
# fmt: on

# The five visible meta-clusters: ecosystem and name.
META: tuple[tuple[str, str], ...] = (
    (TOUR, "Danube Tourism Meta-Cluster"),
    (DIG, "Central European Digital Innovation Alliance"),
    (REN, "Carpathian-Alpine Renewable Energy Meta-Cluster"),
    (HEALTH, "Central European Health Tech Meta-Cluster"),
    (FOOD, "Central European Agri-Food Meta-Cluster"),
)

# fmt: off
_SUBJECTS = (
    "skills for the green and digital transition", "cross-border value chains",
    "SME internationalisation", "innovation vouchers for SMEs", "digital twins in production",
    "circular economy business models", "joint market entry in Asia",
    "resilient supply chains", "talent attraction and retention", "AI adoption by SMEs",
)
# fmt: on
_PROGRAMMES = (
    "Interreg Central Europe",
    "Interreg Danube Region",
    "Horizon Europe",
    "Single Market Programme (Euroclusters)",
    "Erasmus+",
    "Interreg cross-border",
)

# fmt: off
KIND_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("project", 45), ("memorandum", 30), ("event-agreement", 15), ("other", 10),
)
# fmt: on


def cooperation_description(rng: random.Random, kind: str, field: str) -> str:
    """One English sentence on a cooperation of `kind` in the field `field`."""
    if kind == "project":
        return f"Joint {rng.choice(_PROGRAMMES)} project on {rng.choice(_SUBJECTS)}."
    if kind == "memorandum":
        return rng.choice(
            (
                f"Memorandum of understanding on cooperation in {field}.",
                "Memorandum on member exchange, joint events and shared market intelligence.",
            )
        )
    if kind == "event-agreement":
        return rng.choice(
            (
                "Agreement on joint matchmaking events at partner trade fairs.",
                f"Mutual participation in annual cluster conferences on {field}.",
            )
        )
    return rng.choice(
        (
            "Exchange of good practice in cluster management.",
            "Study visits and benchmarking of cluster services.",
            f"Joint position papers on {field} policy.",
        )
    )


_KIND_PHRASES = {
    "project": ("joint project", "joint projects"),
    "memorandum": ("memorandum of understanding", "memoranda of understanding"),
    "event-agreement": ("event agreement", "event agreements"),
    "other": ("other exchange", "other exchanges"),
}


def cooperation_summary(kinds: list[str], countries: list[str], metas: list[str]) -> str:
    """The clusters-table `cooperation` text: what a cluster does with its partners."""
    if not kinds and not metas:
        return ""
    parts = []
    for kind, (one, many) in _KIND_PHRASES.items():
        n = kinds.count(kind)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    parts += [f"member of the {m}" for m in metas]
    where = ", ".join(COUNTRY_EN[c] for c in countries)
    head = (
        f"Cooperation with partners in {where}" if where else "Cooperation with domestic partners"
    )
    return f"{head}: {'; '.join(parts)}."
