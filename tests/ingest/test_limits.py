"""Files built to exhaust the reader are refused in one sentence, quickly, and nothing is
written; the limits hold for workbooks, CSV and JSON alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clusterhub.ingest import limits
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.readers import Unreadable, read_table
from clusterhub.ingest.report import ImportRefused
from clusterhub.registry.models import Cluster
from tests.conftest import run_console
from tests.helpers import GOOD_CLUSTER, csv_text, snapshot, write_rows, write_xlsx
from tests.ingest import hostile

HEADER = "id,name,country\n"


def refusal(path: Path) -> str:
    with pytest.raises(Unreadable) as refused:
        table = read_table(path)
        for _ in table.rows:
            pass
    return str(refused.value)


# --- workbooks ---------------------------------------------------------------------------


def test_two_cells_far_apart_are_refused_without_taking_the_process_down(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = hostile.far_apart(tmp_path / "far.xlsx")
    assert path.stat().st_size < 2000
    message = refusal(path)  # this process goes on: the reader's child met its limit
    assert message.startswith("far.xlsx could not be read within the reader's memory limit")


def test_the_console_script_refuses_the_far_apart_workbook_with_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = hostile.far_apart(tmp_path / "far.xlsx")
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run_console("migrate", "--no-input", database_url=database, cwd=tmp_path).returncode == 0
    done = run_console("import", str(path), database_url=database, cwd=tmp_path)
    assert done.returncode != 0
    assert "far.xlsx could not be read within the reader's memory limit" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr) < 1000


def test_a_declared_used_range_beyond_the_limits_is_refused_before_reading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = hostile.xlsx(tmp_path / "declared.xlsx", [hostile.header_row("id")], "A1:XFD1048576")
    assert refusal(path) == (
        "declared.xlsx: its first sheet declares a used range of 16,384 columns; at most 500 "
        "are read."
    )
    path = hostile.xlsx(tmp_path / "tall.xlsx", [hostile.header_row("id")], "A1:J4000000")
    assert "declares a used range of 4,000,000 rows; at most 2,000,000 are read" in refusal(path)


def test_ten_million_numbers_in_600_kb_are_refused_before_they_are_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = hostile.numbers(tmp_path / "numbers.xlsx", rows=1_000_000)
    assert path.stat().st_size < 1_000_000
    message = refusal(path)
    assert message == (
        "numbers.xlsx: its first sheet holds more than 5,000,000 cells, which is as many as "
        "are read (save it as CSV instead)."
    )


def test_a_sheet_within_the_archive_limits_but_beyond_the_cells_is_refused_as_read(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Cells with references count too; a sheet under the counted limit is still measured
    # by the reader itself (its used range), which the child reports before any row.
    monkeypatch.setattr(limits, "MAX_WORKBOOK_CELLS", 50)
    rows = [hostile.header_row("id", "name")] + [
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'.encode() for r in range(2, 20)
    ]
    rows.append(b'<row r="30"><c r="E30"><v>1</v></c></row>')  # 30 rows x 5 columns
    path = hostile.xlsx(tmp_path / "spread.xlsx", rows)
    assert refusal(path) == (
        "spread.xlsx: its first sheet spans 30 rows by 5 columns (150 cells); a sheet of at "
        "most 50 cells is read (save it as CSV instead)."
    )


def test_an_archive_that_unpacks_to_more_than_the_limit_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_SHEET_XML_BYTES", 10_000)
    path = hostile.numbers(tmp_path / "big.xlsx", rows=2000)
    assert "its first sheet unpacks to" in refusal(path)
    monkeypatch.setattr(limits, "MAX_WORKBOOK_BYTES", 5_000)
    assert "big.xlsx unpacks to" in refusal(path)


def test_an_ordinary_workbook_still_imports(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    header = list(GOOD_CLUSTER)
    path = write_xlsx(tmp_path / "good.xlsx", [header, [GOOD_CLUSTER[h] for h in header]])
    outcome = cli("import", str(path))
    assert outcome.ok, outcome.error
    assert Cluster.objects.get().name == GOOD_CLUSTER["name"]


def test_a_workbook_refused_while_reading_writes_nothing(db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_WORKBOOK_CELLS", 20)
    header = ["id", "name", "country"]
    rows = [header] + [[f"cz-{i}", f"Klastr {i}", "CZ"] for i in range(10)]
    before = snapshot()
    with pytest.raises(Unreadable, match="cells is read"):
        run_import(write_xlsx(tmp_path / "rows.xlsx", rows))
    assert snapshot() == before


# --- CSV ---------------------------------------------------------------------------------


def test_a_cell_of_megabytes_is_refused_naming_its_row(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "cz-1,Klastr,CZ\n" + "cz-2," + "x" * 200_000 + ",CZ\n")
    assert refusal(path) == (
        "long.csv, row 3: a cell is longer than 100,000 characters, the most a cell may hold."
    )


def test_a_file_without_line_breaks_is_refused_after_the_longest_line(
    tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "flat.csv"
    path.write_text(HEADER + "a," * 5000 + "\n")
    assert refusal(path) == (
        "flat.csv: line 2 is longer than 1,000 characters, the most a line may hold."
    )


def test_a_row_of_too_many_cells_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wide.csv"
    path.write_text(HEADER + ",".join(["x"] * 600) + "\n")
    assert refusal(path) == "wide.csv, row 2: 600 cells; a row of at most 500 is read."


def test_a_file_of_too_many_rows_is_refused_and_nothing_is_written(
    db, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    rows = [{"id": f"cz-{i}", "name": f"Klastr {i}", "country": "CZ"} for i in range(10)]
    path = write_rows(tmp_path / "many.csv", rows)
    with pytest.raises(
        Unreadable, match=r"many\.csv has more than 5 rows, the most a file may hold"
    ):
        run_import(path)
    assert not Cluster.objects.exists()


# --- JSON --------------------------------------------------------------------------------


def test_json_is_read_as_a_stream_and_too_many_objects_are_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"id": str(i)} for i in range(1000)]))
    assert (
        refusal(path)
        == "many.json holds more than 100 objects, the most a file may hold; split it."
    )


def test_a_json_value_of_megabytes_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.json"
    path.write_text(json.dumps([{"id": "1", "name": "x" * 200_000}]))
    assert refusal(path) == (
        "long.json: item 1, key 'name' holds a value longer than 100,000 characters, the most "
        "a cell may hold."
    )


def test_deeply_nested_json_values_are_refused_without_a_recursion_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "deep.json"
    path.write_text('[{"id": "1", "name": ' + "[" * 100_000 + "]" * 100_000 + "}]")
    assert "nests objects or lists in a value" in refusal(path)


def test_json_objects_with_too_many_keys_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys.json"
    path.write_text(json.dumps([{f"k{i}": "v" for i in range(600)}]))
    assert "more than 500 different keys" in refusal(path)


def test_json_in_the_data_member_of_an_object_still_reads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"meta": {"x": 1}, "data": [{"id": "1", "sectors": ["C29"]}]}))
    rows = list(read_table(path).rows)
    assert rows == [(0, ["id", "sectors"]), (1, ["1", "C29"])]


# --- problem lists -----------------------------------------------------------------------


def test_a_problem_list_stops_at_the_limit_and_says_how_many_more_there_are(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [{"id": f"cz-{i}", "name": "Klastr", "country": "XX"} for i in range(1500)]
    path = write_rows(tmp_path / "bad.csv", rows)
    outcome = cli("import", str(path))
    assert not outcome.ok
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == limits.MAX_PROBLEMS + 1
    assert lines[-1] == "bad.csv: and 500 more problems (the first 1,000 are listed)"
    assert outcome.error == "bad.csv was refused: 1,500 problem(s); nothing was imported."


def test_the_importer_counts_every_problem_past_the_listed_ones(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [{"id": f"cz-{i}", "name": "", "country": "CZ"} for i in range(1200)]
    with pytest.raises(ImportRefused) as refused:
        run_import(write_rows(tmp_path / "bad.csv", rows))
    (result,) = refused.value.results
    assert (len(result.problems), result.more_problems, result.problem_count) == (1000, 200, 1200)


# --- fields ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "length", "limit"),
    [("name", 301, 300), ("description", 20_001, 20_000), ("website", 2_001, 2_000)],
)
def test_every_text_field_has_the_limit_the_standard_gives_it(
    db, tmp_path, column, length, limit
) -> None:  # type: ignore[no-untyped-def]
    value = "https://example.cz/" + "a" * (length - 19) if column == "website" else "a" * length
    path = tmp_path / "long.csv"
    path.write_text(csv_text([{**GOOD_CLUSTER, column: value}]), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        run_import(path)
    (problem,) = refused.value.results[0].problems
    assert (problem.column, problem.reason) == (column, f"is longer than {limit} characters")


# --- Data Packages -----------------------------------------------------------------------


def test_a_data_package_resource_that_links_outside_the_package_is_refused(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "outside" / "secret.csv"
    secret.parent.mkdir()
    secret.write_text(csv_text([GOOD_CLUSTER]), encoding="utf-8")
    package = tmp_path / "package"
    package.mkdir()
    (package / "clusters.csv").symlink_to(secret)
    descriptor = {"resources": [{"name": "clusters", "path": "clusters.csv"}]}
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(Unreadable) as refused:
        run_import(package)
    assert str(refused.value) == (
        "datapackage.json: resource 'clusters' is a link to a file outside the package; put "
        "the file itself in the package folder."
    )
    assert not Cluster.objects.exists()


def test_every_limit_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    names = [name for name in vars(limits) if name.isupper()]
    assert names
    assert [name for name in names if f"`{name}`" not in readme] == []
