"""`clusterhub import FILE --table policy_initiatives`: the importer's rules, reports and all
or nothing, as for clusters."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from clusterhub.accounts.models import CoordinatorRole, User
from clusterhub.audit.models import AuditEntry
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.report import ImportRefused
from clusterhub.policy.models import Initiative, InitiativeTag
from clusterhub.policy.records import initiative_record
from tests.helpers import problem_lines, write_rows, write_xlsx
from tests.policy.rows import GOOD_INITIATIVE, add, initiative_row

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "initiatives": Initiative.objects.count(),
        "tags": InitiativeTag.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def import_ok(cli: Any, path: Path, *args: str) -> Any:
    outcome = cli("import", str(path), "--table", "policy_initiatives", *args)
    assert outcome.ok, outcome.error + "\n" + outcome.stderr
    return outcome


def assert_refused(outcome: Any, file: str, row: int, column: str, reason: str) -> None:
    assert not outcome.ok, outcome.stdout
    assert f"{file} was refused" in outcome.error
    lines = problem_lines(outcome.stderr)
    wanted = f"{file}, row {row}, column {column}, value "
    assert any(line.startswith(wanted) and reason in line for line in lines), lines


def test_a_good_file_in_windows_1250_with_semicolons_imports_every_column(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_rows(
        tmp_path / "iniciativy.csv", [GOOD_INITIATIVE], encoding="cp1250", delimiter=";"
    )
    outcome = import_ok(cli, path)
    assert "imported policy_initiatives - 1 created, 0 updated, 0 unchanged" in outcome.stdout
    initiative = Initiative.objects.get(code="cz-msk-voucher")
    assert initiative.name == GOOD_INITIATIVE["name"]
    assert initiative.budget == Decimal("20000000.50")
    assert (initiative.currency, initiative.region_id) == ("CZK", "CZ080")
    assert (initiative.starts_on, initiative.ends_on) == (
        dt.date(2024, 3, 1),
        dt.date(2026, 12, 31),
    )
    record = initiative_record(initiative)
    assert record["sectors"] == ["C29", "C28"]
    assert record["ecosystems"] == ["mobility-transport-automotive"]
    assert record["start"] == "2024-03-01" and record["end"] == "2026"
    assert record["source"] == "CZ"  # no source column nor --source: the country
    entry = AuditEntry.objects.get(model="policy_initiative")
    assert entry.action == "create" and entry.after["budget"] == 20000000.5


def test_importing_the_same_file_again_changes_nothing_and_a_change_updates(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_rows(tmp_path / "a.csv", [GOOD_INITIATIVE])
    import_ok(cli, path)
    before = counts()
    assert "0 created, 0 updated, 1 unchanged" in import_ok(cli, path).stdout
    assert counts() == before
    changed = write_rows(tmp_path / "b.csv", [initiative_row(end="2027", sectors="C29")])
    assert "0 created, 1 updated, 0 unchanged" in import_ok(cli, changed).stdout
    initiative = Initiative.objects.get()
    assert initiative.ends_on == dt.date(2027, 12, 31)
    assert initiative_record(initiative)["sectors"] == ["C29"]


def test_xlsx_and_json_files_import_too_and_the_table_is_recognised(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    header = list(GOOD_INITIATIVE)
    xlsx = write_xlsx(tmp_path / "measures.xlsx", [header, list(GOOD_INITIATIVE.values())])
    outcome = cli("import", str(xlsx))  # no --table: code and level give the table away
    assert outcome.ok, outcome.error + outcome.stderr
    assert "imported policy_initiatives - 1 created" in outcome.stdout
    data = [{"code": "eu-call", "name": "EU call", "level": "eu", "start": 2021, "end": 2027}]
    path = tmp_path / "eu.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    import_ok(cli, path, "--source", "eu-portal")
    eu = Initiative.objects.get(code="eu-call")
    assert (eu.start, eu.end, eu.source, eu.currency) == ("2021", "2027", "eu-portal", "EUR")


def test_a_dry_run_checks_and_writes_nothing(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_rows(tmp_path / "a.csv", [GOOD_INITIATIVE])
    outcome = import_ok(cli, path, "--dry-run")
    assert "would import policy_initiatives - 1 created" in outcome.stdout
    assert counts() == {"initiatives": 0, "tags": 0, "audit": 0}


REFUSALS = [
    pytest.param(
        {"level": "federal"}, "level", "is not one of: eu, national, regional", id="bad level"
    ),
    pytest.param(
        {"region": "SK031"}, "region", "does not lie in country CZ", id="region elsewhere"
    ),
    pytest.param(
        {"start": "2026", "end": "2025-12-31"}, "end", "is before start", id="end before start"
    ),
    pytest.param({"budget": "-5"}, "budget", "must not be negative", id="negative budget"),
    pytest.param({"budget": "10.005"}, "budget", "more than two decimals", id="budget cents"),
    pytest.param({"link": "www.example.org"}, "link", "is not an http(s) URL", id="no scheme"),
    pytest.param({"link": "javascript:alert(1)"}, "link", "is not an http(s) URL", id="javascript"),
    pytest.param(
        {"country": "", "region": ""},
        "country",
        "is required unless the level is eu",
        id="no country",
    ),
    pytest.param({"region": ""}, "region", "is required for a regional initiative", id="no region"),
    pytest.param(
        {"level": "eu"}, "country", "must be empty for an EU-level initiative", id="eu country"
    ),
    pytest.param({"currency": "EURO"}, "currency", "ISO 4217", id="currency"),
    pytest.param(
        {"code": "CZ MSK voucher"}, "code", "lower-case letters, digits and hyphens", id="code"
    ),
    pytest.param({"code": "new"}, "code", "is reserved", id="reserved code"),
    pytest.param({"start": "twenty-one"}, "start", "is not a year or a date", id="start"),
    pytest.param({"sectors": "C29;A29"}, "sectors", "belongs to section C", id="sector"),
    pytest.param(
        {"ecosystems": "banking"}, "ecosystems", "item 'banking' is not one of", id="ecosystem"
    ),
    pytest.param({"instrument": "subsidy"}, "instrument", "is not one of: grant", id="instrument"),
]


@pytest.mark.parametrize(("cells", "column", "reason"), REFUSALS)
def test_a_bad_cell_refuses_the_file_naming_file_row_and_column(
    cli, tmp_path, cells, column, reason
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        initiative_row(code="cz-first"),
        initiative_row(code="cz-second"),
        initiative_row(code="cz-third", **cells)
        if "code" not in cells
        else initiative_row(**cells),
    ]
    path = write_rows(tmp_path / "measures.csv", rows)
    outcome = cli("import", str(path), "--table", "policy_initiatives")
    assert_refused(outcome, "measures.csv", 4, column, reason)
    # Nothing is half-written: the two good rows before the bad one are not stored either.
    assert counts() == {"initiatives": 0, "tags": 0, "audit": 0}


def test_every_problem_of_a_file_is_reported_at_once(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        initiative_row(level="federal"),
        initiative_row(code="b", budget="-1", link="ftp://example.org"),
        initiative_row(code="c"),
        initiative_row(code="c"),
    ]
    outcome = cli(
        "import", str(write_rows(tmp_path / "x.csv", rows)), "--table", "policy_initiatives"
    )
    lines = problem_lines(outcome.stderr)
    assert len(lines) == 4, lines
    assert lines[0].startswith("x.csv, row 2, column level")
    assert any(line.startswith("x.csv, row 3, column budget") for line in lines)
    assert any(line.startswith("x.csv, row 3, column link") for line in lines)
    assert lines[-1].startswith("x.csv, row 5, column code") and "first in row 4" in lines[-1]


def test_a_row_that_breaks_a_rule_with_the_stored_columns_it_leaves_out_is_refused(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    add("cz-programme", country="CZ", start="2021", end="2027")
    # The file changes the start only: 2028 would come after the stored end.
    path = write_rows(
        tmp_path / "partial.csv",
        [
            {
                "code": "cz-programme",
                "name": "Program",
                "level": "national",
                "country": "CZ",
                "start": "2028",
            }
        ],
    )
    outcome = cli("import", str(path), "--table", "policy_initiatives")
    assert_refused(outcome, "partial.csv", 2, "end", "is before start")
    assert Initiative.objects.get().start == "2021"


def test_a_coordinators_import_is_limited_to_their_country_and_never_the_eu_level(
    db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    add("pl-programme", country="PL")
    coordinator = User.objects.create_user("koordinator", "k@example.cz", "A-long-passphrase-42")
    CoordinatorRole.objects.create(user=coordinator, country="CZ")
    for cells, column in [
        ({"code": "eu-call", "level": "eu", "country": "", "region": ""}, "level"),
        ({"code": "pl-new", "country": "PL", "region": "PL213"}, "country"),
        ({"code": "pl-programme", "level": "national", "country": "CZ", "region": ""}, "code"),
    ]:
        path = write_rows(tmp_path / "coordinator.csv", [initiative_row(**cells)])
        with pytest.raises(ImportRefused) as refused:
            run_import(path, table="policy_initiatives", user=coordinator)
        problems = refused.value.results[0].problems
        assert [(p.row, p.column) for p in problems] == [(2, column)]
    assert Initiative.objects.get().country == "PL"
    results = run_import(
        write_rows(tmp_path / "mine.csv", [GOOD_INITIATIVE]),
        table="policy_initiatives",
        user=coordinator,
    )
    assert results[0].counts["created"] == 1


def test_an_export_imports_back_into_the_same_file(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import_ok(cli, write_rows(tmp_path / "a.csv", [GOOD_INITIATIVE]))
    add("eu-call", level="eu", start="2021", end="2027", budget="1000000")
    first = tmp_path / "first.csv"
    assert cli("export", "policy_initiatives", "--out", str(first)).ok
    Initiative.objects.all().delete()
    import_ok(cli, first)
    second = tmp_path / "second.csv"
    assert cli("export", "policy_initiatives", "--out", str(second)).ok
    assert first.read_bytes() == second.read_bytes()
    assert "cz-msk-voucher" in first.read_text(encoding="utf-8")
