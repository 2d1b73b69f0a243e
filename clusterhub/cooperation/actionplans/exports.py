"""A plan's actions as CSV, XLSX and an iCalendar file of their deadlines.

Cells are defused as in the registry's exports: text a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) gets an apostrophe first. Owner persons
are personal data: they are written only when `personal` is true (a viewer with a role).
Dates are ISO text in CSV and date cells in XLSX, so that a spreadsheet sorts and filters them.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from clusterhub.cooperation.models import Action, ActionPlan
from clusterhub.exchange.formats.base import csv_row_writer, text_cell, xlsx_cell

COLUMNS = (
    "id",
    "title",
    "status",
    "late",
    "owner_organisation",
    "owner_person",
    "partners",
    "goal",
    "start",
    "deadline",
    "indicators",
    "description",
)
DATE_FORMAT = "yyyy-mm-dd"  # ISO as in the CSV; the cell holds a date whatever it shows
INDICATOR_COLUMNS = ("action_id", "action", "indicator", "unit", "target", "current", "progress")


def progress(target: float | None, current: float | None) -> float | None:
    """How far `current` has come towards `target`, 0-1 (more than 1 when exceeded); None
    when it cannot be said (no target or current value, or a share too large for a float,
    such as 1e15 of a target of 1e-300)."""
    if target in (None, 0) or current is None:
        return None
    assert target is not None
    share = current / target
    return share if math.isfinite(share) else None


def _indicators(action: Action) -> str:
    parts = []
    for i in action.indicators.all():
        unit = f" {i.unit}" if i.unit else ""
        # text_cell writes a number as the registry's exports do (10, not 10.0; None: "").
        parts.append(f"{i.name}: {text_cell(i.current)}/{text_cell(i.target)}{unit}")
    return "; ".join(parts)


def action_rows(
    actions: Sequence[Action], *, personal: bool, today: dt.date
) -> list[dict[str, Any]]:
    """One plain row per action (the values before any escaping; dates as dates)."""
    return [
        {
            "id": a.pk,
            "title": a.title,
            "status": a.status,
            "late": "yes" if a.is_late(today) else "no",
            "owner_organisation": a.owner_cluster.name if a.owner_cluster else "",
            "owner_person": a.owner_person if personal else "",
            "partners": [p.name for p in a.partners.all()],
            "goal": a.goal.title if a.goal else "",
            "start": a.start,
            "deadline": a.deadline,
            "indicators": _indicators(a),
            "description": a.description,
        }
        for a in actions
    ]


def to_csv(actions: Sequence[Action], *, personal: bool, today: dt.date) -> bytes:
    out = io.StringIO()
    write = csv_row_writer(out)
    write(list(COLUMNS))
    for row in action_rows(actions, personal=personal, today=today):
        # text_cell writes a date as ISO text (2030-01-31) and None as "".
        write([text_cell(row[c]) for c in COLUMNS])
    # With a byte-order mark, spreadsheets read the file as UTF-8 (diacritics intact).
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(actions: Sequence[Action], *, personal: bool, today: dt.date) -> bytes:
    """Two sheets: the actions, and their indicators with numbers as numbers."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("actions")
    sheet.append(list(COLUMNS))
    for row in action_rows(actions, personal=personal, today=today):
        sheet.append([_xlsx_value(sheet, row[c]) for c in COLUMNS])
    measures = book.create_sheet("indicators")
    measures.append(list(INDICATOR_COLUMNS))
    for action in actions:
        for i in action.indicators.all():
            cells = [action.pk, action.title, i.name, i.unit, i.target, i.current]
            cells.append(progress(i.target, i.current))
            measures.append([xlsx_cell(c) if c is not None else None for c in cells])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(sheet: Any, value: object) -> object:
    """A date as a date cell shown as ISO, no date as an empty cell; anything else as
    `xlsx_cell` writes it (text defused, numbers as numbers)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return xlsx_cell(value)


# What a one-line iCalendar value must not hold: the library escapes line breaks in some
# properties (SUMMARY) but not in others (X-WR-CALNAME: a lone CR passes, a LF is refused
# with an AssertionError), and no property may hold other control characters.
_ICAL_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_ICAL_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ical_text(text: str, *, one_line: bool = False) -> str:
    """`text` for an iCalendar value: without control characters; on one line if asked."""
    if one_line:
        text = _ICAL_BREAKS.sub(" ", text)
    return _ICAL_CONTROL.sub("", text)


_ICAL_STATUS = {
    Action.Status.PLANNED: "TENTATIVE",
    Action.Status.IN_PROGRESS: "CONFIRMED",
    Action.Status.DONE: "CONFIRMED",
    Action.Status.DROPPED: "CANCELLED",
}


def to_ical(
    plan: ActionPlan, actions: Sequence[Action], *, host: str, url: str, stamp: dt.datetime
) -> bytes:
    """One all-day event per action with a deadline, on the deadline's day.

    UIDs are stable (the action's id and the host), so a calendar that subscribes to the
    file updates the events instead of adding them again.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Clusterhub//action plans//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _ical_text(plan.title, one_line=True))
    for action in actions:
        if action.deadline is None:
            continue
        event = Event()
        event.add("uid", f"action-{action.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", action.deadline)
        event.add("dtend", action.deadline + dt.timedelta(days=1))
        title = _ical_text(action.title, one_line=True)
        event.add("summary", _("Deadline: %(action)s") % {"action": title})
        status = f"{_('Status')}: {action.get_status_display()}"
        lines = [_ical_text(plan.title, one_line=True), status]
        if action.description:
            lines.append(_ical_text(action.description))
        event.add("description", "\n".join(lines))
        event.add("status", _ICAL_STATUS[Action.Status(action.status)])
        # The status as the plan page shows it, in the reader's language; the library
        # escapes commas, semicolons, backslashes and line breaks (RFC 5545, 3.3.11).
        event.add("categories", [_ical_text(str(action.get_status_display()))])
        event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
