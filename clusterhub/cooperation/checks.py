"""Field checks shared by the meta-cluster and action-plan services.

Every check collects its reason under the field's name, so one write names every bad field
at once (the forms show them by their boxes, the API lists them in `errors`). Each area
subclasses `InvalidValues` and `Problems`, so callers catch only their own refusals.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from django.utils.translation import gettext as _

FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
# Larger magnitudes are typing errors, and lose precision in spreadsheets.
MAX_NUMBER = 1e15
# Longer "dates" are not echoed back in the reason.
_DATE_TEXT = 40
# Control characters other than tab and line breaks: nobody types them, the database cannot
# hold NUL, and the exports' formats (XML in XLSX, iCalendar) cannot hold the others.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What ends a line somewhere (tabs too): a name or a title keeps none of it, or it could
# start a line of its own in an iCalendar file or a header.
_BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")


class InvalidValues(ValueError):
    """Values a record may not have; `errors` maps each field to its reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in errors.items()))


class Problems:
    """Collects the reasons of one write; `raise_any` raises them all as `invalid`."""

    invalid: type[InvalidValues] = InvalidValues

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, reason: str) -> None:
        self.errors.setdefault(field, reason)

    def raise_any(self) -> None:
        if self.errors:
            raise self.invalid(self.errors)


def text(problems: Problems, field: str, value: Any, limit: int, required: bool = False) -> str:
    """`value` as stripped text of at most `limit` characters, without control characters
    (NUL and the like; tabs and line breaks stay)."""
    clean = "" if value is None else _CONTROL.sub("", str(value)).strip()
    if required and not clean:
        problems.add(field, _("This field is required."))
    elif len(clean) > limit:
        problems.add(
            field,
            _("At most %(limit)d characters, not %(length)d.")
            % {"limit": limit, "length": len(clean)},
        )
    return clean


def line(problems: Problems, field: str, value: Any, limit: int, required: bool = False) -> str:
    """`text` on one line (a name, a title, a place): each run of line breaks and tabs
    becomes one space."""
    flat = None if value is None else _BREAKS.sub(" ", str(value))
    return text(problems, field, flat, limit, required)


def date(
    problems: Problems, field: str, value: Any, required: bool = False, future: bool = False
) -> dt.date | None:
    """A date (a `date` or ISO text) between 1990 and 2100, or None for an empty value;
    never later than today unless `future` (a meeting, a deadline)."""
    if value in (None, ""):
        if required:
            problems.add(field, _("This field is required."))
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        if len(str(value)) > _DATE_TEXT:
            problems.add(field, _("This is not a date (YYYY-MM-DD)."))
            return None
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            problems.add(field, _("%(value)r is not a date (YYYY-MM-DD).") % {"value": value})
            return None
    if value > dt.date.today() and not future:
        problems.add(field, _("%(value)s lies in the future.") % {"value": value.isoformat()})
    elif not FIRST_DAY <= value <= LAST_DAY:
        problems.add(
            field, _("%(value)s is not between 1990 and 2100.") % {"value": value.isoformat()}
        )
    return value


def number(problems: Problems, field: str, value: Any) -> float | None:
    """A finite number of a sensible size (text may use a decimal comma), or None for an
    empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    try:
        result = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except OverflowError:  # an int beyond floats: refused below as too large
        result = math.inf
    except (TypeError, ValueError):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    if not math.isfinite(result) or abs(result) > MAX_NUMBER:
        problems.add(
            field, _("%(value)r is not a finite number of a sensible size.") % {"value": value}
        )
        return None
    return result
