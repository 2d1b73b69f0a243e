"""Every rule of the standard, enforced by `clusterhub import`: a bad row refuses the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from clusterhub.audit.services import Actor
from clusterhub.registry import services
from clusterhub.registry.models import Cluster, Cooperation, Member
from clusterhub.registry.records import cluster_record
from tests.helpers import cluster_row, problem_lines, snapshot, write_rows

THIS_YEAR = dt.date.today().year
TEST_ACTOR = Actor.system("test")


def add_cluster(source_id: str, country: str = "CZ", source: str | None = None) -> Cluster:
    values = {"id": source_id, "name": f"Cluster {source_id}", "country": country}
    cluster, _ = services.upsert_cluster(values, source=source or country, actor=TEST_ACTOR)
    return cluster


def assert_refused(outcome: Any, file: str, row: int, column: str, reason: str) -> None:
    assert not outcome.ok, outcome.stdout
    assert f"{file} was refused" in outcome.error
    assert "nothing was imported" in outcome.error
    lines = problem_lines(outcome.stderr)
    wanted = f"{file}, row {row}, column {column}, value "
    assert any(line.startswith(wanted) and reason in line for line in lines), lines


# --- clusters ------------------------------------------------------------------------------

CLUSTER_RULES = [
    pytest.param({"id": ""}, "id", "is required", id="id is required"),
    pytest.param({"id": "x" * 101}, "id", "is longer than 100 characters", id="id length"),
    pytest.param({"name": "   "}, "name", "is required", id="name is required"),
    pytest.param({"country": ""}, "country", "is required", id="country is required"),
    pytest.param({"country": "XX", "nuts": ""}, "country", "ISO 3166-1", id="unknown country"),
    pytest.param({"country": "CZE", "nuts": ""}, "country", "ISO 3166-1", id="alpha-3 country"),
    pytest.param({"nuts": "CZ"}, "nuts", "NUTS code of level 1-3", id="nuts level 0"),
    pytest.param({"nuts": "CZ0801"}, "nuts", "NUTS code of level 1-3", id="nuts too long"),
    pytest.param({"nuts": "SK010"}, "nuts", "does not lie in country CZ", id="nuts elsewhere"),
    pytest.param(
        {"country": "EL", "nuts": "GR30", "lat": "37.98", "lon": "23.72"},
        "nuts",
        "NUTS codes there start EL",
        id="greek nuts with GR",
    ),
    pytest.param({"lat": "91"}, "lat", "out of range for a latitude", id="lat range"),
    pytest.param({"lon": "-180.01"}, "lon", "out of range for a longitude", id="lon range"),
    pytest.param({"lat": "49°49'"}, "lat", "is not a number", id="lat in degrees"),
    pytest.param(
        {"lon": ""}, "lon", "is required when the other coordinate is given", id="lat alone"
    ),
    pytest.param(
        {"lat": ""}, "lat", "is required when the other coordinate is given", id="lon alone"
    ),
    pytest.param({"website": "ftp://autoklastr.cz"}, "website", "http(s) URL", id="ftp site"),
    pytest.param({"website": "www.autoklastr.cz"}, "website", "http(s) URL", id="no scheme"),
    pytest.param({"website": "javascript:alert(1)"}, "website", "http(s) URL", id="javascript"),
    pytest.param({"email": "info@autoklastr"}, "email", "e-mail address", id="email"),
    pytest.param(
        {"contact_email": "jana at autoklastr.cz"}, "contact_email", "e-mail", id="contact email"
    ),
    pytest.param({"founded": "1899"}, "founded", "is not a year between 1900", id="too old"),
    pytest.param(
        {"founded": str(THIS_YEAR + 1)}, "founded", "is not a year between 1900", id="future"
    ),
    pytest.param({"founded": "2O06"}, "founded", "is not a number", id="founded letter O"),
    pytest.param(
        {"sectors": "A29"}, "sectors", "division 29 belongs to section C, not A", id="nace section"
    ),
    pytest.param(
        {"sectors": "C29;04"}, "sectors", "has no NACE Rev. 2 division 04", id="nace division"
    ),
    pytest.param({"sectors": "C29;automotive"}, "sectors", "item 'automotive'", id="nace word"),
    pytest.param({"ecosystems": "digital;space"}, "ecosystems", "is not one of", id="ecosystem"),
    pytest.param({"services": "coffee"}, "services", "is not one of", id="service"),
    pytest.param({"needs": "networking;money"}, "needs", "item 'money'", id="need"),
    pytest.param({"lifecycle": "booming"}, "lifecycle", "is not one of", id="lifecycle"),
    pytest.param({"label": "platinum"}, "label", "is not one of: none, bronze", id="label"),
    pytest.param(
        {"members_sme": "51"},
        "members_total",
        "is less than the sum of the member counts by type (71)",
        id="member sums",
    ),
    pytest.param({"members_sme": "-1"}, "members_sme", "must not be negative", id="negative"),
    pytest.param({"members_total": "60.5"}, "members_total", "whole number", id="fraction"),
    pytest.param({"members_total": "1e12"}, "members_total", "is too large", id="huge count"),
    pytest.param({"staff_fte": "-0,5"}, "staff_fte", "must not be negative", id="negative fte"),
    pytest.param(
        {"label_valid_until": "2027-02-30"}, "label_valid_until", "is not a date", id="bad date"
    ),
    pytest.param({"updated": "yesterday"}, "updated", "is not a date", id="date word"),
    pytest.param(
        {"cooperation_countries": "SK;XX"}, "cooperation_countries", "item 'XX'", id="coop country"
    ),
    pytest.param({"postcode": "7" * 41}, "postcode", "longer than 40", id="postcode length"),
]


@pytest.mark.parametrize(("changes", "column", "reason"), CLUSTER_RULES)
def test_it_refuses_a_cluster_file_with_a_row_breaking_a_rule_and_writes_nothing(
    cli, tmp_path: Path, changes: dict[str, str], column: str, reason: str
) -> None:
    before = snapshot()
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(id="cz-0"), cluster_row(**changes)])
    outcome = cli("import", str(path))
    assert_refused(outcome, "clusters.csv", 3, column, reason)
    assert snapshot() == before


def test_it_refuses_a_file_with_a_bad_founded_year_and_writes_nothing(cli, tmp_path: Path) -> None:
    before = snapshot()
    path = write_rows(tmp_path / "clusters.csv", [cluster_row(founded="1850")])
    outcome = cli("import", str(path))
    assert problem_lines(outcome.stderr) == [
        f"clusters.csv, row 2, column founded, value '1850': is not a year between 1900 "
        f"and {THIS_YEAR}"
    ]
    assert outcome.error == "clusters.csv was refused: 1 problem(s); nothing was imported."
    assert snapshot() == before


def test_a_cluster_id_may_appear_only_once_per_source_in_a_file(cli, tmp_path: Path) -> None:
    rows = [cluster_row(), cluster_row(name="Again"), cluster_row(source="other")]
    outcome = cli("import", str(write_rows(tmp_path / "clusters.csv", rows)))
    assert problem_lines(outcome.stderr) == [
        "clusters.csv, row 3, column id, value 'cz-1': appears again (first in row 2)"
    ]


ACCEPTED_CLUSTERS = [
    pytest.param(
        {"country": "el", "nuts": "el30", "lat": "37.98", "lon": "23.72", "postcode": ""},
        {"country": "GR", "nuts": "EL30", "source": "GR"},
        id="EL for Greece",
    ),
    pytest.param(
        {"country": "UK", "nuts": "UKI3", "lat": "51.5", "lon": "-0.12", "postcode": ""},
        {"country": "GB", "nuts": "UKI3"},
        id="UK for Britain",
    ),
    pytest.param({"founded": "1900"}, {"founded": 1900}, id="founded 1900"),
    pytest.param({"founded": str(THIS_YEAR)}, {"founded": THIS_YEAR}, id="founded this year"),
    pytest.param(
        {"sectors": "29.1; c28 ;C29.1"}, {"sectors": ["C29.1", "C28"]}, id="nace normalised"
    ),
    pytest.param(
        {"website": "http://autoklastr.cz"}, {"website": "http://autoklastr.cz"}, id="http"
    ),
    pytest.param(
        {"lat": "49,8209", "lon": "18,2625", "staff_fte": "2,25"},
        {"lat": 49.8209, "lon": 18.2625, "staff_fte": 2.25},
        id="decimal commas",
    ),
    pytest.param(
        {"label_valid_until": "30.6.2027", "updated": "2025.01.15."},
        {"label_valid_until": "2027-06-30", "updated": "2025-01-15"},
        id="regional dates",
    ),
    pytest.param(
        {"ecosystems": "Digital;HEALTH", "lifecycle": "Growing", "label": "GOLD"},
        {"ecosystems": ["digital", "health"], "lifecycle": "growing", "label": "gold"},
        id="vocabulary case",
    ),
    pytest.param(
        {
            "members_total": "60",
            "members_sme": "50",
            "members_large": "5",
            "members_research": "",
            "members_public": "5",
            "members_other": "0",
        },
        {"members_total": 60, "members_sme": 50},
        id="member sums equal the total",
    ),
    pytest.param(
        {"members_total": "", "members_sme": "500"},
        {"members_total": None, "members_sme": 500},
        id="member counts without a total",
    ),
    pytest.param(
        {"cooperation_countries": "sk; EL"}, {"cooperation_countries": ["SK", "GR"]}, id="coop EL"
    ),
]


@pytest.mark.parametrize(("changes", "stored"), ACCEPTED_CLUSTERS)
def test_it_accepts_and_normalises_values_the_standard_allows(
    cli, tmp_path: Path, changes: dict[str, str], stored: dict[str, Any]
) -> None:
    outcome = cli("import", str(write_rows(tmp_path / "clusters.csv", [cluster_row(**changes)])))
    assert outcome.ok, outcome.stderr
    record = cluster_record(Cluster.objects.get())
    assert {key: record[key] for key in stored} == stored


# --- members -------------------------------------------------------------------------------

GOOD_MEMBER = {
    "cluster_id": "cz-1",
    "name": "Vítkovice Machinery a.s.",
    "country": "CZ",
    "nuts": "CZ080",
    "type": "large",
    "nace": "C28.1",
    "employees": "1200",
    "website": "https://www.vitkovice.cz",
    "register_id": "25860780",
    "joined": "2015-03-01",
}

MEMBER_RULES = [
    pytest.param({"name": ""}, "name", "is required", id="name is required"),
    pytest.param(
        {"cluster_id": "cz-404"},
        "cluster_id",
        "is not the id of a cluster in the registry (import the clusters first)",
        id="unknown cluster",
    ),
    pytest.param({"type": "company"}, "type", "is not one of: sme, large", id="type"),
    pytest.param({"nace": "A28"}, "nace", "belongs to section C, not A", id="nace section"),
    pytest.param({"employees": "-3"}, "employees", "must not be negative", id="employees"),
    pytest.param({"website": "vitkovice.cz"}, "website", "http(s) URL", id="website"),
    pytest.param({"joined": "2015-02-30"}, "joined", "is not a date", id="joined"),
    pytest.param({"nuts": "SK010"}, "nuts", "does not lie in country CZ", id="nuts elsewhere"),
    pytest.param({"country": "XX", "nuts": ""}, "country", "ISO 3166-1", id="country"),
    pytest.param({"register_id": "1" * 101}, "register_id", "longer than 100", id="register id"),
]


@pytest.mark.parametrize(("changes", "column", "reason"), MEMBER_RULES)
def test_it_refuses_a_member_file_with_a_row_breaking_a_rule_and_writes_nothing(
    cli, tmp_path: Path, changes: dict[str, str], column: str, reason: str
) -> None:
    add_cluster("cz-1")
    before = snapshot()
    rows = [{**GOOD_MEMBER, "name": "First"}, {**GOOD_MEMBER, **changes}]
    outcome = cli("import", str(write_rows(tmp_path / "members.csv", rows)))
    assert_refused(outcome, "members.csv", 3, column, reason)
    assert snapshot() == before


def test_a_member_name_may_appear_only_once_in_a_cluster(cli, tmp_path: Path) -> None:
    add_cluster("cz-1")
    add_cluster("cz-2")
    rows = [
        GOOD_MEMBER,
        {**GOOD_MEMBER, "name": "Another"},
        {**GOOD_MEMBER, "cluster_id": "cz-2"},
        {**GOOD_MEMBER, "employees": "5"},
    ]
    outcome = cli("import", str(write_rows(tmp_path / "members.csv", rows)))
    assert problem_lines(outcome.stderr) == [
        "members.csv, row 5, column name, value 'Vítkovice Machinery a.s.': appears again in "
        "this cluster (first in row 2)"
    ]
    del rows[3]
    assert cli("import", str(write_rows(tmp_path / "members.csv", rows))).ok
    assert Member.objects.filter(name=GOOD_MEMBER["name"]).count() == 2


def test_member_values_are_normalised(cli, tmp_path: Path) -> None:
    add_cluster("cz-1")
    row = {**GOOD_MEMBER, "type": " SME ", "nace": "28.1", "joined": "1.3.2015", "nuts": "cz080"}
    assert cli("import", str(write_rows(tmp_path / "members.csv", [row]))).ok
    member = Member.objects.get()
    assert (member.type, member.nace, member.nuts_id) == ("sme", "C28.1", "CZ080")
    assert member.joined == dt.date(2015, 3, 1)


def test_a_member_file_needs_a_cluster_id_column(cli, tmp_path: Path) -> None:
    path = write_rows(tmp_path / "members.csv", [{"name": "Firma", "type": "sme"}])
    outcome = cli("import", str(path), "--table", "members")
    assert not outcome.ok
    assert outcome.error == (
        "members.csv: the header row has no column cluster_id, which the members table requires "
        "(add it, or rename a column to it with --mapping)."
    )


def test_a_cluster_id_used_by_two_sources_must_be_told_apart_with_source(
    cli, tmp_path: Path
) -> None:
    add_cluster("7", source="cz-national")
    wanted = add_cluster("7", source="cz-regional")
    path = write_rows(tmp_path / "members.csv", [{"cluster_id": "7", "name": "Firma"}])
    outcome = cli("import", str(path))
    assert_refused(
        outcome,
        "members.csv",
        2,
        "cluster_id",
        "is the id of clusters of several sources (cz-national, cz-regional); name one with "
        "--source",
    )
    assert cli("import", str(path), "--source", "cz-regional").ok
    assert Member.objects.get().cluster == wanted


def test_a_mapping_files_source_also_tells_member_clusters_apart(cli, tmp_path: Path) -> None:
    add_cluster("7", source="cz-national")
    wanted = add_cluster("7", source="cz-regional")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("source: cz-regional\n", encoding="utf-8")
    path = write_rows(tmp_path / "members.csv", [{"cluster_id": "7", "name": "Firma"}])
    outcome = cli("import", str(path), "--mapping", str(mapping))
    assert outcome.ok, outcome.stderr
    assert Member.objects.get().cluster == wanted


# --- cooperations --------------------------------------------------------------------------

COOPERATION_RULES = [
    pytest.param(
        {"partner_id": ""},
        "partner_id",
        "is required unless partner_name and partner_country are given",
        id="no partner",
    ),
    pytest.param(
        {"partner_id": "", "partner_name": "Bayern Innovativ"},
        "partner_country",
        "is required with partner_name",
        id="partner name without country",
    ),
    pytest.param(
        {"partner_id": "", "partner_name": "Bayern Innovativ", "partner_country": "QQ"},
        "partner_country",
        "ISO 3166-1",
        id="bad partner country",
    ),
    pytest.param(
        {"partner_id": "de-404"},
        "partner_id",
        "is not the id of a cluster in the registry",
        id="unknown partner",
    ),
    pytest.param({"partner_id": "cz-1"}, "partner_id", "is the cluster itself", id="itself"),
    pytest.param(
        {"cluster_id": "cz-404"}, "cluster_id", "is not the id of a cluster", id="unknown cluster"
    ),
    pytest.param(
        {"since": "2024-06-01", "until": "2024-05-31"}, "until", "is before since", id="period"
    ),
    pytest.param({"kind": "alliance"}, "kind", "is not one of: project, memorandum", id="kind"),
    pytest.param({"since": "soon"}, "since", "is not a date", id="since"),
]

GOOD_COOPERATION = {
    "cluster_id": "cz-1",
    "partner_id": "sk-1",
    "partner_name": "",
    "partner_country": "",
    "kind": "project",
    "since": "2023-01-01",
    "until": "2025-12-31",
    "description": "Interreg SK-CZ",
}


@pytest.mark.parametrize(("changes", "column", "reason"), COOPERATION_RULES)
def test_it_refuses_a_cooperation_file_with_a_row_breaking_a_rule_and_writes_nothing(
    cli, tmp_path: Path, changes: dict[str, str], column: str, reason: str
) -> None:
    add_cluster("cz-1")
    add_cluster("sk-1", country="SK")
    before = snapshot()
    rows = [GOOD_COOPERATION, {**GOOD_COOPERATION, "kind": "memorandum", **changes}]
    outcome = cli("import", str(write_rows(tmp_path / "cooperations.csv", rows)))
    assert_refused(outcome, "cooperations.csv", 3, column, reason)
    assert snapshot() == before


def test_cooperations_with_a_registered_or_a_named_partner_are_accepted(
    cli, tmp_path: Path
) -> None:
    add_cluster("cz-1")
    partner = add_cluster("sk-1", country="SK")
    rows = [
        {**GOOD_COOPERATION, "since": "2024-01-01", "until": "2024-01-01"},
        {
            **GOOD_COOPERATION,
            "partner_id": "",
            "partner_name": "Bayern Innovativ",
            "partner_country": "de",
            "kind": "memorandum",
        },
    ]
    outcome = cli("import", str(write_rows(tmp_path / "cooperations.csv", rows)))
    assert outcome.ok, outcome.stderr
    assert "2 created" in outcome.stdout
    links = {
        (c.kind, c.partner_id, c.partner_name, c.partner_country, c.since, c.until)
        for c in Cooperation.objects.all()
    }
    assert links == {
        ("project", partner.pk, "", "", dt.date(2024, 1, 1), dt.date(2024, 1, 1)),
        ("memorandum", None, "Bayern Innovativ", "DE", dt.date(2023, 1, 1), dt.date(2025, 12, 31)),
    }
