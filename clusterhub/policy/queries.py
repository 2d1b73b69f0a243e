"""Which policy initiatives apply: one query for the portal, the API, exports and studies.

    >>> initiatives_for(country="CZ", region="CZ08", sector="C29", active_on=date(2025, 1, 1))

gives the EU-level initiatives, the national ones of Czechia and the regional ones of
Moravskoslezsko (CZ080, or a larger region containing it), that target NACE C29 (or a code
above or below it) or target no sector at all, and run on that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from clusterhub.lib.text import fold
from clusterhub.policy.models import Initiative, InitiativeTag
from clusterhub.standard import values
from clusterhub.standard.vocabularies import COUNTRY_BY_NUTS_PREFIX

Codes = str | Iterable[str] | None


def _codes(given: Codes) -> list[str]:
    if given is None:
        return []
    items = [given] if isinstance(given, str) else list(given)
    return [c.strip() for item in items for c in str(item).split(",") if c.strip()]


def _country(code: str) -> str:
    code = code.upper()
    return COUNTRY_BY_NUTS_PREFIX.get(code, code)


def _nace(code: str) -> str | None:
    try:
        return values.nace(code)
    except values.Invalid:
        return None  # matches no target sector


def _nace_above(code: str) -> list[str]:
    """The code and the codes above it: C29.10 -> C, C29, C29.1, C29.10."""
    if len(code) < 3:
        return [code]
    return [code[:1], *(code[:n] for n in range(3, len(code) + 1) if code[n - 1] != ".")]


def _tagged(field: str, condition: Q) -> Exists:
    return Exists(InitiativeTag.objects.filter(condition, initiative=OuterRef("pk"), field=field))


def _open_to_all() -> Q:
    """Initiatives that name no target sector and no target ecosystem."""
    return ~Q(Exists(InitiativeTag.objects.filter(initiative=OuterRef("pk"))))


def _in_region(code: str) -> Q:
    """Applies in region `code`: EU level, national of its country without a region, or with
    a region that contains it or lies within it."""
    code = code.upper()
    containing = [code[:n] for n in range(2, len(code) + 1)]
    country = _country(code[:2])
    return Q(level="eu") | Q(country=country) & (
        Q(region__isnull=True) | Q(region_id__in=containing) | Q(region__code__startswith=code)
    )


def initiatives_for(
    country: Codes = None,
    region: Codes = None,
    sector: Codes = None,
    ecosystem: Codes = None,
    active_on: dt.date | None = None,
    *,
    level: Codes = None,
    instrument: Codes = None,
    text: str = "",
    active_between: tuple[dt.date, dt.date] | None = None,
) -> QuerySet[Initiative]:
    """The initiatives that apply to what is asked; every argument narrows the answer.

    Each argument takes a code or several (a list, or comma-separated); several codes of
    one argument are alternatives.

    Args:
        country: ISO codes (EL for Greece too); EU-level initiatives apply in every country.
        region: NUTS codes; as `country`, limited to the region (see `_in_region`).
        sector: NACE codes; an initiative targeting a code above or below matches, and so
            does one open to every sector (no target sectors or ecosystems).
        ecosystem: EU industrial ecosystem slugs; open initiatives match as for `sector`.
        active_on: a day the initiative runs on (an open start or end runs forever).
        level: `eu`, `national`, `regional`.
        instrument: instrument slugs.
        text: words that must all appear in the code, names, managing body or descriptions
            (case and diacritics do not matter).
        active_between: (first day, last day): runs on at least one day of this period.

    Returns:
        The initiatives, ordered by name and code.
    """
    found = Initiative.objects.all()
    countries = [_country(c) for c in _codes(country)]
    if countries:
        found = found.filter(Q(level="eu") | Q(country__in=countries))
    regions = _codes(region)
    if regions:
        where = Q()
        for code in regions:
            where |= _in_region(code)
        found = found.filter(where)
    asked = _codes(sector)
    if asked:
        sectors = [code for code in map(_nace, asked) if code]
        above = {a for code in sectors for a in _nace_above(code)}
        below = Q()
        for code in sectors:
            below |= Q(code__startswith=code)
        found = found.filter(Q(_tagged("sectors", Q(code__in=above) | below)) | _open_to_all())
    ecosystems = [c.lower() for c in _codes(ecosystem)]
    if ecosystems:
        found = found.filter(Q(_tagged("ecosystems", Q(code__in=ecosystems))) | _open_to_all())
    levels = [c.lower() for c in _codes(level)]
    if levels:
        found = found.filter(level__in=levels)
    instruments = [c.lower() for c in _codes(instrument)]
    if instruments:
        found = found.filter(instrument__in=instruments)
    for word in fold(text).split():
        found = found.filter(search_text__contains=word)
    for period in (active_on and (active_on, active_on), active_between):
        if period:
            first, last = period
            found = found.filter(
                Q(starts_on__isnull=True) | Q(starts_on__lte=last),
                Q(ends_on__isnull=True) | Q(ends_on__gte=first),
            )
    return found.select_related("region")
