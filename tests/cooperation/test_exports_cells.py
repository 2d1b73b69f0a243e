"""The cells of a plan's exports: dates a spreadsheet can sort (date cells in XLSX, ISO text
in CSV), and calendar categories that say the status as the plan page does, escaped."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from openpyxl import load_workbook
from openpyxl.styles.numbers import is_date_format

from clusterhub.cooperation.actionplans import exports, services
from clusterhub.cooperation.models import Action
from tests.builders.actionplans import SETUP, build_plans

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(personas):  # type: ignore[no-untyped-def]
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    services.save_action(
        plans.cz_plan,
        {"title": "=SUM(A1)", "start": "2030-01-15", "deadline": "2030-02-28"},
        actor=SETUP,
    )
    services.save_action(plans.cz_plan, {"title": "No dates"}, actor=SETUP)
    return plans


def _get(name: str, pk: int, language: str = "en"):  # type: ignore[no-untyped-def]
    with translation.override(language):
        url = reverse(f"portal:cooperation:{name}", args=[pk])
    return Client().get(url)


def test_xlsx_start_and_deadline_are_date_cells_a_spreadsheet_can_sort(plans) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(io.BytesIO(_get("actionplan_xlsx", plans.cz_plan.pk).content))
    sheet = book["actions"]
    header = [c.value for c in sheet[1]]
    start, deadline = header.index("start"), header.index("deadline")
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    dated = rows["'=SUM(A1)"]  # the formula-like title is still defused
    for cell, expected in (
        (dated[start], dt.date(2030, 1, 15)),
        (dated[deadline], dt.date(2030, 2, 28)),
    ):
        assert cell.is_date
        assert is_date_format(cell.number_format)
        assert cell.value.date() == expected
    undated = rows["No dates"]
    assert (undated[start].value, undated[deadline].value) == (None, None)
    # Every action of the builder's plan has dates: each is a date cell.
    assert all(row[deadline].is_date for title, row in rows.items() if title != "No dates")


def test_csv_dates_stay_iso_text(plans) -> None:  # type: ignore[no-untyped-def]
    text = _get("actionplan_csv", plans.cz_plan.pk).content.decode("utf-8-sig")
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(text))}
    assert (rows["'=SUM(A1)"]["start"], rows["'=SUM(A1)"]["deadline"]) == (
        "2030-01-15",
        "2030-02-28",
    )
    assert (rows["No dates"]["start"], rows["No dates"]["deadline"]) == ("", "")


def _categories(content: bytes) -> dict[str, str]:
    """The raw CATEGORIES value of each event, by UID (unfolded, still escaped)."""
    found: dict[str, str] = {}
    for event in content.replace(b"\r\n ", b"").split(b"BEGIN:VEVENT")[1:]:
        lines = dict(line.split(b":", 1) for line in event.split(b"\r\n") if b":" in line)
        found[lines[b"UID"].decode()] = lines[b"CATEGORIES"].decode()
    return found


def _rfc5545(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


@pytest.mark.parametrize("language", ["en", "cs", "de", "hu", "pl", "sk"])
def test_ical_categories_are_the_status_labels_of_the_plan_page(plans, language) -> None:  # type: ignore[no-untyped-def]
    content = _get("actionplan_ical", plans.cz_plan.pk, language).content
    categories = _categories(content)
    with translation.override(language):
        for action in Action.objects.filter(plan=plans.cz_plan, deadline__isnull=False):
            label = str(action.get_status_display())
            assert categories[f"action-{action.pk}@testserver"] == _rfc5545(label)
    # Parsed back, an event has one category, whatever the label holds.
    for event in Calendar.from_ical(content).walk("VEVENT"):
        assert len(event["CATEGORIES"].cats) == 1
    assert "in_progress" not in categories.values()


def test_ical_categories_escape_what_rfc_5545_reserves(plans) -> None:  # type: ignore[no-untyped-def]
    # A label (a translation) may hold anything: one category, escaped, stays one.
    action = plans.done
    action.get_status_display = lambda: "done, closed; a\\b\nnext\x07"  # type: ignore[method-assign]
    content = exports.to_ical(
        plans.cz_plan,
        [action],
        host="example.org",
        url="https://example.org/plan",
        stamp=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    )
    raw = _categories(content)[f"action-{action.pk}@example.org"]
    assert raw == "done\\, closed\\; a\\\\b\\nnext"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Deadline: {action.title}"
