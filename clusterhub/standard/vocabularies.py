"""Controlled vocabularies of the data standard (codes → English labels)."""

from __future__ import annotations

# The 14 industrial ecosystems of the EU industrial strategy (2021 update).
ECOSYSTEMS: dict[str, str] = {
    "aerospace-defence": "Aerospace and defence",
    "agri-food": "Agri-food",
    "construction": "Construction",
    "cultural-creative": "Cultural and creative industries",
    "digital": "Digital",
    "electronics": "Electronics",
    "energy-intensive": "Energy-intensive industries",
    "energy-renewables": "Renewable energy",
    "health": "Health",
    "mobility-transport-automotive": "Mobility, transport and automotive",
    "proximity-social-economy": "Proximity, social economy and civil security",
    "retail": "Retail",
    "textile": "Textile",
    "tourism": "Tourism",
}

# Services a cluster organisation offers to its members (also used for `needs`).
SERVICES: dict[str, str] = {
    "networking": "Networking and community building",
    "matchmaking": "Match-making and partner search",
    "training": "Training and skills development",
    "internationalisation": "Internationalisation support",
    "rd-projects": "Joint R&D projects",
    "access-to-finance": "Access to finance",
    "market-intelligence": "Market intelligence",
    "technology-transfer": "Technology transfer",
    "shared-infrastructure": "Shared infrastructure and equipment",
    "policy-advocacy": "Policy advocacy",
    "joint-procurement": "Joint procurement",
    "joint-marketing": "Joint marketing and branding",
    "incubation": "Start-up incubation and acceleration",
    "talent-attraction": "Talent attraction",
    "standardisation-certification": "Standardisation and certification",
    "digitalisation": "Digital transformation support",
    "sustainability": "Sustainability and circular economy",
    "ip-management": "Intellectual property management",
    "public-procurement": "Access to public procurement",
    "events": "Events and trade fairs",
}

LIFECYCLE: dict[str, str] = {
    "emerging": "Emerging",
    "growing": "Growing",
    "mature": "Mature",
    "declining": "Declining",
    "renewing": "Renewing",
}

LABELS: dict[str, str] = {
    "none": "No label",
    "bronze": "Bronze label",
    "silver": "Silver label",
    "gold": "Gold label",
}

MEMBER_TYPES: dict[str, str] = {
    "sme": "Small or medium-sized enterprise",
    "large": "Large enterprise",
    "research": "Research organisation",
    "university": "University",
    "public": "Public body",
    "ngo": "Non-governmental organisation",
    "other": "Other",
}

COOPERATION_KINDS: dict[str, str] = {
    "project": "Joint project",
    "memorandum": "Memorandum of understanding",
    "meta-cluster": "Meta-cluster",
    "event-agreement": "Event agreement",
    "other": "Other",
}

# Policy initiatives (support measures): the level of government that runs one.
INITIATIVE_LEVELS: dict[str, str] = {
    "eu": "European Union",
    "national": "National",
    "regional": "Regional",
}

# Policy initiatives: the kind of support a measure gives.
INSTRUMENTS: dict[str, str] = {
    "grant": "Grant",
    "loan": "Loan",
    "guarantee": "Guarantee",
    "voucher": "Voucher",
    "tax-incentive": "Tax incentive",
    "cluster-programme": "Cluster programme",
    "label-certification": "Label or certification",
    "advisory": "Advisory services",
    "network-funding": "Funding of networks",
    "procurement": "Public procurement",
    "other": "Other",
}

# NUTS uses its own spelling for two countries.
NUTS_PREFIX_BY_COUNTRY = {"GR": "EL", "GB": "UK"}
COUNTRY_BY_NUTS_PREFIX = {v: k for k, v in NUTS_PREFIX_BY_COUNTRY.items()}


def nuts_prefix(country: str) -> str:
    """The two letters that NUTS codes of `country` (ISO alpha-2) start with."""
    return NUTS_PREFIX_BY_COUNTRY.get(country, country)
