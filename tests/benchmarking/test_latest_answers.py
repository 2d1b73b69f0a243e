"""`latest_answers`: each cluster's latest submitted answers, typed, for the indicators."""

from __future__ import annotations

import datetime as dt

import pytest

from clusterhub.benchmarking.answers import latest_answers
from clusterhub.benchmarking.loading import DEFAULT_FILE, check_definition
from clusterhub.benchmarking.services import publish, save_response
from tests.benchmarking.surveys import (
    default_document,
    fast_passwords,  # noqa: F401 (autouse)
    invite,
    open_survey,
    question_of,
    submit,
)
from tests.personas import SETUP

pytestmark = pytest.mark.django_db


def test_submitted_answers_come_back_typed_per_cluster(personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("")
    invite(survey, personas.cz_cluster, personas.pl_cluster, personas.cz_other)
    submit(survey, personas.cz_cluster)
    submit(survey, personas.pl_cluster, funding_public_pct="40,0", member_satisfaction="2")
    save_response(survey, personas.cz_other, {"members_total": "5"}, submit=False, actor=SETUP)
    answers = latest_answers("benchmarking-2026")
    assert set(answers) == {personas.cz_cluster.pk, personas.pl_cluster.pk}  # no drafts
    cz = answers[personas.cz_cluster.pk]
    assert cz["members_3y_ago"] == 100 and type(cz["members_3y_ago"]) is int
    assert cz["annual_budget_eur"] == 450000.0 and type(cz["annual_budget_eur"]) is float
    assert cz["funding_public_pct"] == 40.0 and type(cz["funding_public_pct"]) is float
    assert cz["staff_fte"] == 3.5
    assert cz["strategy_updated"] == 2024 and type(cz["strategy_updated"]) is int
    assert cz["legal_form"] == "association"
    assert cz["board_composition"] == ["industry", "research"]
    assert cz["member_satisfaction"] == 4 and type(cz["member_satisfaction"]) is int
    assert isinstance(cz["awards"], str)
    assert answers[personas.pl_cluster.pk]["member_satisfaction"] == 2
    assert set(latest_answers("benchmarking-2026", countries=["PL"])) == {personas.pl_cluster.pk}
    assert latest_answers("another-questionnaire") == {}


def test_the_latest_round_wins_over_earlier_ones_and_versions(personas) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    earlier = open_survey(
        "CZ", opens_on=today - dt.timedelta(days=400), closes_on=today + dt.timedelta(days=1)
    )
    invite(earlier, personas.cz_cluster)
    submit(earlier, personas.cz_cluster, members_total="90")
    document = default_document()
    document["version"] = 2
    question_of(document, "awards")["label"]["en"] = "Which prizes has the cluster won?"
    version_2, _ = publish(check_definition(document, DEFAULT_FILE.name), actor=SETUP)
    later = open_survey("CZ", questionnaire=version_2)
    invite(later, personas.cz_cluster)
    submit(later, personas.cz_cluster, members_total="130")
    assert latest_answers("benchmarking-2026")[personas.cz_cluster.pk]["members_total"] == 130
