"""The rules a meta-cluster's values must keep; the services call these before writing."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from clusterhub.cooperation import checks as shared
from clusterhub.cooperation.checks import InvalidValues, date, line, number, text
from clusterhub.standard import values
from clusterhub.standard import vocabularies as vocab

NAME_LENGTH = 200
PLACE_LENGTH = 200
TITLE_LENGTH = 300
SHORT_LENGTH = 200  # an indicator
UNIT_LENGTH = 40
TEXT_LENGTH = 20_000  # descriptions, agendas, minutes, decisions, the vision
MAX_SECTORS = 20
FIRST_YEAR, LAST_YEAR = shared.FIRST_DAY.year, shared.LAST_DAY.year

# `date` (never later than today unless `future`), `line`, `number` and `text` are the
# shared checks, kept here under their old names.
__all__ = [
    "InvalidMetaCluster",
    "Problems",
    "date",
    "ecosystem",
    "email",
    "line",
    "number",
    "sectors",
    "text",
    "year",
]


class InvalidMetaCluster(InvalidValues):
    """Values a meta-cluster may not have; `errors` maps each field to its reason."""


class Problems(shared.Problems):
    invalid = InvalidMetaCluster


def year(problems: shared.Problems, field: str, value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        result = int(str(value).strip())
    except ValueError:
        problems.add(field, _("%(value)r is not a year.") % {"value": value})
        return None
    if not FIRST_YEAR <= result <= LAST_YEAR:
        problems.add(
            field,
            _("The year must lie between %(first)d and %(last)d.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
        )
        return None
    return result


def ecosystem(problems: shared.Problems, value: Any) -> str:
    code = "" if value is None else str(value).strip()
    if code and code not in vocab.ECOSYSTEMS:
        problems.add("ecosystem", _("%(value)r is not an industrial ecosystem.") % {"value": code})
        return ""
    return code


def sectors(problems: shared.Problems, value: Any) -> list[str]:
    """NACE codes, normalised, without repeats; text is split at `;`, `,` and spaces."""
    if value is None:
        return []
    raw = value.replace(",", ";").replace(" ", ";").split(";") if isinstance(value, str) else value
    if not isinstance(raw, list | tuple):
        problems.add("sectors", _("Give the sectors as a list of NACE codes."))
        return []
    codes: list[str] = []
    for item in raw:
        item = str(item).strip()
        if not item:
            continue
        try:
            code = values.nace(item)
        except values.Invalid as exc:
            problems.add("sectors", f"{item!r} {exc}")
            continue
        if code not in codes:
            codes.append(code)
    if len(codes) > MAX_SECTORS:
        problems.add("sectors", _("At most %(limit)d sectors.") % {"limit": MAX_SECTORS})
    return codes


def email(problems: shared.Problems, value: Any) -> str:
    address = "" if value is None else str(value).strip()
    if not address:
        return ""
    if len(address) > 254:
        problems.add("email", _("At most 254 characters."))
        return address
    try:
        return values.email(address)
    except values.Invalid:
        problems.add("email", _("%(value)r is not an e-mail address.") % {"value": address})
        return address
