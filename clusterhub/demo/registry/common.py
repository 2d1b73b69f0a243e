"""Small helpers: country facts, ASCII slugs, weighted draws, dates and phone numbers."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

COUNTRIES = ("CZ", "SK", "PL", "HU", "AT", "DE", "SI", "IT")
LANGUAGE = {
    "CZ": "cs",
    "SK": "sk",
    "PL": "pl",
    "HU": "hu",
    "AT": "de",
    "DE": "de",
    "SI": "sl",
    "IT": "it",
}
TLD = {c: c.lower() for c in COUNTRIES}
DIAL = {
    "CZ": "+420",
    "SK": "+421",
    "PL": "+48",
    "HU": "+36",
    "AT": "+43",
    "DE": "+49",
    "SI": "+386",
    "IT": "+39",
}
# Neighbours that plausibly send members across the border.
NEIGHBOURS = {
    "CZ": ("SK", "PL", "AT", "DE"),
    "SK": ("CZ", "PL", "HU", "AT"),
    "PL": ("CZ", "SK", "DE"),
    "HU": ("SK", "AT", "SI"),
    "AT": ("DE", "CZ", "SK", "HU", "SI", "IT"),
    "DE": ("AT", "CZ", "PL"),
    "SI": ("AT", "IT", "HU"),
    "IT": ("AT", "SI"),
}

LAST_DAY = dt.date(2026, 6, 30)

# Letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "æ": "ae"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c.isascii())


def slug(text: str, sep: str = "-") -> str:
    return _NON_ALNUM.sub(sep, ascii_fold(text).lower()).strip(sep)


def choose(rng: random.Random, items: Sequence[tuple[T, float]]) -> T:
    """One item drawn by weight from (item, weight) pairs."""
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def apportion(total: int, weights: list[int], minimum: int = 1) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), at least `minimum` each."""
    rest = total - minimum * len(weights)
    exact = [rest * w / sum(weights) for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: rest - sum(counts)]:
        counts[i] += 1
    return [c + minimum for c in counts]


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _groups(number: str, sizes: Sequence[int]) -> str:
    parts, pos = [], 0
    for size in sizes:
        parts.append(number[pos : pos + size])
        pos += size
    return " ".join(parts)


def landline(rng: random.Random, country: str, area: str) -> str:
    """A fixed-line number in international notation with the country's usual grouping."""
    cc = DIAL[country]
    if country == "CZ":
        return f"{cc} {_groups(area + digits(rng, 9 - len(area)), (3, 3, 3))}"
    if country == "SK":
        sizes = (4, 4) if len(area) == 1 else (3, 4)
        return f"{cc} {area} {_groups(digits(rng, sum(sizes)), sizes)}"
    if country == "PL":
        return f"{cc} {area} {_groups(digits(rng, 7), (3, 2, 2))}"
    if country == "HU":
        sizes = (3, 4) if area == "1" else (3, 3)
        return f"{cc} {area} {_groups(digits(rng, sum(sizes)), sizes)}"
    if country == "AT":
        return f"{cc} {area} {digits(rng, {1: 7, 3: 6}.get(len(area), 5))}"
    if country == "DE":
        return f"{cc} {area} {digits(rng, 10 - len(area))}"
    if country == "SI":
        return f"{cc} {area} {_groups(digits(rng, 7), (3, 2, 2))}"
    rest = 10 - len(area)  # Italy keeps the leading 0 of the area code.
    return f"{cc} {area} {_groups(digits(rng, rest), {8: (4, 4), 7: (3, 4)}.get(rest, (rest,)))}"


_MOBILE = {
    "CZ": "602 603 604 605 606 607 608 720 721 724 728 731 732 736 737 739 773 775 777",
    "SK": "902 903 905 907 908 910 911 915 917 940 944 948 949",
    "PL": "501 502 505 509 512 531 600 601 602 604 660 661 691 693 697 721 728 785 790 880",
    "HU": "20 30 70",
    "AT": "650 660 664 676 699",
    "DE": "151 152 157 160 170 171 172 175 176 177 178 179",
    "SI": "30 31 40 41 51 64 68 70",
    "IT": "320 328 329 331 333 334 335 338 339 340 345 347 348 349 351 366 380 388 392",
}


def mobile(rng: random.Random, country: str) -> str:
    prefix = rng.choice(_MOBILE[country].split())
    cc = DIAL[country]
    if country in ("CZ", "SK", "PL"):
        return f"{cc} {prefix} {_groups(digits(rng, 6), (3, 3))}"
    if country == "HU":
        return f"{cc} {prefix} {_groups(digits(rng, 7), (3, 4))}"
    if country == "SI":
        return f"{cc} {prefix} {_groups(digits(rng, 6), (3, 3))}"
    if country == "IT":
        return f"{cc} {prefix} {_groups(digits(rng, 7), (3, 4))}"
    return f"{cc} {prefix} {digits(rng, 7 if country == 'AT' else 8)}"


def initials(text: str, limit: int = 6) -> str:
    """Uppercase ASCII initials of the significant words ("Śląski Klaster ICT" → "SKICT")."""
    small = {"a", "i", "e", "di", "del", "della", "und", "es", "és", "v", "ve", "w", "z", "na"}
    out = []
    for word in re.split(r"[\s\-/]+", text):
        if not word or word.lower() in small:
            continue
        folded = ascii_fold(word)
        if folded.isupper() and 2 <= len(folded) <= 4:
            out.append(folded)  # keep acronyms such as ICT or IT whole
        elif folded[:1].isalpha():
            out.append(folded[0].upper())
    return "".join(out)[:limit]
