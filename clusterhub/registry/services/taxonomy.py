"""Regions and vocabulary terms: created on first use, named from the standard's lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pycountry

from clusterhub.registry.models import Region, Term
from clusterhub.standard import nace
from clusterhub.standard import vocabularies as vocab
from clusterhub.standard.vocabularies import COUNTRY_BY_NUTS_PREFIX


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else ""


def nace_name(code: str) -> str:
    if len(code) == 1:
        return nace.SECTIONS.get(code, ("",))[0]
    return nace.DIVISIONS.get(code[1:3], "")


def _term_name(vocabulary: str, code: str) -> str:
    if vocabulary == Term.Vocabulary.NACE:
        return nace_name(code)
    if vocabulary == Term.Vocabulary.COUNTRY:
        return country_name(code)
    table = {
        Term.Vocabulary.ECOSYSTEM: vocab.ECOSYSTEMS,
        Term.Vocabulary.SERVICE: vocab.SERVICES,
        Term.Vocabulary.LIFECYCLE: vocab.LIFECYCLE,
    }[Term.Vocabulary(vocabulary)]
    return table.get(code, "")


def ensure_terms(vocabulary: str, codes: Iterable[str]) -> dict[str, int]:
    """Term ids by code, creating the terms not yet known (NACE codes appear as used)."""
    wanted = set(codes)
    found = dict(
        Term.objects.filter(vocabulary=vocabulary, code__in=wanted).values_list("code", "id")
    )
    missing = sorted(wanted - set(found))
    if missing:
        Term.objects.bulk_create(
            [Term(vocabulary=vocabulary, code=c, name=_term_name(vocabulary, c)) for c in missing]
        )
        found.update(
            Term.objects.filter(vocabulary=vocabulary, code__in=missing).values_list("code", "id")
        )
    return found


def ensure_vocabularies() -> None:
    """The fixed vocabularies of the standard, so taxonomy pages list every code."""
    ensure_terms(Term.Vocabulary.ECOSYSTEM, vocab.ECOSYSTEMS)
    ensure_terms(Term.Vocabulary.SERVICE, vocab.SERVICES)
    ensure_terms(Term.Vocabulary.LIFECYCLE, vocab.LIFECYCLE)
    ensure_terms(Term.Vocabulary.NACE, nace.SECTIONS)


def _with_parents(code: str) -> list[str]:
    return [code[:n] for n in range(2, len(code) + 1)]


def ensure_regions(codes: Iterable[str]) -> None:
    """Create the NUTS regions (and their parents) that are not in the registry yet."""
    wanted = {c for code in codes if code for c in _with_parents(code)}
    if not wanted:
        return
    known = set(Region.objects.filter(code__in=wanted).values_list("code", flat=True))
    missing = sorted(wanted - known, key=len)
    Region.objects.bulk_create(
        [
            Region(
                code=code,
                level=len(code) - 2,
                parent_id=code[:-1] if len(code) > 2 else None,
                country=COUNTRY_BY_NUTS_PREFIX.get(code[:2], code[:2]),
                name=country_name(COUNTRY_BY_NUTS_PREFIX.get(code, code)) if len(code) == 2 else "",
            )
            for code in missing
        ]
    )


def name_regions(names: Mapping[str, str]) -> int:
    """Give regions their names (creating them as needed); returns how many changed."""
    ensure_regions(names)
    changed = [
        region
        for region in Region.objects.filter(code__in=list(names))
        if region.name != names[region.code] and names[region.code]
    ]
    for region in changed:
        region.name = names[region.code]
    Region.objects.bulk_update(changed, ["name"], batch_size=500)
    return len(changed)
