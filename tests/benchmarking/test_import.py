"""Answers collected outside the portal come in from a file, checked by the form's rules;
a file with any problem is refused whole, with file, row, question and reason."""

from __future__ import annotations

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.benchmarking.models import Invitation, Response
from clusterhub.registry.services import upsert_cluster
from tests.benchmarking.surveys import (
    csv_row,
    fast_passwords,  # noqa: F401 (autouse)
    invite,
    open_survey,
    submit,
)
from tests.helpers import write_rows, write_xlsx
from tests.personas import SETUP

pytestmark = pytest.mark.django_db


def state() -> tuple[int, int, int]:
    return Response.objects.count(), Invitation.objects.count(), AuditEntry.objects.count()


def test_a_good_file_becomes_submitted_responses(cli, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster)
    path = write_rows(
        tmp_path / "answers.csv",
        [csv_row("cz-1"), csv_row("cz-2", members_total="30", legal_form="ltd")],
    )
    done = cli("survey", "import", str(path), "--survey", str(survey.pk))
    assert done.ok, done.stderr
    assert done.stdout.strip() == (
        f"answers.csv: imported 2 responses to survey {survey.pk} - 2 created, 0 updated, "
        "0 unchanged; 1 clusters added to the round (not mailed)"
    )
    other = Response.objects.get(cluster=personas.cz_other)
    assert other.status == "submitted" and other.submitted_by_name.startswith("survey import by")
    assert other.answers["members_total"] == 30 and other.answers["legal_form"] == "ltd"
    assert other.answers["services_most_used"] == ["networking", "training"]
    again = cli("survey", "import", str(path), "--survey", str(survey.pk))
    assert "0 created, 0 updated, 2 unchanged" in again.stdout


def test_every_problem_is_reported_with_row_and_question_and_nothing_is_written(
    cli, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    upsert_cluster(
        {"id": "cz-3", "name": "Třetí klastr", "country": "CZ"}, source="CZ", actor=SETUP
    )
    path = write_rows(
        tmp_path / "answers.csv",
        [
            csv_row("cz-1"),
            csv_row("cz-2", members_foreign="", member_satisfaction="7"),
            csv_row("cz-9"),
            csv_row("pl-1"),
            csv_row("cz-1"),
            csv_row("cz-3", funding_other_pct="20"),
        ],
    )
    before = state()
    refused = cli("survey", "import", str(path), "--survey", str(survey.pk))
    assert not refused.ok
    assert refused.error == "answers.csv was refused: 6 problem(s); nothing was imported."
    assert refused.stderr.splitlines() == [
        "answers.csv, row 3, column members_foreign, value '': an answer is required",
        "answers.csv, row 3, column member_satisfaction, value '7': is not a whole number from 1 to 5",
        "answers.csv, row 4, column cluster_id, value 'cz-9': is not the id of a cluster in the "
        "registry (import the clusters first)",
        f"answers.csv, row 5, column cluster_id, value 'pl-1': is a cluster of PL; survey "
        f"{survey.pk} asks the clusters of CZ",
        "answers.csv, row 6, column cluster_id, value 'cz-1': appears again (first in row 2)",
        "answers.csv, row 7: the answers to funding_membership_pct, funding_public_pct, "
        "funding_services_pct, funding_projects_pct, funding_other_pct add up to 115; they "
        "must add up to 100 (± 1)",
    ]
    assert state() == before


def test_a_dry_run_checks_and_counts_but_writes_nothing(cli, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    path = write_rows(tmp_path / "answers.csv", [csv_row("cz-1"), csv_row("cz-2")])
    before = state()
    dry = cli("survey", "import", str(path), "--survey", str(survey.pk), "--dry-run")
    assert dry.ok
    assert "would import 2 responses" in dry.stdout and "2 created" in dry.stdout
    assert state() == before


def test_submitted_answers_are_replaced_only_when_asked(cli, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster)
    submit(survey, personas.cz_cluster)
    path = write_rows(tmp_path / "answers.csv", [csv_row("cz-1", members_total="999")])
    refused = cli("survey", "import", str(path), "--survey", str(survey.pk))
    assert not refused.ok
    assert (
        "row 2, column cluster_id, value 'cz-1': has already submitted other answers"
        in refused.stderr
    )
    assert "use --replace" in refused.stderr
    replaced = cli("survey", "import", str(path), "--survey", str(survey.pk), "--replace")
    assert replaced.ok and "1 updated" in replaced.stdout
    assert Response.objects.get().answers["members_total"] == 999


def test_a_windows_1250_file_with_semicolons_and_an_xlsx_file_are_read(
    cli, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    legacy = write_rows(
        tmp_path / "odpovedi.csv",
        [csv_row("cz-1", awards="Cena hejtmana Moravskoslezského kraje, 2024")],
        encoding="cp1250",
        delimiter=";",
    )
    assert cli("survey", "import", str(legacy), "--survey", str(survey.pk)).ok
    assert Response.objects.get().answers["awards"].startswith("Cena hejtmana Moravskoslezského")
    row = csv_row("cz-2", members_total="31")
    workbook = write_xlsx(tmp_path / "answers.xlsx", [list(row), list(row.values())])
    assert cli("survey", "import", str(workbook), "--survey", str(survey.pk)).ok
    assert Response.objects.get(cluster=personas.cz_other).answers["members_total"] == 31


def test_unknown_columns_are_reported_and_a_file_without_cluster_id_is_unreadable(
    cli, personas, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    extra = write_rows(tmp_path / "extra.csv", [{**csv_row("cz-1"), "cluster_name": "MSAK"}])
    done = cli("survey", "import", str(extra), "--survey", str(survey.pk))
    assert done.ok
    assert "warning: extra.csv: columns that are no question of benchmarking-2026 v1" in done.stderr
    assert "cluster_name" in done.stderr
    nameless = write_rows(tmp_path / "nameless.csv", [{"name": "x", "members_total": "3"}])
    refused = cli("survey", "import", str(nameless), "--survey", str(survey.pk))
    assert not refused.ok and "has no header row with a cluster_id column" in refused.error
    assert not cli("survey", "import", str(extra), "--survey", "999").ok


def test_ids_shared_by_two_sources_need_the_source_named(cli, personas, tmp_path) -> None:  # type: ignore[no-untyped-def]
    upsert_cluster(
        {"id": "cz-1", "name": "Jiný klastr", "country": "CZ"}, source="cz-national", actor=SETUP
    )
    survey = open_survey("CZ")
    path = write_rows(tmp_path / "answers.csv", [csv_row("cz-1")])
    refused = cli("survey", "import", str(path), "--survey", str(survey.pk))
    assert "is the id of clusters of several sources (CZ, cz-national)" in refused.stderr
    done = cli("survey", "import", str(path), "--survey", str(survey.pk), "--source", "CZ")
    assert done.ok
    assert Response.objects.get().cluster == personas.cz_cluster


def test_survey_list_shows_questionnaires_and_rounds_with_counts(cli, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster)
    submit(survey, personas.cz_cluster)
    listed = cli("survey", "list")
    assert "questionnaire benchmarking-2026 v1" in listed.stdout
    assert f"survey {survey.pk}: Benchmarking CZ 2026 [benchmarking-2026 v1] CZ" in listed.stdout
    assert "1 invited, 0 drafts, 1 submitted" in listed.stdout
