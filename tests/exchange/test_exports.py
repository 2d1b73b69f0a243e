"""`clusterhub export`: each format, filters, personal data, formulas and exact round trips."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from clusterhub.audit.services import Actor
from clusterhub.registry import services
from clusterhub.registry.models import Cluster, Member
from clusterhub.standard.datapackage import descriptor
from clusterhub.standard.fields import TABLES, public_fields
from tests.conftest import run, write_json
from tests.helpers import GOOD_CLUSTER, cluster_row, empty_registry, write_rows

PERSONAL = ["contact_name", "contact_email", "contact_phone"]
FORMULAS = {
    "name": '=HYPERLINK("http://evil.example","click")',
    "acronym": "-2+3",
    "description": "+420 777 000 111",
    "city": "@Praha",
    "address": "'=already escaped",
}


def import_ok(path: Path, *args: str) -> None:
    outcome = run("import", str(path), *args)
    assert outcome.ok, outcome.error + "\n" + outcome.stderr


def export(table: str, fmt: str, out: Path, *args: str) -> Path:
    outcome = run("export", table, "--format", fmt, "--out", str(out), *args)
    assert outcome.ok, outcome.error
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_registry(folder: Path) -> None:
    """Four clusters in three countries, members, cooperations and policy initiatives,
    through the importer."""
    clusters = [
        cluster_row(),
        cluster_row(
            id="cz-2",
            nuts="CZ010",
            postcode="110 00",
            city=FORMULAS["city"],
            lat="50.08",
            lon="14.42",
            sectors="J62",
            ecosystems="health",
            lifecycle="growing",
            cooperation_countries="",
            name=FORMULAS["name"],
            acronym=FORMULAS["acronym"],
            description=FORMULAS["description"],
            address=FORMULAS["address"],
        ),
        cluster_row(
            id="sk-1",
            country="SK",
            nuts="SK010",
            postcode="811 01",
            city="Bratislava",
            lat="48.14",
            lon="17.11",
            sectors="C29.1",
            ecosystems="digital",
            lifecycle="emerging",
            cooperation_countries="CZ",
        ),
        {"id": "gr-1", "name": "Ελληνικό cluster", "country": "EL", "nuts": "EL30"},
    ]
    members = [
        {"cluster_id": "cz-1", "name": "Alfa s.r.o.", "type": "sme", "nace": "C29"},
        {"cluster_id": "cz-1", "name": "=cmd|' /C calc'!A0", "type": "large", "employees": "900"},
        {"cluster_id": "sk-1", "name": "Slovnaft a.s.", "country": "SK", "joined": "1.2.2020"},
    ]
    cooperations = [
        {"cluster_id": "cz-1", "partner_id": "sk-1", "kind": "project", "since": "2023-01-01"},
        {"cluster_id": "cz-1", "partner_name": "Bayern Innovativ", "partner_country": "DE"},
        {"cluster_id": "sk-1", "partner_id": "cz-1", "kind": "memorandum"},
    ]
    # JSON stores text exactly, including an apostrophe before a formula.
    import_ok(write_json(folder / "clusters.json", clusters))
    import_ok(write_rows(folder / "members.csv", members))
    import_ok(write_rows(folder / "cooperations.csv", cooperations))
    initiatives = [
        {
            "code": "cz-msk-voucher",
            "name": FORMULAS["name"],
            "level": "regional",
            "country": "CZ",
            "region": "CZ080",
            "instrument": "voucher",
            "start": "2024-03-01",
            "end": "2026",
            "budget": "20000000.5",
            "currency": "CZK",
            "sectors": "C29;C28",
            "ecosystems": "mobility-transport-automotive",
            "link": "https://example.org/msk",
        },
        {"code": "eu-call", "name": "EU call", "level": "eu", "start": "2021", "end": "2027"},
    ]
    import_ok(write_rows(folder / "initiatives.csv", initiatives))


@pytest.fixture
def registry(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    source = tmp_path / "source"
    source.mkdir()
    load_registry(source)
    out = tmp_path / "out"
    out.mkdir()
    return out


# --- each format ---------------------------------------------------------------------------


def test_a_csv_export_has_the_public_columns_in_standard_order_and_a_stable_row_order(
    registry: Path,
) -> None:
    path = export("clusters", "csv", registry / "clusters.csv")
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(f.name for f in public_fields("clusters"))
    rows = read_csv(path)
    assert [(r["source"], r["id"]) for r in rows] == [
        ("CZ", "cz-1"),
        ("CZ", "cz-2"),
        ("GR", "gr-1"),
        ("SK", "sk-1"),
    ]
    first = rows[0]
    assert first["name"] == GOOD_CLUSTER["name"]
    assert first["sectors"] == "C29;C28.1"
    assert first["cooperation_countries"] == "SK;PL;DE"
    assert (first["staff_fte"], first["founded"], first["lat"]) == ("3.5", "2006", "49.8209")
    assert first["label_valid_until"] == "2027-06-30"
    assert rows[2]["lat"] == rows[2]["founded"] == ""


def test_the_export_says_how_many_records_it_wrote_and_where(registry: Path) -> None:
    out = registry / "clusters.json"
    outcome = run("export", "clusters", "--format", "json", "--out", str(out))
    assert outcome.stderr.strip() == f"4 clusters written to {out}"


def test_a_json_export_keeps_numbers_as_numbers_and_lists_as_text(registry: Path) -> None:
    data = json.loads(export("clusters", "json", registry / "c.json").read_text(encoding="utf-8"))
    assert [list(item) for item in data] == [[f.name for f in public_fields("clusters")]] * 4
    first = data[0]
    assert (first["founded"], first["lat"], first["staff_fte"]) == (2006, 49.8209, 3.5)
    assert first["members_total"] == 60
    assert first["ecosystems"] == "mobility-transport-automotive;digital"
    assert data[2]["sectors"] is None
    assert data[2]["country"] == "GR"
    assert data[1]["name"] == FORMULAS["name"]


def test_an_xlsx_export_has_one_sheet_with_typed_cells(registry: Path) -> None:
    workbook = load_workbook(export("clusters", "xlsx", registry / "c.xlsx"))
    assert workbook.sheetnames == ["clusters"]
    rows = list(workbook["clusters"].iter_rows(values_only=True))
    header = [f.name for f in public_fields("clusters")]
    assert list(rows[0]) == header
    first = dict(zip(header, rows[1], strict=True))
    assert (first["founded"], first["lat"], first["members_total"]) == (2006, 49.8209, 60)
    assert first["id"] == "cz-1"
    assert first["updated"] == "2025-01-15"
    assert len(rows) == 5


def test_a_geojson_export_has_a_point_per_located_cluster(registry: Path) -> None:
    data = json.loads(export("clusters", "geojson", registry / "c.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert list(features) == ["CZ/cz-1", "CZ/cz-2", "GR/gr-1", "SK/sk-1"]
    assert features["CZ/cz-1"]["geometry"] == {"type": "Point", "coordinates": [18.2625, 49.8209]}
    assert features["GR/gr-1"]["geometry"] is None
    properties = features["CZ/cz-1"]["properties"]
    assert "lat" not in properties
    assert properties["name"] == GOOD_CLUSTER["name"]
    assert properties["sectors"] == "C29;C28.1"


def test_a_data_package_export_writes_every_table_and_a_public_descriptor(
    registry: Path,
) -> None:
    out = export("clusters", "datapackage", registry / "package")
    assert sorted(p.name for p in out.iterdir()) == [
        "clusters.csv",
        "cooperations.csv",
        "datapackage.json",
        "members.csv",
        "policy_initiatives.csv",
    ]
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package == descriptor(list(TABLES), include_personal=False)
    assert len(read_csv(out / "clusters.csv")) == 4
    assert len(read_csv(out / "members.csv")) == 3
    assert len(read_csv(out / "cooperations.csv")) == 3
    assert len(read_csv(out / "policy_initiatives.csv")) == 2


def test_member_and_cooperation_exports_name_clusters_by_their_id(registry: Path) -> None:
    members = read_csv(export("members", "csv", registry / "m.csv"))
    assert [(m["cluster_id"], m["name"]) for m in members] == [
        ("cz-1", "'=cmd|' /C calc'!A0"),
        ("cz-1", "Alfa s.r.o."),
        ("sk-1", "Slovnaft a.s."),
    ]
    assert members[2]["joined"] == "2020-02-01"
    assert list(members[0]) == [f.name for f in TABLES["members"]]
    cooperations = read_csv(export("cooperations", "csv", registry / "k.csv"))
    assert [
        (c["cluster_id"], c["partner_id"], c["partner_name"], c["partner_country"], c["kind"])
        for c in cooperations
    ] == [
        ("cz-1", "", "Bayern Innovativ", "DE", ""),
        ("cz-1", "sk-1", "", "", "project"),
        ("sk-1", "cz-1", "", "", "memorandum"),
    ]


def test_a_csv_export_without_out_goes_to_standard_output(registry: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    outcome = run("export", "members", "--format", "csv")
    assert outcome.ok
    printed = capsys.readouterr().out
    assert printed.splitlines()[0] == ",".join(f.name for f in TABLES["members"])
    assert "Slovnaft a.s." in printed


# --- filters -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--country", "CZ"], ["cz-1", "cz-2"]),
        (["--country", "el"], ["gr-1"]),
        (["--country", "GR"], ["gr-1"]),
        (["--country", "cz,SK"], ["cz-1", "cz-2", "sk-1"]),
        (["--nuts", "CZ0"], ["cz-1", "cz-2"]),
        (["--nuts", "cz08"], ["cz-1"]),
        (["--nuts", "CZ080,SK0"], ["cz-1", "sk-1"]),
        (["--ecosystem", "digital"], ["cz-1", "sk-1"]),
        (["--ecosystem", "Health,textile"], ["cz-2"]),
        (["--sector", "C29"], ["cz-1", "sk-1"]),
        (["--sector", "j62"], ["cz-2"]),
        (["--lifecycle", "mature"], ["cz-1"]),
        (["--lifecycle", "growing,emerging"], ["cz-2", "sk-1"]),
        (["--country", "CZ", "--ecosystem", "digital"], ["cz-1"]),
        (["--ecosystem", "textile"], []),
    ],
)
def test_filters_select_clusters_alternatives_with_or_and_filters_with_and(
    registry: Path, args: list[str], ids: list[str]
) -> None:
    rows = read_csv(export("clusters", "csv", registry / "f.csv", *args))
    assert [r["id"] for r in rows] == ids


def test_filters_select_the_members_and_cooperations_of_the_selected_clusters(
    registry: Path,
) -> None:
    members = read_csv(export("members", "csv", registry / "m.csv", "--country", "SK"))
    assert [m["name"] for m in members] == ["Slovnaft a.s."]
    package = export("clusters", "datapackage", registry / "pkg", "--lifecycle", "emerging")
    assert [r["id"] for r in read_csv(package / "clusters.csv")] == ["sk-1"]
    assert [r["name"] for r in read_csv(package / "members.csv")] == ["Slovnaft a.s."]
    assert [r["partner_id"] for r in read_csv(package / "cooperations.csv")] == ["cz-1"]


def test_an_empty_selection_writes_only_the_header(registry: Path) -> None:
    path = export("members", "csv", registry / "m.csv", "--country", "PL")
    assert path.read_text(encoding="utf-8") == ",".join(f.name for f in TABLES["members"]) + "\n"


# --- personal data -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "geojson", "datapackage"])
def test_personal_fields_are_left_out_unless_asked_for(registry: Path, fmt: str) -> None:
    public = export("clusters", fmt, registry / f"public.{fmt}")
    private = export("clusters", fmt, registry / f"private.{fmt}", "--include-personal")

    def contents(path: Path) -> str:
        if fmt == "xlsx":
            sheet = load_workbook(path).active
            return json.dumps(list(sheet.iter_rows(values_only=True)), ensure_ascii=False)
        if fmt == "datapackage":
            return "".join(p.read_text(encoding="utf-8") for p in sorted(path.iterdir()))
        return path.read_text(encoding="utf-8")

    for text in (GOOD_CLUSTER["contact_name"], GOOD_CLUSTER["contact_email"], *PERSONAL):
        assert text not in contents(public)
        assert text in contents(private)


def test_the_personal_columns_follow_the_standard_when_included(registry: Path) -> None:
    rows = read_csv(export("clusters", "csv", registry / "p.csv", "--include-personal"))
    assert list(rows[0]) == [f.name for f in TABLES["clusters"]]
    assert rows[0]["contact_name"] == GOOD_CLUSTER["contact_name"]
    assert rows[0]["contact_phone"] == "'" + GOOD_CLUSTER["contact_phone"]  # starts with +


# --- formulas ------------------------------------------------------------------------------


def test_csv_cells_that_start_like_a_formula_get_an_apostrophe(registry: Path) -> None:
    row = read_csv(export("clusters", "csv", registry / "c.csv"))[1]
    assert {column: row[column] for column in FORMULAS} == {
        column: "'" + text for column, text in FORMULAS.items()
    }


def test_xlsx_cells_that_start_like_a_formula_are_text_with_an_apostrophe(
    registry: Path,
) -> None:
    sheet = load_workbook(export("clusters", "xlsx", registry / "c.xlsx")).active
    header = [cell.value for cell in sheet[1]]
    for column, text in FORMULAS.items():
        cell = sheet.cell(row=3, column=header.index(column) + 1)
        assert cell.data_type == "s"
        assert cell.value == "'" + text


def test_json_keeps_formula_like_text_as_it_is(registry: Path) -> None:
    data = json.loads(export("clusters", "json", registry / "c.json").read_text("utf-8"))
    assert {column: data[1][column] for column in FORMULAS} == FORMULAS


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_re_importing_an_escaped_export_gives_back_the_original_text(
    registry: Path, fmt: str
) -> None:
    clusters = export("clusters", fmt, registry / f"c.{fmt}")
    members = export("members", fmt, registry / f"m.{fmt}")
    empty_registry()
    import_ok(clusters)
    import_ok(members)
    cluster = Cluster.objects.get(source_id="cz-2")
    assert {column: getattr(cluster, column) for column in FORMULAS} == FORMULAS
    assert Member.objects.filter(name="=cmd|' /C calc'!A0").exists()


# --- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["members", "--format", "geojson", "--out", "m.geojson"],
            "GeoJSON is available for clusters only: members and cooperations have no coordinates.",
        ),
        (
            ["cooperations", "--format", "geojson", "--out", "k.geojson"],
            "GeoJSON is available for clusters only",
        ),
        (["clusters", "--format", "xlsx"], "XLSX is binary: give --out FILE.xlsx."),
        (["clusters", "--format", "datapackage"], "a Data Package is a folder: give --out DIR."),
        (["clusters", "--out", "missing/c.csv"], "does not exist."),
    ],
)
def test_exports_that_cannot_be_made_are_refused_with_one_sentence(
    registry: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(registry)
    outcome = run("export", *args)
    assert not outcome.ok
    assert message in outcome.error
    assert not (registry / "m.geojson").exists()


def test_a_data_package_export_onto_a_file_is_refused(registry: Path) -> None:
    target = registry / "taken"
    target.write_text("x", encoding="utf-8")
    outcome = run("export", "clusters", "--format", "datapackage", "--out", str(target))
    assert not outcome.ok
    assert "is a file; a Data Package needs a folder." in outcome.error


CONTROL_TEXTS = [
    "Windows\r\nline ends",
    "old Mac\rline ends",
    "\rstarts with a carriage return",
    "bell\x07 and escape\x1b",
    "looks escaped _x000D_ and _x005F_ already",
    "\ttab first",
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_line_ends_and_control_characters_round_trip_in_every_format(
    cli, tmp_path: Path, fmt: str
) -> None:
    for i, text in enumerate(CONTROL_TEXTS):
        services.upsert_cluster(
            {"id": f"c-{i}", "name": text, "country": "CZ", "description": text},
            source="CZ",
            actor=Actor.system("test"),
        )
    first = export("clusters", fmt, tmp_path / f"first.{fmt}")
    empty_registry()
    import_ok(first)
    stored = dict(Cluster.objects.values_list("source_id", "name"))
    assert stored == {f"c-{i}": text for i, text in enumerate(CONTROL_TEXTS)}
    assert export("clusters", fmt, tmp_path / f"second.{fmt}").read_bytes() == first.read_bytes()


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_import_into_an_empty_registry_export_gives_identical_files(
    registry: Path, fmt: str
) -> None:
    tables = list(TABLES)
    first = [export(t, fmt, registry / f"first-{t}.{fmt}", "--include-personal") for t in tables]
    empty_registry()
    for path in first:
        import_ok(path)
    second = [export(t, fmt, registry / f"second-{t}.{fmt}", "--include-personal") for t in tables]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_a_public_export_round_trips_identically_too(registry: Path) -> None:
    first = export("clusters", "csv", registry / "first.csv")
    empty_registry()
    import_ok(first)
    assert export("clusters", "csv", registry / "second.csv").read_bytes() == first.read_bytes()


def test_a_data_package_export_import_export_gives_identical_files(registry: Path) -> None:
    first = export("clusters", "datapackage", registry / "first")
    empty_registry()
    import_ok(first)
    second = export("clusters", "datapackage", registry / "second")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_exporting_twice_gives_identical_xlsx_bytes(registry: Path) -> None:
    first = export("clusters", "xlsx", registry / "a.xlsx").read_bytes()
    assert export("clusters", "xlsx", registry / "b.xlsx").read_bytes() == first


# Any text the database can hold, with a bias towards what looks like a formula or a CSV quote.
_base = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
_prefix = st.sampled_from(["", "", "'", "''", "=", "'=", "''=", "+", "-", "@", "\t", "\r", '"'])
stored_text = st.builds(lambda p, t: p + t, _prefix, _base).filter(lambda t: not t.isspace() and t)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@given(name=stored_text, description=st.one_of(st.none(), stored_text))
def test_any_name_and_description_round_trip_exactly_through_an_export(
    cli, fmt: str, name: str, description: str | None
) -> None:
    with transaction.atomic(), tempfile.TemporaryDirectory() as folder:
        services.upsert_cluster(
            {"id": "h-1", "name": name, "country": "CZ", "description": description},
            source="hypothesis",
            actor=Actor.system("test"),
        )
        path = export("clusters", fmt, Path(folder) / f"clusters.{fmt}")
        empty_registry()
        import_ok(path)
        cluster = Cluster.objects.get()
        assert (cluster.source, cluster.name) == ("hypothesis", name)
        assert cluster.description == (description or "")
        again = export("clusters", fmt, Path(folder) / f"again.{fmt}")
        assert again.read_bytes() == path.read_bytes()
        transaction.set_rollback(True)
