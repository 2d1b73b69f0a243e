"""How `clusterhub import` behaves: all or nothing, reports, updates, provenance, mapping."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.audit.services import Actor
from clusterhub.ingest.models import ImportRun
from clusterhub.registry import services
from clusterhub.registry.models import Cluster, Cooperation, Member
from clusterhub.registry.records import cluster_tags
from tests.conftest import write_csv, write_json
from tests.helpers import (
    GOOD_CLUSTER,
    MINIMAL_CLUSTER,
    cluster_row,
    problem_lines,
    snapshot,
    write_rows,
    write_xlsx,
)

THIS_YEAR = dt.date.today().year

HOSTILE_TEXTS = [
    '<script>alert("x")</script>',
    '=HYPERLINK("http://evil.example","click")',
    "'; DROP TABLE registry_cluster; --",
    "Robert'); DROP TABLE students;--",
    "+420 123 456",
    "-5 %",
    "@SUM(A1:A9)",
    'She said "hello", then left',
    "Žluťoučký kůň úpěl ďábelské ódy \u2013 Łódź, Győr, Ærøskøbing",
    "  leading and trailing spaces  ",
    "first line\nsecond line",
    "tab\tinside",
    "emoji 🚀 and CJK 集群",
    "{{ template }} {% tag %} ${env}",
]


def members_rows() -> list[dict[str, str]]:
    return [
        {"cluster_id": "cz-1", "name": "Alfa s.r.o.", "type": "sme", "employees": "20"},
        {"cluster_id": "cz-1", "name": "Beta a.s.", "type": "large", "employees": "900"},
    ]


def import_file(cli, path: Path, *args: str) -> Any:  # type: ignore[no-untyped-def]
    outcome = cli("import", str(path), *args)
    assert outcome.ok, outcome.error + "\n" + outcome.stderr
    return outcome


# --- all or nothing ------------------------------------------------------------------------


def test_a_file_with_one_bad_row_among_good_ones_writes_nothing_at_all(cli, tmp_path: Path) -> None:
    before = snapshot()
    rows = [cluster_row(id=f"cz-{i}") for i in range(5)]
    rows[3]["website"] = "autoklastr.cz"
    outcome = cli("import", str(write_rows(tmp_path / "clusters.csv", rows)))
    assert not outcome.ok
    assert snapshot() == before
    assert not Cluster.objects.exists()
    assert not AuditEntry.objects.exists()
    assert not ImportRun.objects.exists()


def test_a_refused_file_leaves_existing_records_as_they_were(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row()]))
    before = snapshot()
    rows = [cluster_row(name="Renamed", founded="2010"), cluster_row(id="cz-2", lat="95")]
    assert not cli("import", str(write_rows(tmp_path / "clusters.csv", rows))).ok
    assert snapshot() == before
    cluster = Cluster.objects.get()
    assert (cluster.name, cluster.founded) == (GOOD_CLUSTER["name"], 2006)


def test_a_member_file_with_a_bad_row_writes_no_member(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row()]))
    before = snapshot()
    rows = [*members_rows(), {"cluster_id": "cz-1", "name": "Gama", "type": "startup"}]
    assert not cli("import", str(write_rows(tmp_path / "members.csv", rows))).ok
    assert snapshot() == before


# --- the report ----------------------------------------------------------------------------


def test_the_report_names_every_bad_row_with_file_row_column_value_and_reason(
    cli, tmp_path: Path
) -> None:
    rows = [
        cluster_row(id="cz-1", founded="1850"),
        cluster_row(id="cz-2"),
        cluster_row(id="cz-3", country="XX", nuts="", email="nobody"),
        cluster_row(id="cz-4"),
        cluster_row(id="cz-5", sectors="C29;A29"),
    ]
    outcome = cli("import", str(write_rows(tmp_path / "clusters.csv", rows)))
    assert problem_lines(outcome.stderr) == [
        "clusters.csv, row 2, column founded, value '1850': is not a year between 1900 and "
        f"{THIS_YEAR}",
        "clusters.csv, row 4, column country, value 'XX': is not an ISO 3166-1 alpha-2 country "
        "code (e.g. CZ, SK, PL)",
        "clusters.csv, row 4, column email, value 'nobody': is not an e-mail address",
        "clusters.csv, row 6, column sectors, value 'C29;A29': item 'A29' division 29 belongs "
        "to section C, not A",
    ]
    assert outcome.error == "clusters.csv was refused: 4 problem(s); nothing was imported."


def test_row_numbers_count_a_multi_line_quoted_field_as_one_row(cli, tmp_path: Path) -> None:
    text = (
        "id,name,description,country,founded\n"
        'cz-1,Alfa,"three\nline\ndescription",CZ,2001\n'
        "cz-2,Beta,short,CZ,1801\n"
        '"cz-3","Gama","two\r\nlines",CZ,1802\n'
    )
    outcome = cli("import", str(write_csv(tmp_path / "clusters.csv", text)))
    assert [line.split(", column")[0] for line in problem_lines(outcome.stderr)] == [
        "clusters.csv, row 3",
        "clusters.csv, row 4",
    ]


def test_blank_rows_are_skipped_but_counted(cli, tmp_path: Path) -> None:
    text = "id,name,country\ncz-1,Alfa,CZ\n,,\n\ncz-4,Delta,\n"
    outcome = cli("import", str(write_csv(tmp_path / "clusters.csv", text)))
    assert problem_lines(outcome.stderr) == [
        "clusters.csv, row 5, column country, value '': is required"
    ]


def test_row_numbers_in_a_workbook_count_the_title_rows_above_the_header(
    cli, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "clusters.xlsx",
        [
            ["Registr klastrů"],
            ["Stav k 1. 1. 2025"],
            [],
            ["id", "name", "country", "founded"],
            ["cz-1", "Alfa", "CZ", 2001],
            ["cz-2", "Beta", "CZ", 1850],
        ],
    )
    outcome = cli("import", str(path))
    assert problem_lines(outcome.stderr) == [
        "clusters.xlsx, row 6, column founded, value '1850': is not a year between 1900 and "
        f"{THIS_YEAR}"
    ]


def test_row_numbers_in_json_are_positions_in_the_list(cli, tmp_path: Path) -> None:
    rows = [dict(MINIMAL_CLUSTER, id=f"cz-{i}") for i in range(1, 4)]
    rows[2]["lat"] = 120
    rows[2]["lon"] = 18
    outcome = cli("import", str(write_json(tmp_path / "clusters.json", rows)))
    assert problem_lines(outcome.stderr) == [
        "clusters.json, row 3, column lat, value '120': is out of range for a latitude (-90 to 90)"
    ]


def test_a_row_with_more_cells_than_the_header_is_reported(cli, tmp_path: Path) -> None:
    text = "id,name,country\ncz-1,Alfa,CZ\ncz-2,Beta, s.r.o.,CZ\n"
    outcome = cli("import", str(write_csv(tmp_path / "clusters.csv", text)))
    assert "clusters.csv, row 3: has 4 cells but the header has 3" in problem_lines(outcome.stderr)


def test_long_values_are_shortened_in_the_report(cli, tmp_path: Path) -> None:
    outcome = cli("import", str(write_rows(tmp_path / "c.csv", [cluster_row(email="x" * 200)])))
    (line,) = problem_lines(outcome.stderr)
    assert f"value '{'x' * 77}...': is not an e-mail address" in line


def test_text_with_a_nul_character_is_refused_not_crashed_on(cli, tmp_path: Path) -> None:
    path = write_json(tmp_path / "clusters.json", [dict(MINIMAL_CLUSTER, name="a\x00b")])
    outcome = cli("import", str(path))
    assert problem_lines(outcome.stderr) == [
        "clusters.json, row 1, column name, value 'a\\x00b': contains a NUL character, which "
        "cannot be stored"
    ]


# --- broken input --------------------------------------------------------------------------


def _binary(path: Path) -> Path:
    path.write_bytes(b"\x00\x01\x02\x03PK\x05\x06")
    return path


def _truncated_xlsx(tmp_path: Path) -> Path:
    whole = write_xlsx(tmp_path / "whole.xlsx", [["id", "name", "country"], ["1", "A", "CZ"]])
    cut = tmp_path / "clusters.xlsx"
    cut.write_bytes(whole.read_bytes()[:300])
    return cut


BROKEN = [
    pytest.param(lambda d: write_csv(d / "c.csv", ""), "c.csv is empty.", id="empty"),
    pytest.param(
        lambda d: _binary(d / "c.csv"),
        "c.csv is not a text table (it contains binary data).",
        id="binary",
    ),
    pytest.param(_truncated_xlsx, "clusters.xlsx is not a readable workbook", id="truncated xlsx"),
    pytest.param(
        lambda d: write_csv(d / "c.json", '[{"id": "1", "name": '),
        "c.json is not valid JSON (parse error: premature EOF).",
        id="invalid json",
    ),
    pytest.param(
        lambda d: write_csv(d / "c.csv", "Kód;Název;Poznámka\n1;Alfa;x\n"),
        "c.csv has no recognisable header row: expected column names of the standard such as "
        "id, name, country",
        id="no header",
    ),
    pytest.param(
        lambda d: write_csv(d / "c.csv", "id,name,city\n1,Alfa,Brno\n"),
        "c.csv: the header row has no column country, which the clusters table requires",
        id="missing required column",
    ),
    pytest.param(
        lambda d: write_csv(d / "c.csv", "id,name,country,Name\n1,Alfa,CZ,Beta\n"),
        "c.csv: columns 'name' and 'Name' both give 'name'; keep one.",
        id="duplicate column",
    ),
    pytest.param(lambda d: d / "missing.csv", "missing.csv: no such file.", id="missing file"),
]


@pytest.mark.parametrize(("make", "message"), BROKEN)
def test_broken_input_gets_one_clear_sentence_and_no_traceback(
    cli, tmp_path: Path, make, message: str
) -> None:
    before = snapshot()
    outcome = cli("import", str(make(tmp_path)))
    assert not outcome.ok
    assert message in outcome.error
    assert "\n" not in outcome.error.strip()
    assert outcome.error.rstrip().endswith(".")
    assert "Traceback" not in outcome.stderr
    assert snapshot() == before


# --- re-import and updates -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "json", "xlsx"])
def test_importing_the_same_file_again_changes_nothing(cli, tmp_path: Path, kind: str) -> None:
    rows = [cluster_row(id=f"cz-{i}", name=f"Klastr {i}") for i in range(3)]
    if kind == "csv":
        path = write_rows(tmp_path / "clusters.csv", rows)
    elif kind == "json":
        path = write_json(tmp_path / "clusters.json", rows)
    else:
        path = write_xlsx(
            tmp_path / "clusters.xlsx", [list(rows[0]), *[list(r.values()) for r in rows]]
        )
    first = import_file(cli, path)
    assert "3 created, 0 updated, 0 unchanged" in first.stdout
    audit = AuditEntry.objects.count()
    again = import_file(cli, path)
    assert "0 created, 0 updated, 3 unchanged" in again.stdout
    assert AuditEntry.objects.count() == audit


def test_importing_the_same_members_and_cooperations_again_changes_nothing(
    cli, tmp_path: Path
) -> None:
    clusters = write_rows(
        tmp_path / "clusters.csv", [cluster_row(), cluster_row(id="sk-1", country="SK", nuts="")]
    )
    members = write_rows(tmp_path / "members.csv", members_rows())
    cooperations = write_rows(
        tmp_path / "cooperations.csv",
        [
            {"cluster_id": "cz-1", "partner_id": "sk-1", "kind": "project"},
            {"cluster_id": "cz-1", "partner_name": "BICC", "partner_country": "AT", "kind": ""},
        ],
    )
    for path in (clusters, members, cooperations):
        import_file(cli, path)
    before = snapshot()
    assert "0 created, 0 updated, 2 unchanged" in import_file(cli, members).stdout
    assert "0 created, 0 updated, 2 unchanged" in import_file(cli, cooperations).stdout
    assert "0 created, 0 updated, 2 unchanged" in import_file(cli, clusters).stdout
    after = snapshot()
    assert after.pop("runs") == before.pop("runs") + 3
    assert after == before


def test_a_changed_row_updates_the_record_and_keeps_the_change_in_the_history(
    cli, tmp_path: Path
) -> None:
    path = tmp_path / "clusters.csv"
    import_file(cli, write_rows(path, [cluster_row(), cluster_row(id="cz-2")]))
    cluster = Cluster.objects.get(source_id="cz-1")
    changed = [
        cluster_row(name="Nový název", founded="2010", ecosystems="digital"),
        cluster_row(id="cz-2"),
    ]
    outcome = import_file(cli, write_rows(path, changed))
    assert "0 created, 1 updated, 1 unchanged" in outcome.stdout
    cluster.refresh_from_db()
    assert (cluster.name, cluster.founded) == ("Nový název", 2010)
    assert cluster_tags(cluster)["ecosystems"] == ["digital"]
    entry = AuditEntry.objects.filter(model="cluster", object_id=str(cluster.pk)).first()
    assert entry is not None
    assert entry.action == "update"
    assert entry.changed_fields() == ["ecosystems", "founded", "name"]
    assert entry.before["founded"] == 2006
    assert entry.after["founded"] == 2010
    assert entry.before["name"] == GOOD_CLUSTER["name"]
    assert entry.after["name"] == "Nový název"
    assert entry.actor_name.startswith("import by ")
    assert entry.context == "import clusters.csv"
    assert AuditEntry.objects.filter(object_id=str(cluster.pk), model="cluster").count() == 2


def test_columns_absent_from_a_file_keep_their_values(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "full.csv", [cluster_row()]))
    outcome = import_file(
        cli, write_rows(tmp_path / "names.csv", [{**MINIMAL_CLUSTER, "name": "Jen název"}])
    )
    assert "1 updated" in outcome.stdout
    cluster = Cluster.objects.get()
    assert cluster.name == "Jen název"
    assert (cluster.founded, cluster.city, cluster.contact_name) == (
        2006,
        "Ostrava",
        "Jana Nováková",
    )
    assert cluster_tags(cluster)["sectors"] == ["C29", "C28.1"]


def test_a_changed_member_is_updated_with_its_history(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row()]))
    path = tmp_path / "members.csv"
    import_file(cli, write_rows(path, members_rows()))
    rows = members_rows()
    rows[1]["employees"] = "950"
    outcome = import_file(cli, write_rows(path, rows))
    assert "0 created, 1 updated, 1 unchanged" in outcome.stdout
    member = Member.objects.get(name="Beta a.s.")
    assert member.employees == 950
    entry = AuditEntry.objects.get(model="member", object_id=str(member.pk), action="update")
    assert (entry.before["employees"], entry.after["employees"]) == (900, 950)


def test_a_changed_cooperation_is_updated_and_completes_the_clusters_countries(
    cli, tmp_path: Path
) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row(cooperation_countries="")]))
    path = tmp_path / "cooperations.csv"
    row = {"cluster_id": "cz-1", "partner_name": "BICC", "partner_country": "AT", "kind": "project"}
    import_file(cli, write_rows(path, [row]))
    cluster = Cluster.objects.get()
    assert cluster_tags(cluster)["cooperation_countries"] == ["AT"]
    assert "cooperation_countries" in cluster.derived
    outcome = import_file(cli, write_rows(path, [{**row, "description": "Joint R&D"}]))
    assert "0 created, 1 updated, 0 unchanged" in outcome.stdout
    coop = Cooperation.objects.get()
    assert coop.description == "Joint R&D"
    entry = AuditEntry.objects.get(model="cooperation", action="update")
    assert (entry.before["description"], entry.after["description"]) == (None, "Joint R&D")


def test_every_successful_run_is_recorded_with_its_counts(cli, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(), cluster_row(id="cz-2")])
    import_file(cli, path, "--source", "cz-national")
    run = ImportRun.objects.get()
    assert (run.file_name, run.table, run.source) == ("clusters.csv", "clusters", "cz-national")
    assert (run.created, run.updated, run.unchanged) == (2, 0, 0)
    assert run.actor_name.startswith("import by ")


# --- provenance ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row_source", "option", "mapping_source", "country", "expected"),
    [
        ("row-source", "cli-source", "map-source", "CZ", "row-source"),
        ("", "cli-source", "map-source", "CZ", "cli-source"),
        ("", None, "map-source", "CZ", "map-source"),
        ("", None, None, "CZ", "CZ"),
        ("", None, None, "EL", "GR"),
    ],
    ids=["row column", "--source", "mapping", "country", "greek country"],
)
def test_the_source_is_the_row_column_else_the_option_else_the_mapping_else_the_country(
    cli,
    tmp_path: Path,
    row_source: str,
    option: str | None,
    mapping_source: str | None,
    country: str,
    expected: str,
) -> None:
    row = {**MINIMAL_CLUSTER, "country": country, "source": row_source}
    path = write_rows(tmp_path / "clusters.csv", [row])
    options: list[str] = []
    if option:
        options += ["--source", option]
    if mapping_source:
        mapping = tmp_path / "mapping.yaml"
        mapping.write_text(f"source: {mapping_source}\n", encoding="utf-8")
        options += ["--mapping", str(mapping)]
    import_file(cli, path, *options)
    assert Cluster.objects.get().source == expected


def test_the_same_id_from_two_sources_is_two_clusters(cli, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "clusters.csv", [MINIMAL_CLUSTER])
    import_file(cli, path, "--source", "cz-national")
    import_file(cli, path, "--source", "cz-regional")
    assert sorted(Cluster.objects.values_list("source", "source_id")) == [
        ("cz-national", "cz-1"),
        ("cz-regional", "cz-1"),
    ]


def test_an_overlong_source_name_is_refused_with_one_sentence(cli, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "clusters.csv", [MINIMAL_CLUSTER])
    outcome = cli("import", str(path), "--source", "s" * 101)
    assert not outcome.ok
    assert "is longer than 100 characters" in outcome.error
    assert not Cluster.objects.exists()


# --- dry run -------------------------------------------------------------------------------


def test_a_dry_run_checks_everything_and_writes_nothing(cli, tmp_path: Path) -> None:
    before = snapshot()
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(), cluster_row(id="cz-2")])
    outcome = import_file(cli, path, "--dry-run")
    assert outcome.stdout.strip() == (
        "clusters.csv: would import clusters - 2 created, 0 updated, 0 unchanged"
    )
    assert snapshot() == before


def test_a_dry_run_of_a_bad_file_reports_its_problems(cli, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(founded="1066")])
    outcome = cli("import", str(path), "--dry-run")
    assert not outcome.ok
    assert "clusters.csv, row 2, column founded, value '1066'" in outcome.stderr


def test_a_dry_run_of_an_update_shows_the_update_and_keeps_the_old_values(
    cli, tmp_path: Path
) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row()]))
    before = snapshot()
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(name="Changed")])
    assert "0 created, 1 updated" in import_file(cli, path, "--dry-run").stdout
    assert snapshot() == before
    assert Cluster.objects.get().name == GOOD_CLUSTER["name"]


# --- mapping files and headers -------------------------------------------------------------

CZECH_MAPPING = """\
table: clusters
source: cz-mpo
columns:
  Kód: id
  Název klastru: name
  Obor (NACE): sectors
  Ekosystémy: ecosystems
  Fáze: lifecycle
  Rok založení: founded
values:
  lifecycle:
    Rostoucí: growing
    Zralý: mature
  ecosystems:
    digitální: digital
    zemědělství a potraviny: agri-food
defaults:
  country: CZ
"""


def test_a_mapping_file_renames_national_headers_translates_words_and_fills_defaults(
    cli, tmp_path: Path
) -> None:
    mapping = tmp_path / "cz.yaml"
    mapping.write_text(CZECH_MAPPING, encoding="utf-8")
    text = (
        "Kód;Název klastru;Obor (NACE);Ekosystémy;Fáze;Rok založení;country\n"
        '101;Klastr Alfa;C29;"digitální; zemědělství a potraviny";rostoucí;2004;\n'
        "102;Klastr Beta;62;digital;ZRALÝ;1999;SK\n"
    )
    path = write_csv(tmp_path / "registr.csv", text, "cp1250")
    outcome = import_file(cli, path, "--mapping", str(mapping))
    assert "2 created" in outcome.stdout
    alfa = Cluster.objects.get(source_id="101")
    assert (alfa.source, alfa.country, alfa.lifecycle, alfa.founded) == (
        "cz-mpo",
        "CZ",
        "growing",
        2004,
    )
    assert cluster_tags(alfa)["ecosystems"] == ["digital", "agri-food"]
    beta = Cluster.objects.get(source_id="102")
    assert (beta.country, beta.lifecycle) == ("SK", "mature")
    assert cluster_tags(beta)["sectors"] == ["J62"]


def test_headers_match_ignoring_case_spaces_hyphens_and_underscores(cli, tmp_path: Path) -> None:
    text = " ID ,Name,COUNTRY,Members Total,members-sme,Name_EN\ncz-1,Alfa,CZ,10,4,Alpha\n"
    import_file(cli, write_csv(tmp_path / "clusters.csv", text))
    cluster = Cluster.objects.get()
    assert (cluster.members_total, cluster.members_sme, cluster.name_en) == (10, 4, "Alpha")


def test_columns_not_in_the_standard_are_reported_and_left_out(cli, tmp_path: Path) -> None:
    text = "id,name,country,Poznámka,internal_score\ncz-1,Alfa,CZ,interní,7\n"
    outcome = import_file(cli, write_csv(tmp_path / "clusters.csv", text))
    assert (
        "warning: clusters.csv: columns not in the standard were left out: Poznámka, "
        "internal_score" in outcome.stderr
    )
    assert Cluster.objects.get().name == "Alfa"


INVALID_MAPPINGS = [
    pytest.param("columns: [unclosed\n", "is not valid YAML", id="not yaml"),
    pytest.param("- id\n- name\n", "must be a YAML mapping with keys", id="a list"),
    pytest.param("colums:\n  Kód: id\n", "unknown keys ['colums']", id="misspelt key"),
    pytest.param("table: firms\n", "table 'firms' is not one of", id="unknown table"),
    pytest.param("columns:\n  Kód: identifier\n", "'identifier' is not a column", id="target"),
    pytest.param("columns: id\n", "'columns' must be a mapping", id="columns not a mapping"),
    pytest.param("values: [a, b]\n", "'values' must map columns", id="values not a mapping"),
]


@pytest.mark.parametrize(("content", "message"), INVALID_MAPPINGS)
def test_an_invalid_mapping_file_is_refused_with_one_sentence(
    cli, tmp_path: Path, content: str, message: str
) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(content, encoding="utf-8")
    path = write_rows(tmp_path / "clusters.csv", [MINIMAL_CLUSTER])
    outcome = cli("import", str(path), "--mapping", str(mapping))
    assert not outcome.ok
    assert outcome.error.startswith("mapping file ")
    assert message in outcome.error
    assert "\n" not in outcome.error
    assert not Cluster.objects.exists()


@pytest.mark.parametrize("where", ["missing.yaml", "."], ids=["missing", "a folder"])
def test_a_mapping_path_that_is_not_a_file_is_refused(cli, tmp_path: Path, where: str) -> None:
    path = write_rows(tmp_path / "clusters.csv", [MINIMAL_CLUSTER])
    outcome = cli("import", str(path), "--mapping", str(tmp_path / where))
    assert not outcome.ok
    assert outcome.error.startswith("mapping file ")


# --- Data Packages -------------------------------------------------------------------------


def make_package(
    folder: Path, resources: list[str] | None = None, **tables: list[dict[str, str]]
) -> Path:
    folder.mkdir(exist_ok=True)
    tables = {
        "clusters": [cluster_row(), cluster_row(id="sk-1", country="SK", nuts="", postcode="")],
        "members": members_rows(),
        "cooperations": [{"cluster_id": "cz-1", "partner_id": "sk-1", "kind": "memorandum"}],
        **tables,
    }
    for name, rows in tables.items():
        write_rows(folder / f"{name}.csv", rows)
    names = resources or list(tables)
    descriptor = {"resources": [{"name": n, "path": f"{n}.csv"} for n in names]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def test_a_data_package_folder_is_imported_clusters_first(cli, tmp_path: Path) -> None:
    package = make_package(tmp_path / "pkg", resources=["cooperations", "members", "clusters"])
    outcome = import_file(cli, package)
    assert outcome.stdout.splitlines() == [
        "clusters.csv: imported clusters - 2 created, 0 updated, 0 unchanged",
        "members.csv: imported members - 2 created, 0 updated, 0 unchanged",
        "cooperations.csv: imported cooperations - 1 created, 0 updated, 0 unchanged",
    ]
    assert Member.objects.count() == 2
    assert Cooperation.objects.get().partner == Cluster.objects.get(source_id="sk-1")


def test_a_data_package_descriptor_path_is_imported_and_table_picks_one_resource(
    cli, tmp_path: Path
) -> None:
    package = make_package(tmp_path / "pkg")
    import_file(cli, package / "datapackage.json", "--table", "clusters")
    assert (Cluster.objects.count(), Member.objects.count()) == (2, 0)
    import_file(cli, package / "datapackage.json", "--table", "members")
    assert Member.objects.count() == 2


def test_a_data_package_with_a_bad_member_writes_no_cluster_either(cli, tmp_path: Path) -> None:
    before = snapshot()
    bad_members = [*members_rows(), {"cluster_id": "cz-1", "name": "X", "employees": "-1"}]
    package = make_package(tmp_path / "pkg", members=bad_members)
    outcome = cli("import", str(package))
    assert problem_lines(outcome.stderr) == [
        "members.csv, row 4, column employees, value '-1': must not be negative"
    ]
    assert snapshot() == before


def test_a_bad_cluster_in_a_package_does_not_make_members_of_good_clusters_unknown(
    cli, tmp_path: Path
) -> None:
    clusters = [
        cluster_row(),
        cluster_row(id="sk-1", country="SK", nuts="", postcode=""),
        cluster_row(id="cz-2", founded="1492"),
    ]
    package = make_package(tmp_path / "pkg", clusters=clusters)
    outcome = cli("import", str(package))
    assert problem_lines(outcome.stderr) == [
        "clusters.csv, row 4, column founded, value '1492': is not a year between 1900 and "
        f"{THIS_YEAR}"
    ]
    assert not Cluster.objects.exists()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    ("descriptor", "message"),
    [
        ("{not json", "datapackage.json is not a valid Data Package descriptor"),
        ('{"resources": []}', "datapackage.json lists no resources."),
        (
            '{"resources": [{"name": "firms", "path": "firms.csv"}]}',
            "resource 'firms' is not a table of the standard",
        ),
        (
            '{"resources": [{"name": "clusters", "path": "../clusters.csv"}]}',
            "resource 'clusters' needs a relative path inside the package.",
        ),
        (
            '{"resources": [{"name": "clusters", "path": "nowhere.csv"}]}',
            "nowhere.csv: no such file.",
        ),
    ],
)
def test_a_broken_data_package_is_refused_with_one_sentence(
    cli, tmp_path: Path, descriptor: str, message: str
) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "datapackage.json").write_text(descriptor, encoding="utf-8")
    outcome = cli("import", str(folder))
    assert not outcome.ok
    assert message in outcome.error
    assert "\n" not in outcome.error


# --- hostile text --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "json", "xlsx"])
def test_hostile_text_is_stored_exactly_as_given(cli, tmp_path: Path, kind: str) -> None:
    texts = HOSTILE_TEXTS + (["carriage\r\nreturn"] if kind != "xlsx" else [])
    rows = [
        {"id": f"h-{i}", "name": text, "country": "CZ", "description": text, "city": text}
        for i, text in enumerate(texts)
    ]
    if kind == "csv":
        path = write_rows(tmp_path / "clusters.csv", rows)
    elif kind == "json":
        path = write_json(tmp_path / "clusters.json", rows)
    else:
        path = write_xlsx(
            tmp_path / "clusters.xlsx", [list(rows[0]), *[list(r.values()) for r in rows]]
        )
    import_file(cli, path)
    stored = {c.source_id: (c.name, c.description, c.city) for c in Cluster.objects.all()}
    assert stored == {f"h-{i}": (text, text, text) for i, text in enumerate(texts)}
    assert Cluster.objects.count() == len(texts)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_apostrophe_before_a_formula_in_a_spreadsheet_cell_is_taken_as_its_escape(
    cli, tmp_path: Path, kind: str
) -> None:
    texts = ["'=1+1", "''=1+1", "'@home", "'plain'", "'; DROP TABLE x; --"]
    rows = [{"id": f"q-{i}", "name": t, "country": "CZ"} for i, t in enumerate(texts)]
    if kind == "csv":
        path = write_rows(tmp_path / "clusters.csv", rows)
    else:
        path = write_xlsx(tmp_path / "c.xlsx", [list(rows[0]), *[list(r.values()) for r in rows]])
    import_file(cli, path)
    names = dict(Cluster.objects.values_list("source_id", "name"))
    assert [names[f"q-{i}"] for i in range(len(texts))] == [
        "=1+1",
        "'=1+1",
        "@home",
        "'plain'",
        "'; DROP TABLE x; --",
    ]


def test_json_text_is_never_unescaped(cli, tmp_path: Path) -> None:
    rows = [{"id": "q-1", "name": "'=1+1", "country": "CZ"}]
    import_file(cli, write_json(tmp_path / "clusters.json", rows))
    assert Cluster.objects.get().name == "'=1+1"


def test_hostile_member_names_are_stored_exactly(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [MINIMAL_CLUSTER]))
    rows = [{"cluster_id": "cz-1", "name": text} for text in HOSTILE_TEXTS]
    import_file(cli, write_rows(tmp_path / "members.csv", rows))
    assert sorted(Member.objects.values_list("name", flat=True)) == sorted(HOSTILE_TEXTS)


# --- derived locations ---------------------------------------------------------------------


def test_a_missing_nuts_code_is_derived_from_the_postcode(cli, tmp_path: Path) -> None:
    row = {**MINIMAL_CLUSTER, "postcode": "110 00", "nuts": ""}
    import_file(cli, write_rows(tmp_path / "clusters.csv", [row]))
    cluster = Cluster.objects.get()
    assert cluster.nuts_id == "CZ010"
    assert cluster.derived == ["nuts"]


def test_missing_coordinates_are_derived_from_the_city(cli, tmp_path: Path) -> None:
    row = {**MINIMAL_CLUSTER, "city": "Brno"}
    import_file(cli, write_rows(tmp_path / "clusters.csv", [row]))
    cluster = Cluster.objects.get()
    assert cluster.lat == pytest.approx(49.19, abs=0.05)
    assert cluster.lon == pytest.approx(16.6, abs=0.05)
    assert cluster.derived == ["lat", "lon"]


def test_given_locations_are_kept_and_not_marked_as_derived(cli, tmp_path: Path) -> None:
    import_file(cli, write_rows(tmp_path / "clusters.csv", [cluster_row(postcode="110 00")]))
    cluster = Cluster.objects.get()
    assert (cluster.nuts_id, cluster.lat, cluster.lon) == ("CZ080", 49.8209, 18.2625)
    assert cluster.derived == []


def test_derived_locations_are_stable_on_re_import_and_dropped_when_given(
    cli, tmp_path: Path
) -> None:
    path = tmp_path / "clusters.csv"
    row = {**MINIMAL_CLUSTER, "postcode": "110 00", "city": "Praha 1", "nuts": ""}
    import_file(cli, write_rows(path, [row]))
    assert Cluster.objects.get().derived == ["lat", "lon", "nuts"]
    assert "1 unchanged" in import_file(cli, write_rows(path, [row])).stdout
    import_file(cli, write_rows(path, [{**row, "lat": "50.087", "lon": "14.421"}]))
    cluster = Cluster.objects.get()
    assert cluster.derived == ["nuts"]
    assert (cluster.lat, cluster.lon) == (50.087, 14.421)


def test_an_unknown_city_derives_nothing(cli, tmp_path: Path) -> None:
    row = {**MINIMAL_CLUSTER, "city": "Nonexistentov nad Fikcí"}
    import_file(cli, write_rows(tmp_path / "clusters.csv", [row]))
    cluster = Cluster.objects.get()
    assert (cluster.lat, cluster.lon, cluster.derived) == (None, None, [])


def test_coordinates_outside_the_country_are_imported_with_a_warning(cli, tmp_path: Path) -> None:
    row = {**MINIMAL_CLUSTER, "lat": "37.98", "lon": "23.72"}
    outcome = import_file(cli, write_rows(tmp_path / "clusters.csv", [row]))
    assert "warning: clusters.csv, row 2: coordinates 37.98, 23.72 lie outside CZ" in (
        outcome.stderr
    )
    assert Cluster.objects.get().lat == 37.98


def test_services_and_the_importer_agree_on_what_is_unchanged(cli, tmp_path: Path) -> None:
    """A cluster written by a service (as the admin does) re-imports as unchanged."""
    values = {"id": "cz-1", "name": "Alfa", "country": "CZ", "sectors": ["C29"], "lat": 49.5}
    services.upsert_cluster({**values, "lon": 16.5}, source="CZ", actor=Actor.system("test"))
    row = {
        "id": "cz-1",
        "name": "Alfa",
        "country": "CZ",
        "sectors": "29",
        "lat": "49,5",
        "lon": "16.5",
    }
    outcome = import_file(cli, write_rows(tmp_path / "clusters.csv", [row]))
    assert "1 unchanged" in outcome.stdout


def test_a_bad_row_after_thousands_of_written_members_still_leaves_nothing(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    import_file(cli, write_rows(tmp / "clusters.csv", [MINIMAL_CLUSTER]))
    before = snapshot()
    rows = [
        {"cluster_id": "cz-1", "name": f"Firma {i} s.r.o.", "type": "sme"} for i in range(12_000)
    ]
    rows.append({"cluster_id": "cz-1", "name": "Pozdní chyba", "type": "giant"})
    outcome = cli("import", str(write_rows(tmp / "members.csv", rows)))
    assert not outcome.ok
    assert "members.csv, row 12002, column type, value 'giant'" in outcome.stderr
    assert snapshot() == before
    assert not Member.objects.exists()


def test_a_data_package_without_the_asked_table_is_refused_in_one_sentence(cli, tmp) -> None:  # type: ignore[no-untyped-def]
    package = tmp / "pkg"
    package.mkdir()
    write_rows(package / "clusters.csv", [MINIMAL_CLUSTER])
    (package / "datapackage.json").write_text(
        json.dumps({"resources": [{"name": "clusters", "path": "clusters.csv"}]}), encoding="utf-8"
    )
    outcome = cli("import", str(package), "--table", "members")
    assert not outcome.ok
    assert "has no resource named 'members'" in outcome.error
    assert not Cluster.objects.exists()
