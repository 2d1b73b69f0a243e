"""Non-business members: where universities, research bodies, authorities and chambers come from.

Regional entries are curated in `institutions_visegrad` and `institutions_west`; city-level bodies
come from per-country name templates; national bodies sit in the capital's region.
"""

# ruff: noqa: RUF001 - official names use the en dash

from __future__ import annotations

from functools import cache

from clusterhub.demo.registry.institutions_visegrad import V4
from clusterhub.demo.registry.institutions_west import WEST
from clusterhub.demo.registry.model import Institutions, Region
from clusterhub.demo.registry.nuts_names import PARENT_NAMES
from clusterhub.demo.registry.regions import REGION_BY_NUTS, regions_of

INSTITUTIONS: dict[str, Institutions] = {x.nuts: x for x in (*V4, *WEST)}

Candidate = tuple[str, str]  # (NUTS 3 code, name)

# fmt: off
CITY_PUBLIC = {
    "CZ": "Statutární město {city}", "SK": "Mesto {city}", "PL": "Gmina Miasto {city}",
    "HU": "{city} Megyei Jogú Város Önkormányzata", "AT": "Stadt {city}", "DE": "Stadt {city}",
    "SI": "Mestna občina {city}", "IT": "Comune di {city}",
}
# fmt: on
# fmt: off
CITY_NGO = {
    "CZ": "Okresní hospodářská komora {city}", "SK": "Regionálna komora SOPK {city}",
    "PL": "{reg_adj} Związek Pracodawców", "HU": "{city_adj} Kereskedelmi és Iparkamara",
    "AT": "Wirtschaftskammer {land}", "DE": "IHK {city}",
    "SI": "Območna obrtno-podjetniška zbornica {city}", "IT": "Camera di Commercio di {city}",
}
# fmt: on
# fmt: off
OTHER = {
    "CZ": ("Střední průmyslová škola {city}", "Vědeckotechnický park {city}",
           "Regionální rozvojová agentura {city}"),
    "SK": ("Stredná odborná škola technická {city}", "Vedecko-technologický park {city}",
           "Regionálna rozvojová agentúra {city}"),
    "PL": ("{city_adj} Park Technologiczny", "{reg_adj} Fundusz Rozwoju",
           "{city_adj} Inkubator Przedsiębiorczości"),
    "HU": ("{city_adj} Szakképzési Centrum", "{city_adj} Ipari Park",
           "{city_adj} Innovációs Központ"),
    "AT": ("Technologiezentrum {city}", "HTL {city}", "Gründerzentrum {city}"),
    "DE": ("Technologie- und Gründerzentrum {city}", "Berufliches Schulzentrum {city}",
           "Wirtschaftsförderung {city}"),
    "SI": ("Tehnološki park {city}", "Šolski center {city}", "Podjetniški inkubator {city}"),
    "IT": ("Parco Scientifico e Tecnologico di {city}", "Fondazione ITS {city}",
           "Incubatore d'Impresa di {city}"),
}
# fmt: on

# National agencies (public) and business associations (ngo), located in the capital region.
# fmt: off
NATIONAL_PUBLIC: dict[str, tuple[str, ...]] = {
    "CZ010": ("Agentura pro podporu podnikání a investic CzechInvest",
              "Technologická agentura České republiky"),
    "SK010": ("Slovenská agentúra pre rozvoj investícií a obchodu", "Slovak Business Agency"),
    "PL911": ("Polska Agencja Rozwoju Przedsiębiorczości", "Narodowe Centrum Badań i Rozwoju"),
    "HU110": ("Nemzeti Kutatási, Fejlesztési és Innovációs Hivatal",
              "Magyar Exportfejlesztési Ügynökség"),
    "AT130": ("Austria Wirtschaftsservice GmbH",
              "Österreichische Forschungsförderungsgesellschaft mbH"),
    "DE300": ("Germany Trade & Invest GmbH", "VDI/VDE Innovation + Technik GmbH"),
    "SI041": ("Javna agencija SPIRIT Slovenija", "Javna agencija za znanstvenoraziskovalno in "
              "inovacijsko dejavnost Republike Slovenije"),
    "ITI43": ("ICE – Agenzia per la promozione all'estero e l'internazionalizzazione delle "
              "imprese italiane", "Agenzia Spaziale Italiana"),
}
# fmt: on
# fmt: off
NATIONAL_NGO: dict[str, tuple[str, ...]] = {
    "CZ010": ("Hospodářská komora České republiky", "Svaz průmyslu a dopravy České republiky",
              "Asociace malých a středních podniků a živnostníků ČR", "Národní klastrová asociace",
              "Asociace inovačního podnikání ČR"),
    "SK010": ("Slovenská obchodná a priemyselná komora", "Republiková únia zamestnávateľov",
              "Únia klastrov Slovenska", "Zväz automobilového priemyslu Slovenskej republiky"),
    "PL911": ("Krajowa Izba Gospodarcza", "Konfederacja Lewiatan",
              "Pracodawcy Rzeczypospolitej Polskiej", "Polska Izba Informatyki i Telekomunikacji"),
    "HU110": ("Magyar Kereskedelmi és Iparkamara",
              "Munkaadók és Gyáriparosok Országos Szövetsége", "Magyar Innovációs Szövetség",
              "Magyar Gépjárműipari Egyesület"),
    "AT130": ("Wirtschaftskammer Österreich", "Industriellenvereinigung",
              "Plattform Industrie 4.0 Österreich",
              "Fachverband der Elektro- und Elektronikindustrie"),
    "DE300": ("Deutscher Industrie- und Handelskammertag e.V.",
              "Bundesverband der Deutschen Industrie e.V.", "Bitkom e.V."),
    "DE712": ("VDMA e.V.", "ZVEI e.V."),
    "SI041": ("Gospodarska zbornica Slovenije", "Obrtno-podjetniška zbornica Slovenije",
              "Združenje delodajalcev Slovenije"),
    "ITI43": ("Confindustria", "Unioncamere",
              "CNA – Confederazione Nazionale dell'Artigianato e della Piccola e Media Impresa"),
}
# fmt: on


def _fill(template: str, reg: Region) -> str:
    land = PARENT_NAMES.get(reg.nuts[:4], reg.reg_adj)
    return template.format(city=reg.city, reg_adj=reg.reg_adj, city_adj=reg.city_adj, land=land)


@cache
def local(nuts: str, kind: str) -> tuple[Candidate, ...]:
    """Institutions of `kind` located in the region itself."""
    reg = REGION_BY_NUTS[nuts]
    info = INSTITUTIONS[nuts]
    country = reg.country
    names: list[str] = []
    if kind == "university":
        names = list(info.universities)
    elif kind == "research":
        names = list(info.research)
    elif kind == "public":
        city = _fill(CITY_PUBLIC[country], reg) if info.city_public is None else info.city_public
        names = [info.authority, city, *NATIONAL_PUBLIC.get(nuts, ())]
    elif kind == "ngo":
        city = _fill(CITY_NGO[country], reg) if info.city_ngo is None else info.city_ngo
        names = [city, *NATIONAL_NGO.get(nuts, ())]
    elif kind == "other":
        names = [_fill(t, reg) for t in OTHER[country]]
    return tuple((nuts, n) for n in names if n)


@cache
def national(country: str, kind: str) -> tuple[Candidate, ...]:
    """Institutions of `kind` anywhere in the country (for members from other regions)."""
    out: list[Candidate] = []
    for reg in regions_of(country):
        if kind in ("university", "research"):
            out.extend(local(reg.nuts, kind))
        elif kind in ("public", "ngo"):
            # Only national bodies travel: other regions' authorities rarely join.
            pool = NATIONAL_PUBLIC if kind == "public" else NATIONAL_NGO
            out.extend((reg.nuts, n) for n in pool.get(reg.nuts, ()))
    return tuple(out)
