"""The rules the values of plans, actions, indicators and notes must keep.

Every check collects its reason under the field's name, so one write names every bad field
at once (the forms show them by their boxes, the API lists them in `errors`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.utils.translation import gettext as _

TITLE_LENGTH = 300
NAME_LENGTH = 200  # an indicator's name, an owner person, a note's author
UNIT_LENGTH = 40
TEXT_LENGTH = 20_000  # descriptions and notes
MAX_PARTNERS = 100
MAX_POSITION = 32_767
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
# Larger magnitudes are typing errors, and lose precision in spreadsheets.
MAX_NUMBER = 1e15


class InvalidActionPlan(ValueError):
    """Values a plan, action, indicator or note may not have; `errors` maps field to reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in errors.items()))


class Problems:
    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, reason: str) -> None:
        self.errors.setdefault(field, reason)

    def raise_any(self) -> None:
        if self.errors:
            raise InvalidActionPlan(self.errors)


def text(problems: Problems, field: str, value: Any, limit: int, required: bool = False) -> str:
    """`value` as stripped text of at most `limit` characters, without NUL bytes."""
    clean = "" if value is None else str(value).replace("\x00", "").strip()
    if required and not clean:
        problems.add(field, _("This field is required."))
    elif len(clean) > limit:
        problems.add(
            field,
            _("At most %(limit)d characters, not %(length)d.")
            % {"limit": limit, "length": len(clean)},
        )
    return clean


def date(problems: Problems, field: str, value: Any) -> dt.date | None:
    """A date (a `date` or ISO text) between 1990 and 2100, or None for an empty value."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            problems.add(field, _("%(value)r is not a date (YYYY-MM-DD).") % {"value": value})
            return None
    if not FIRST_DAY <= value <= LAST_DAY:
        problems.add(
            field, _("%(value)s is not between 1990 and 2100.") % {"value": value.isoformat()}
        )
    return value


def number(problems: Problems, field: str, value: Any) -> float | None:
    """A finite number of a sensible size, or None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    try:
        result = (
            float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        problems.add(field, _("%(value)r is not a number.") % {"value": value})
        return None
    if not math.isfinite(result) or abs(result) > MAX_NUMBER:
        problems.add(
            field, _("%(value)r is not a finite number of a sensible size.") % {"value": value}
        )
        return None
    return result


def integer(problems: Problems, field: str, value: Any, lowest: int, highest: int) -> int:
    if value in (None, ""):
        return lowest
    try:
        result = int(value)
    except (TypeError, ValueError):
        problems.add(field, _("%(value)r is not a whole number.") % {"value": value})
        return lowest
    if (isinstance(value, float) and not value.is_integer()) or not lowest <= result <= highest:
        problems.add(
            field,
            _("%(value)r is not a whole number from %(lowest)d to %(highest)d.")
            % {"value": value, "lowest": lowest, "highest": highest},
        )
        return lowest
    return result


def period(problems: Problems, start: dt.date | None, deadline: dt.date | None) -> None:
    if start is not None and deadline is not None and deadline < start:
        problems.add(
            "deadline",
            _("The deadline %(deadline)s lies before the start %(start)s.")
            % {"deadline": deadline.isoformat(), "start": start.isoformat()},
        )
