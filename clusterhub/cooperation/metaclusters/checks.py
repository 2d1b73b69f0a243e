"""The rules a meta-cluster's values must keep; the services call these before writing."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.utils.translation import gettext as _

from clusterhub.standard import values
from clusterhub.standard import vocabularies as vocab

NAME_LENGTH = 200
PLACE_LENGTH = 200
TITLE_LENGTH = 300
SHORT_LENGTH = 200  # an indicator
UNIT_LENGTH = 40
TEXT_LENGTH = 20_000  # descriptions, agendas, minutes, decisions, the vision
MAX_SECTORS = 20
FIRST_YEAR, LAST_YEAR = 1990, 2100


class InvalidMetaCluster(ValueError):
    """Values a meta-cluster may not have; `errors` maps each field to its reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in errors.items()))


class Problems:
    """Collects the reasons of one write, so every bad field is named at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, reason: str) -> None:
        self.errors.setdefault(field, reason)

    def raise_any(self) -> None:
        if self.errors:
            raise InvalidMetaCluster(self.errors)


def text(problems: Problems, field: str, value: Any, limit: int, required: bool = False) -> str:
    """`value` as stripped text of at most `limit` characters."""
    clean = "" if value is None else str(value).strip()
    if required and not clean:
        problems.add(field, _("This field is required."))
    elif len(clean) > limit:
        problems.add(
            field,
            _("At most %(limit)d characters, not %(length)d.")
            % {"limit": limit, "length": len(clean)},
        )
    return clean


def date(
    problems: Problems, field: str, value: Any, required: bool = False, future: bool = False
) -> dt.date | None:
    """A date (a `date` or ISO text); never later than today unless `future` (a meeting)."""
    if value in (None, ""):
        if required:
            problems.add(field, _("This field is required."))
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        if len(str(value)) > 40:
            problems.add(field, _("This is not a date (YYYY-MM-DD)."))
            return None
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            problems.add(field, _("%(value)r is not a date (YYYY-MM-DD).") % {"value": value})
            return None
    if value > dt.date.today() and not future:
        problems.add(field, _("%(value)s lies in the future.") % {"value": value.isoformat()})
    return value


def number(problems: Problems, field: str, value: Any) -> float | None:
    """A finite number, or None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    try:
        result = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    if not math.isfinite(result):
        problems.add(field, _("%(value)r is not a finite number.") % {"value": value})
        return None
    return result


def year(problems: Problems, field: str, value: Any) -> int | None:
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


def ecosystem(problems: Problems, value: Any) -> str:
    code = "" if value is None else str(value).strip()
    if code and code not in vocab.ECOSYSTEMS:
        problems.add("ecosystem", _("%(value)r is not an industrial ecosystem.") % {"value": code})
        return ""
    return code


def sectors(problems: Problems, value: Any) -> list[str]:
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


def email(problems: Problems, value: Any) -> str:
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
