"""The rules answers obey, shared by the form and the import: types, bounds, required
questions and the rule across the funding shares."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from clusterhub.benchmarking.definition import Definition
from clusterhub.benchmarking.loading import DEFAULT_FILE, load_file
from clusterhub.benchmarking.rules import check_answers
from tests.benchmarking.surveys import (
    COMPLETE,
    answers,
    fast_passwords,  # noqa: F401 (autouse)
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def definition() -> Definition:
    return load_file(DEFAULT_FILE)


def test_complete_answers_come_back_typed(definition: Definition) -> None:
    clean, problems = check_answers(definition, COMPLETE, complete=True)
    assert problems == []
    assert clean["members_total"] == 120 and isinstance(clean["members_total"], int)
    assert clean["staff_fte"] == 3.5  # decimal comma
    assert clean["annual_budget_eur"] == 450000.0 and isinstance(clean["annual_budget_eur"], float)
    assert clean["funding_public_pct"] == 40.0
    assert clean["strategy_updated"] == 2024
    assert clean["member_satisfaction"] == 4
    assert clean["legal_form"] == "association"
    assert clean["board_composition"] == ["industry", "research"]
    assert clean["awards"].startswith("Cluster management excellence")


@pytest.mark.parametrize(
    ("question", "given", "expected"),
    [
        ("annual_budget_eur", "1 200 000,50 €", 1200000.5),
        ("annual_budget_eur", "EUR 80000", 80000.0),
        ("funding_public_pct", "35,5 %", 35.5),
        ("services_most_used", "Networking; training;networking", ["networking", "training"]),
        ("legal_form", " LTD ", "ltd"),
        ("member_satisfaction", "5", 5),
    ],
)
def test_values_are_read_as_people_type_them(
    definition: Definition, question: str, given: str, expected: object
) -> None:
    clean, problems = check_answers(definition, {question: given}, complete=False)
    assert problems == []
    assert clean == {question: expected}


@pytest.mark.parametrize(
    ("question", "given", "reason"),
    [
        ("members_total", "many", "is not a number"),
        ("members_total", "12.5", "is not a whole number"),
        ("members_foreign", "-3", "is less than 0"),
        ("funding_public_pct", "140", "is more than 100"),
        ("member_satisfaction", "6", "is not a whole number from 1 to 5"),
        ("strategy_updated", "1850", f"is not a year from 1900 to {dt.date.today().year}"),
        (
            "legal_form",
            "foundation",
            "is not one of: association, ltd, cooperative, public-body, informal, other",
        ),
        ("needs_priority", "networking;training;matchmaking;events", "has more than 3 choices"),
        (
            "board_composition",
            "industry;banks",
            "has banks, not among the choices: industry, research, public, finance, other",
        ),
        ("manager_experience_years", "75", "is more than 60"),
    ],
)
def test_a_value_that_breaks_its_question_is_refused_with_the_reason(
    definition: Definition, question: str, given: str, reason: str
) -> None:
    clean, problems = check_answers(definition, {question: given}, complete=False)
    assert [(p.question, p.value, p.reason) for p in problems] == [(question, given, reason)]
    assert question not in clean


def test_a_draft_needs_no_required_answer_but_a_submission_needs_them_all(
    definition: Definition,
) -> None:
    partial = {"members_total": "120"}
    clean, problems = check_answers(definition, partial, complete=False)
    assert (clean, problems) == ({"members_total": 120}, [])
    _clean, problems = check_answers(definition, partial, complete=True)
    required = [q.id for q in definition.questions() if q.required and q.id != "members_total"]
    assert [p.question for p in problems] == required
    assert {p.reason for p in problems} == {"an answer is required"}


def test_the_funding_shares_must_add_up_to_100_give_or_take_one(definition: Definition) -> None:
    _clean, problems = check_answers(
        definition, answers(funding_other_pct="0", funding_projects_pct="7"), complete=True
    )
    [problem] = problems
    assert problem.question == ""
    assert problem.questions[0] == "funding_membership_pct"
    assert problem.reason == (
        "the answers to funding_membership_pct, funding_public_pct, funding_services_pct, "
        "funding_projects_pct, funding_other_pct add up to 87; they must add up to 100 (± 1)"
    )
    ok, problems = check_answers(definition, answers(funding_other_pct="5,8"), complete=True)
    assert problems == [] and ok["funding_other_pct"] == 5.8


def test_the_funding_rule_waits_until_every_share_is_given(definition: Definition) -> None:
    partial = answers(funding_services_pct="", funding_projects_pct="", funding_other_pct="")
    _clean, problems = check_answers(definition, partial, complete=True)
    assert problems == []
    _clean, problems = check_answers(definition, answers(funding_other_pct="0"), complete=False)
    assert problems == []  # a draft may be half done


def test_reasons_are_given_in_the_language_of_the_page(definition: Definition) -> None:
    with translation.override("de"):
        _clean, problems = check_answers(definition, {"members_total": "viele"}, complete=True)
    assert problems[0].reason == "ist keine Zahl"
    assert "viele" in problems[0].message()
