"""The rules the values of plans, actions, indicators and notes must keep.

Every check collects its reason under the field's name, so one write names every bad field
at once (the forms show them by their boxes, the API lists them in `errors`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from clusterhub.cooperation import checks as shared
from clusterhub.cooperation.checks import InvalidValues, line, number, text

# `line`, `number` and `text` are the shared checks, kept here under their old names.
__all__ = [
    "InvalidActionPlan",
    "Problems",
    "date",
    "integer",
    "line",
    "number",
    "period",
    "text",
]

TITLE_LENGTH = 300
NAME_LENGTH = 200  # an indicator's name, an owner person, a note's author
UNIT_LENGTH = 40
TEXT_LENGTH = 20_000  # descriptions and notes
MAX_PARTNERS = 100
# A plan's page and GET /api/v1/action-plans/{id} answer every action with its indicators
# and notes: without limits, one editor could grow a public page past serving.
MAX_PLANS = 100  # per cluster or meta-cluster (its page lists them)
MAX_ACTIONS = 500  # per plan
MAX_INDICATORS = 50  # per action
MAX_NOTES = 500  # per action
# Per plan, all its actions' notes together: 500 actions of 500 notes of 20,000 characters
# would make a page and an API answer of gigabytes; this keeps them under about 40 MB.
MAX_PLAN_NOTES = 2_000
MAX_POSITION = 32_767
MAX_ID = 2**63 - 1  # the largest id a database holds


class InvalidActionPlan(InvalidValues):
    """Values a plan, action, indicator or note may not have; `errors` maps field to reason."""


class Problems(shared.Problems):
    invalid = InvalidActionPlan


def date(problems: shared.Problems, field: str, value: Any) -> dt.date | None:
    """A date (a `date` or ISO text) between 1990 and 2100, or None; plans look ahead."""
    return shared.date(problems, field, value, future=True)


def integer(problems: shared.Problems, field: str, value: Any, lowest: int, highest: int) -> int:
    if value in (None, ""):
        return lowest
    try:
        result = int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an infinite float
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


def period(problems: shared.Problems, start: dt.date | None, deadline: dt.date | None) -> None:
    if start is not None and deadline is not None and deadline < start:
        problems.add(
            "deadline",
            _("The deadline %(deadline)s lies before the start %(start)s.")
            % {"deadline": deadline.isoformat(), "start": start.isoformat()},
        )
