"""Plain data types shared by the demo data modules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """A curated NUTS 3 region with its main city and industrial profile.

    `reg_adj`/`city_adj` are the native forms used in cluster names: masculine adjectives for
    Slavic languages and Hungarian, the region noun and the city demonym for German, the
    region noun for Italian. `profile` weights topic keys (see `topics`).
    """

    nuts: str
    name: str
    city: str
    city_en: str
    postcode: str
    lat: float
    lon: float
    area: str
    reg_adj: str
    city_adj: str
    reg_en: str
    size: int
    profile: tuple[tuple[str, int], ...]

    @property
    def country(self) -> str:
        return self.nuts[:2]

    def weight(self, topic: str) -> int:
        for key, value in self.profile:
            if key == topic:
                return value
        return 0


def region(
    nuts: str,
    name: str,
    cities: str,
    postcode: str,
    lat: float,
    lon: float,
    area: str,
    adjectives: str,
    size: int,
    profile: str,
) -> Region:
    """Build a Region from the compact notation of the data tables ("a|b", "key:weight ...")."""
    city, city_en = cities.split("|")
    reg_adj, city_adj, reg_en = adjectives.split("|")
    pairs = tuple((k, int(v)) for k, v in (p.split(":") for p in profile.split()))
    return Region(
        nuts,
        name,
        city,
        city_en,
        postcode,
        lat,
        lon,
        area,
        reg_adj,
        city_adj,
        reg_en,
        size,
        pairs,
    )


@dataclass(frozen=True)
class Topic:
    """A cluster specialisation within one EU industrial ecosystem.

    `words` maps a language to (name form, phrase form): the adjective or compound used in
    cluster names ("" when the language has no natural one) and the noun phrase used in
    running text (genitive in Slavic languages).
    """

    key: str
    eco: str
    sectors: tuple[str, ...]
    member_nace: tuple[str, ...]
    words: tuple[tuple[str, str, str], ...]

    def word(self, lang: str) -> tuple[str, str]:
        for code, name_form, phrase in self.words:
            if code == lang:
                return name_form, phrase
        raise KeyError(lang)


def topic(key: str, eco: str, sectors: str, nace: str, **langs: str) -> Topic:
    """Build a Topic; each language is given as "name form|phrase"."""
    words: list[tuple[str, str, str]] = []
    for lang, text in langs.items():
        name_form, phrase = text.split("|")
        words.append((lang, name_form, phrase))
    return Topic(key, eco, tuple(sectors.split()), tuple(nace.split()), tuple(words))


@dataclass(frozen=True)
class Institutions:
    """Public bodies, universities and research organisations located in one region."""

    nuts: str
    authority: str
    universities: tuple[str, ...]
    research: tuple[str, ...]
    city_public: str | None = None  # None: use the country's template; "": none
    city_ngo: str | None = None


def inst(
    nuts: str,
    authority: str,
    universities: str = "",
    research: str = "",
    city_public: str | None = None,
    city_ngo: str | None = None,
) -> Institutions:
    """Build Institutions from "|"-separated lists."""
    unis = tuple(u for u in universities.split("|") if u)
    labs = tuple(r for r in research.split("|") if r)
    return Institutions(nuts, authority, unis, labs, city_public, city_ngo)
