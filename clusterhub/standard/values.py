"""Parsers for the value kinds of the standard: raw text in, clean value out.

A parser raises `Invalid` with a reason a person can act on. Parsers are given the text
as it came from the file with surrounding whitespace kept; codes are trimmed here while
free text is stored exactly as given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

import pycountry

from clusterhub.standard.nace import SECTIONS, section_of_division
from clusterhub.standard.vocabularies import COUNTRY_BY_NUTS_PREFIX, nuts_prefix


class Invalid(ValueError):
    """A value breaks a rule of the standard; the message is the reason."""


_NUTS = re.compile(r"^[A-Z]{2}[0-9A-Z]{1,3}$")
_NACE = re.compile(r"^(?:([A-U])\s*)?(?:(\d{2})(?:\.(\d)(\d)?)?)?$")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]{2,}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y.%m.%d", "%Y.%m.%d.", "%d. %m. %Y")


def text(raw: str) -> str:
    return raw


def string(raw: str) -> str:
    return raw.strip()


@cache
def _alpha2_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@lru_cache(maxsize=65536)  # codes repeat thousands of times in a file
def country(raw: str) -> str:
    code = raw.strip().upper()
    code = COUNTRY_BY_NUTS_PREFIX.get(code, code)
    if code not in _alpha2_codes():
        raise Invalid("is not an ISO 3166-1 alpha-2 country code (e.g. CZ, SK, PL)")
    return code


@lru_cache(maxsize=65536)  # codes repeat thousands of times in a file
def nuts(raw: str) -> str:
    code = raw.strip().upper().replace(" ", "")
    if not _NUTS.match(code):
        raise Invalid("is not a NUTS code of level 1-3 (e.g. CZ064)")
    return code


def check_nuts_country(code: str, country_code: str) -> None:
    """A NUTS code must start with its country's NUTS prefix (EL for GR, UK for GB)."""
    prefix = nuts_prefix(country_code)
    if not code.startswith(prefix):
        raise Invalid(f"does not lie in country {country_code} (NUTS codes there start {prefix})")


@lru_cache(maxsize=65536)  # codes repeat thousands of times in a file
def nace(raw: str) -> str:
    """NACE Rev. 2 code: a section letter, a division, group or class (`C`, `C29.1`, `29.10`)."""
    code = raw.strip().upper().replace(" ", "")
    match = _NACE.match(code)
    if not code or not match or not (match.group(1) or match.group(2)):
        raise Invalid("is not a NACE Rev. 2 code (e.g. C29 or C28.1)")
    section, division = match.group(1), match.group(2)
    if division is None:
        if section not in SECTIONS:
            raise Invalid("is not a NACE Rev. 2 section")
        return code
    actual = section_of_division(division)
    if actual is None:
        raise Invalid(f"has no NACE Rev. 2 division {division}")
    if section and section != actual:
        raise Invalid(f"division {division} belongs to section {actual}, not {section}")
    rest = code[code.index(division) + 2 :]
    return f"{actual}{division}{rest}"


def _number(raw: str) -> float:
    cleaned = raw.strip().replace("\u00a0", "").replace(" ", "")
    # A decimal comma is normal in this region's spreadsheets.
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise Invalid("is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid("is not a finite number")
    return value


def latitude(raw: str) -> float:
    value = _number(raw)
    if not -90 <= value <= 90:
        raise Invalid("is out of range for a latitude (-90 to 90)")
    return value


def longitude(raw: str) -> float:
    value = _number(raw)
    if not -180 <= value <= 180:
        raise Invalid("is out of range for a longitude (-180 to 180)")
    return value


def nonnegative(raw: str) -> float:
    value = _number(raw)
    if value < 0:
        raise Invalid("must not be negative")
    return value


# Counts are stored in 32-bit integer columns.
MAX_COUNT = 2_147_483_647


def count(raw: str) -> int:
    value = _number(raw)
    if value != int(value):
        raise Invalid("is not a whole number")
    if value < 0:
        raise Invalid("must not be negative")
    if value > MAX_COUNT:
        raise Invalid(f"is too large (at most {MAX_COUNT})")
    return int(value)


def year(raw: str) -> int:
    value = _number(raw)
    current = dt.date.today().year
    if value != int(value) or not 1900 <= value <= current:
        raise Invalid(f"is not a year between 1900 and {current}")
    return int(value)


@lru_cache(maxsize=65536)  # codes repeat thousands of times in a file
def date(raw: str) -> dt.date:
    cleaned = raw.strip()
    if len(cleaned) == 10 and cleaned[4] == "-":
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            pass
    # Spreadsheets give a datetime at midnight for a date cell.
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]00:00(:00)?$", cleaned):
        cleaned = cleaned[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise Invalid("is not a date (use YYYY-MM-DD)")


def url(raw: str) -> str:
    value = raw.strip()
    if not _URL.match(value):
        raise Invalid("is not an http(s) URL (e.g. https://example.org)")
    return value


def email(raw: str) -> str:
    value = raw.strip()
    if not _EMAIL.match(value):
        raise Invalid("is not an e-mail address")
    return value


# Sums of money are stored with two decimals in 15 digits.
MAX_AMOUNT = 10**13


def amount(raw: str) -> float:
    """A sum of money: a number >= 0 with at most two decimals (cents)."""
    value = nonnegative(raw)
    if value >= MAX_AMOUNT:
        raise Invalid("is too large (at most 9999999999999.99)")
    if abs(value * 100 - round(value * 100)) > 1e-6:
        raise Invalid("has more than two decimals")
    return value


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def currency(raw: str) -> str:
    code = raw.strip().upper()
    if code not in _currency_codes():
        raise Invalid("is not an ISO 4217 currency code (e.g. EUR, CZK, PLN)")
    return code


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(raw: str) -> str:
    """A stable code for citing and linking: lower-case letters, digits and single hyphens."""
    code = raw.strip().lower()
    if not _SLUG.match(code):
        raise Invalid(
            "is not a code of lower-case letters, digits and hyphens (e.g. cz-optak-2021)"
        )
    return code


_YEAR = re.compile(r"^(\d{4})(?:\.0+)?$")
FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR = 1900, 2100


def period(raw: str) -> str:
    """The start or end of a period: a year (`2021`) or a date, as `YYYY` or `YYYY-MM-DD`."""
    cleaned = raw.strip()
    found = _YEAR.match(cleaned)
    if found:
        text = found.group(1)
    else:
        try:
            text = date(cleaned).isoformat()
        except Invalid:
            raise Invalid("is not a year or a date (use YYYY or YYYY-MM-DD)") from None
    if not FIRST_PERIOD_YEAR <= int(text[:4]) <= LAST_PERIOD_YEAR:
        raise Invalid(f"is not between {FIRST_PERIOD_YEAR} and {LAST_PERIOD_YEAR}")
    return text


def period_first_day(text: str) -> dt.date:
    """The first day a period value (`YYYY` or `YYYY-MM-DD`) stands for."""
    return dt.date(int(text), 1, 1) if len(text) == 4 else dt.date.fromisoformat(text)


def period_last_day(text: str) -> dt.date:
    """The last day a period value stands for: a year ends on 31 December."""
    return dt.date(int(text), 12, 31) if len(text) == 4 else dt.date.fromisoformat(text)


def enum(raw: str) -> str:
    # Vocabulary membership is checked by the caller, which knows the field.
    return raw.strip().lower()


PARSERS: dict[str, Callable[[str], Any]] = {
    "text": text,
    "string": string,
    "country": country,
    "nuts": nuts,
    "nace": nace,
    "latitude": latitude,
    "longitude": longitude,
    "nonnegative": nonnegative,
    "count": count,
    "year": year,
    "date": date,
    "url": url,
    "email": email,
    "enum": enum,
    "amount": amount,
    "currency": currency,
    "slug": slug,
    "period": period,
}
