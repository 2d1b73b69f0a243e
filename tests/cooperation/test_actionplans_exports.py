"""A plan's exports: CSV and XLSX with formulas defused and personal data only for roles,
and an iCalendar file of the deadlines that calendar software can read."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from clusterhub.cooperation.actionplans import services
from tests.builders.actionplans import SETUP, build_plans

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.fixture
def plan(personas):  # type: ignore[no-untyped-def]
    plans = build_plans(personas.cz_cluster, personas.pl_cluster)
    for i, text in enumerate(DANGEROUS):
        action = services.save_action(
            plans.cz_plan,
            {"title": text, "owner_person": f"=Jana {i}", "deadline": "2030-01-0" + str(i + 1)},
            actor=SETUP,
        )
        services.save_indicator(action, {"name": text, "target": 10, "current": 5}, actor=SETUP)
    return plans


def _get(client: Client, name: str, plan_pk: int):  # type: ignore[no-untyped-def]
    return client.get(reverse(f"portal:cooperation:{name}", args=[plan_pk]))


def test_csv_cells_that_would_run_as_formulas_are_defused(plan, personas) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(personas.manager)
    response = _get(client, "actionplan_csv", plan.cz_plan.pk)
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = {r["title"] for r in rows}
    for text in DANGEROUS:
        assert "'" + text in titles
        assert text not in titles
    assert all(not r["owner_person"].startswith("=") for r in rows)
    # An indicator reads "name: current/target", whole numbers without ".0".
    indicators = {r["indicators"] for r in rows if r["title"].startswith("'")}
    assert indicators == {f"'{text}: 5/10" for text in DANGEROUS}
    assert {r["late"] for r in rows} == {"yes", "no"}
    late = next(r for r in rows if r["title"] == plan.late.title)
    assert (late["status"], late["late"]) == ("in_progress", "yes")


def test_the_public_csv_has_no_owner_persons(plan) -> None:  # type: ignore[no-untyped-def]
    rows = list(
        csv.DictReader(
            io.StringIO(
                _get(Client(), "actionplan_csv", plan.cz_plan.pk).content.decode("utf-8-sig")
            )
        )
    )
    assert {r["owner_person"] for r in rows} == {""}


def test_xlsx_cells_are_text_not_formulas_and_numbers_stay_numbers(plan) -> None:  # type: ignore[no-untyped-def]
    response = _get(Client(), "actionplan_xlsx", plan.cz_plan.pk)
    book = load_workbook(io.BytesIO(response.content))
    actions = list(book["actions"].iter_rows(values_only=True))
    assert actions[0][1] == "title"
    titles = {row[1] for row in actions[1:]}
    for text in DANGEROUS:
        assert "'" + text in titles
    for row in book["actions"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    indicators = list(book["indicators"].iter_rows(values_only=True))[1:]
    assert {(r[4], r[5], r[6]) for r in indicators} == {(10, 5, 0.5)}


def test_the_ical_file_parses_with_one_all_day_event_per_deadline(plan) -> None:  # type: ignore[no-untyped-def]
    response = _get(Client(), "actionplan_ical", plan.cz_plan.pk)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 5 + len(DANGEROUS)  # every action of the plan has a deadline
    late = next(e for e in events if plan.late.title in str(e["SUMMARY"]))
    assert late.decoded("DTSTART") == plan.late.deadline
    assert str(late["UID"]) == f"action-{plan.late.pk}@testserver"
    dropped = next(e for e in events if plan.dropped.title in str(e["SUMMARY"]))
    assert str(dropped["STATUS"]) == "CANCELLED"
    assert str(calendar["X-WR-CALNAME"]) == plan.cz_plan.title


def test_a_lone_carriage_return_in_a_description_stays_inside_its_csv_row(plan) -> None:  # type: ignore[no-untyped-def]
    services.save_action(
        plan.cz_plan,
        {"title": "Carriage", "description": "first\rsecond", "deadline": "2030-02-01"},
        actor=SETUP,
    )
    response = _get(Client(), "actionplan_csv", plan.cz_plan.pk)
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    carriage = next(r for r in rows if r["title"] == "Carriage")
    assert carriage["description"] == "first\rsecond"
    # Every line a spreadsheet splits at "\r" too still belongs to a quoted field.
    assert '"first\rsecond"' in text
