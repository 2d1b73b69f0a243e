"""Questionnaire files: checked whole on load, with file, question and reason; published as
versions that never change."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.benchmarking.definition import AREAS
from clusterhub.benchmarking.loading import DEFAULT_FILE, load_file
from clusterhub.benchmarking.models import Questionnaire
from clusterhub.lib.refusal import Refused
from tests.benchmarking.surveys import (
    default_document,
    fast_passwords,  # noqa: F401 (autouse)
    question_of,
    write_yaml,
)

# The questions the indicators are computed from, by area, with their types.
INDICATOR_QUESTIONS = {
    "structure": {"members_3y_ago": "integer", "members_foreign": "integer"},
    "management": {
        "legal_form": "single",
        "board_composition": "multiple",
        "strategy_updated": "year",
        "manager_experience_years": "number",
    },
    "financing": {
        "annual_budget_eur": "money",
        "funding_membership_pct": "percent",
        "funding_public_pct": "percent",
        "funding_services_pct": "percent",
        "funding_projects_pct": "percent",
        "funding_other_pct": "percent",
    },
    "services": {
        "events_per_year": "integer",
        "training_participants": "integer",
        "services_most_used": "multiple",
        "needs_priority": "multiple",
    },
    "interaction": {
        "member_meetings_per_year": "integer",
        "members_in_joint_projects_pct": "percent",
        "joint_projects": "integer",
        "member_satisfaction": "scale",
    },
    "achievements": {
        "international_projects": "integer",
        "eu_funding_eur": "money",
        "new_products_or_services": "integer",
        "patent_applications": "integer",
        "awards": "text",
    },
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(Refused) as error:
        load_file(path)
    return [str(p) for p in error.value.problems]


def test_the_default_questionnaire_asks_what_the_indicators_need_in_six_areas(db) -> None:  # type: ignore[no-untyped-def]
    definition = load_file(DEFAULT_FILE)
    assert [s.area for s in definition.sections] == list(AREAS)
    for area, questions in INDICATOR_QUESTIONS.items():
        for question_id, kind in questions.items():
            question = definition.question(question_id)
            assert (question.area, question.type) == (area, kind), question_id
    legal = definition.question("legal_form").choice_ids()
    assert legal == ["association", "ltd", "cooperative", "public-body", "informal", "other"]
    board = definition.question("board_composition").choice_ids()
    assert board == ["industry", "research", "public", "finance", "other"]
    assert "networking" in definition.question("services_most_used").choice_ids()
    assert [r.questions for r in definition.rules] == [
        tuple(q for q in INDICATOR_QUESTIONS["financing"] if q.endswith("_pct"))
    ]


def test_every_label_of_the_default_questionnaire_is_in_six_languages(db) -> None:  # type: ignore[no-untyped-def]
    definition = load_file(DEFAULT_FILE)
    languages = {"en", "cs", "sk", "pl", "hu", "de"}
    assert set(definition.title) == languages
    for question in definition.questions():
        assert set(question.label) == languages, question.id
        assert question.help is None or set(question.help) == languages, question.id
        for choice in question.choices:
            assert set(choice.label) == languages, (question.id, choice.id)
    services = definition.question("services_most_used")
    assert services.choice_label("training", "de") == "Weiterbildung und Kompetenzentwicklung"


def test_a_wrong_type_a_missing_translation_and_an_unknown_key_are_each_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = default_document()
    question_of(document, "members_foreign")["type"] = "integr"
    del question_of(document, "legal_form")["label"]["hu"]
    question_of(document, "events_per_year")["requried"] = True
    path = write_yaml(tmp_path / "broken.yaml", document)
    assert problems_of(path) == [
        "broken.yaml, question members_foreign: type 'integr' is not one of: single, multiple, "
        "integer, number, percent, money, year, yes_no, scale, text",
        "broken.yaml, question legal_form: the label has no hu text",
        "broken.yaml, question events_per_year: unknown key 'requried' (known keys: area, "
        "choices, choices_from, help, id, label, max, min, required, type)",
    ]


def test_choices_repeated_ids_and_bounds_are_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = default_document()
    question_of(document, "legal_form")["choices"][1]["id"] = "association"
    question_of(document, "members_total")["choices"] = [{"id": "a"}]
    question_of(document, "funding_public_pct")["max"] = 120
    question_of(document, "annual_budget_eur")["min"] = "nothing"
    document["sections"][1]["questions"].append(dict(question_of(document, "members_sme")))
    path = write_yaml(tmp_path / "q.yaml", document)
    assert problems_of(path) == [
        "q.yaml, question members_total: a integer question has no choices (only single and multiple)",
        "q.yaml, question legal_form, choice association: appears twice",
        "q.yaml, question members_sme: appears twice (question ids are unique)",
        "q.yaml, question annual_budget_eur: min 'nothing' is not a number",
        "q.yaml, question funding_public_pct: min and max of a percent question lie between 0 and 100",
    ]


def test_a_rule_must_name_number_questions_of_the_questionnaire(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = default_document()
    document["rules"][0]["questions"][1] = "funding_state_pct"
    document["rules"].append(
        {"id": "odd", "kind": "product", "questions": ["legal_form", "members_total"]}
    )
    path = write_yaml(tmp_path / "rules.yaml", document)
    assert problems_of(path) == [
        "rules.yaml, rule funding_shares: 'funding_state_pct' is not a question of this questionnaire",
        "rules.yaml, rule odd: kind 'product' is not one of: sum",
        "rules.yaml, rule odd: question legal_form is not a number (it is single)",
    ]


def test_broken_yaml_and_repeated_keys_name_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nversion: [1\n", encoding="utf-8")
    [problem] = problems_of(broken)
    assert problem.startswith("broken.yaml, line 3: is not valid YAML")
    twice = tmp_path / "twice.yaml"
    twice.write_text("id: x\nversion: 1\nversion: 2\n", encoding="utf-8")
    assert problems_of(twice) == [
        "twice.yaml, line 3: is not valid YAML: key 'version' appears twice"
    ]


def test_yes_and_no_as_unquoted_choice_ids_are_refused_with_a_hint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = default_document()
    question_of(document, "legal_form")["choices"][0]["id"] = True
    path = write_yaml(tmp_path / "yes.yaml", document)
    assert problems_of(path) == [
        "yes.yaml, question legal_form, choice 1: id must be text (quote yes, no, on and off in YAML)"
    ]


def test_survey_check_reports_a_valid_file_and_fails_on_a_broken_one(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ok = cli("survey", "check", str(DEFAULT_FILE))
    assert ok.ok
    assert "benchmarking-2026 version 1 is valid - 6 sections" in ok.stdout
    document = default_document()
    question_of(document, "awards")["type"] = "essay"
    bad = cli("survey", "check", str(write_yaml(tmp_path / "bad.yaml", document)))
    assert not bad.ok
    assert "bad.yaml, question awards: type 'essay' is not one of" in bad.error
    missing = cli("survey", "check", str(tmp_path / "none.yaml"))
    assert not missing.ok and "no such file" in missing.error


def test_publishing_stores_a_version_once_and_an_unchanged_file_again_is_a_no_op(cli) -> None:  # type: ignore[no-untyped-def]
    first = cli("survey", "publish", str(DEFAULT_FILE))
    assert first.ok and "published benchmarking-2026 v1" in first.stdout
    again = cli("survey", "publish", str(DEFAULT_FILE))
    assert again.ok and "already published with this content" in again.stdout
    questionnaire = Questionnaire.objects.get()
    assert questionnaire.spec.question("members_foreign").type == "integer"
    assert AuditEntry.objects.filter(model="questionnaire").count() == 1


def test_a_changed_file_with_the_same_version_is_refused_until_the_version_is_raised(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("survey", "publish", str(DEFAULT_FILE)).ok
    document = default_document()
    question_of(document, "awards")["label"]["en"] = "Which prizes has the cluster won?"
    changed = write_yaml(tmp_path / "changed.yaml", document)
    refused = cli("survey", "publish", str(changed))
    assert not refused.ok
    assert "benchmarking-2026 version 1 is already published with other content" in refused.error
    assert "raise the version (to 2)" in refused.error
    document["version"] = 2
    assert cli("survey", "publish", str(write_yaml(changed, document))).ok
    assert list(Questionnaire.objects.values_list("version", flat=True)) == [2, 1]
    older = dict(document, version=1)
    older["title"] = dict(document["title"], en="Old")
    refused = cli("survey", "publish", str(write_yaml(tmp_path / "old.yaml", older)))
    assert not refused.ok and "already published" in refused.error
