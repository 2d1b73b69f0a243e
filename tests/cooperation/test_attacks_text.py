"""Hostile text in the cooperation records: names and titles kept on one line, control
characters dropped, and exports (iCalendar above all) that no stored text can break or
inject lines into; an indicator whose progress overflows a float breaks no page."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from clusterhub.cooperation.actionplans import services
from clusterhub.cooperation.actionplans.exports import progress
from clusterhub.cooperation.metaclusters import group, plans
from clusterhub.cooperation.metaclusters import services as metaclusters
from clusterhub.cooperation.models import Action, ActionPlan
from tests.builders.actionplans import SETUP, build_plans
from tests.cooperation.metaclusters import build
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def url(name: str, *args: object) -> str:
    return reverse(f"portal:cooperation:{name}", args=args)


def test_a_plan_title_with_a_line_feed_does_not_break_the_calendar_export(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    # As stored before titles were kept on one line (or written to the database directly).
    ActionPlan.objects.filter(pk=built.cz_plan.pk).update(title="Plán\nX-INJECTED:1")
    response = client.get(url("actionplan_ical", built.cz_plan.pk))
    assert response.status_code == 200  # the library refused the line feed: a server error
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Plán X-INJECTED:1"
    assert b"\r\nX-INJECTED" not in response.content


def test_no_stored_title_or_description_starts_a_line_of_its_own_in_the_calendar(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    ActionPlan.objects.filter(pk=built.cz_plan.pk).update(
        title="Plán\rBEGIN:VEVENT\rSUMMARY:evil\rEND:VEVENT"
    )
    Action.objects.filter(pk=built.late.pk).update(
        title="Mise\r\nBEGIN:VALARM", description="první\rX-INJECTED:1\x0b\x1b\ndruhá"
    )
    response = client.get(url("actionplan_ical", built.cz_plan.pk))
    assert response.status_code == 200
    lines = response.content.split(b"\r\n")
    assert not [line for line in lines if b"\r" in line or b"\n" in line]  # no bare CR or LF
    assert not [line for line in lines if line.startswith((b"BEGIN:VALARM", b"X-INJECTED"))]
    assert b"\x0b" not in response.content and b"\x1b" not in response.content
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == built.cz_plan.actions.filter(deadline__isnull=False).count()
    late = next(e for e in events if str(e["UID"]).startswith(f"action-{built.late.pk}@"))
    assert str(late["SUMMARY"]).endswith("Mise BEGIN:VALARM")
    assert "první\nX-INJECTED:1\ndruhá" in str(late["DESCRIPTION"])
    assert not calendar.walk("VALARM")


def test_action_plan_titles_and_names_are_kept_on_one_line_without_control_characters(
    personas: Personas,
) -> None:
    plan = services.save_plan(
        {"title": "Plán\r\n2026\t\x01", "cluster": personas.cz_cluster}, actor=SETUP
    )
    assert plan.title == "Plán 2026"
    action = services.save_action(
        plan,
        {
            "title": "Mise\u2028do\x85Bavorska",
            "owner_person": "Jana\nNováková",
            "description": "první řádek\ndruhý\x07 řádek\x1b",
        },
        actor=SETUP,
    )
    assert (action.title, action.owner_person) == ("Mise do Bavorska", "Jana Nováková")
    assert action.description == "první řádek\ndruhý řádek"  # line breaks stay in texts
    indicator = services.save_indicator(
        action, {"name": "Firmy\rna misi", "unit": "firem\n"}, actor=SETUP
    )
    assert (indicator.name, indicator.unit) == ("Firmy na misi", "firem")
    note = services.add_note(action, "Termín\x00 se\nposunul.", actor=SETUP, author_name="Petr\n")
    assert (note.text, note.author_name) == ("Termín se\nposunul.", "Petr")


def test_meta_cluster_names_titles_and_places_are_kept_on_one_line(personas: Personas) -> None:
    world = build(personas)
    metaclusters.update_meta_cluster(
        world.meta, {"name": "Central\r\nHealth", "description": "a\nb\x0c"}, actor=SETUP
    )
    world.meta.refresh_from_db()
    assert (world.meta.name, world.meta.description) == ("Central Health", "a\nb")
    person = group.save_person(
        world.meta,
        {"cluster": personas.pl_cluster.pk, "name": "Anna\nDemo"},
        actor=SETUP,
        person=world.person,
    )
    assert person.name == "Anna Demo"
    meeting = group.save_meeting(
        world.meta,
        {"date": "2024-05-02", "place": "Brno\rX", "agenda": "1.\n2."},
        actor=SETUP,
        meeting=world.meeting,
    )
    assert (meeting.place, meeting.agenda) == ("Brno X", "1.\n2.")
    goal = plans.save_goal(
        world.meta,
        {"title": "Joint\nprojects", "indicator": "count\r\nof", "unit": "n\t"},
        actor=SETUP,
        goal=world.goal,
    )
    assert (goal.title, goal.indicator, goal.unit) == ("Joint projects", "count of", "n")


def test_an_indicator_whose_progress_overflows_a_float_breaks_no_page_or_export(
    client: Client, personas: Personas
) -> None:
    built = build_plans(personas.cz_cluster, personas.pl_cluster)
    # Both values pass the checks (finite, at most 1e15); their share is infinite.
    services.save_indicator(
        built.late, {"name": "Tiny", "target": 1e-300, "current": 1e15}, actor=SETUP
    )
    assert progress(1e-300, 1e15) is None
    assert client.get(url("actionplan_detail", built.cz_plan.pk)).status_code == 200
    assert client.get(url("actionplan_csv", built.cz_plan.pk)).status_code == 200
    response = client.get(url("actionplan_xlsx", built.cz_plan.pk))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["indicators"]
    rows = [(*row, None, None)[:7] for row in sheet.iter_rows(values_only=True)]
    tiny = [row for row in rows if row[2] == "Tiny"]
    assert tiny and tiny[0][6] is None  # no "inf" cell, which spreadsheets cannot read
