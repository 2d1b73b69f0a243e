"""`clusterhub mapping load`: a compute result stored whole, or refused with nothing written."""

from __future__ import annotations

import time

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.mapping.models import MappingCategory, MappingCell, MappingResult
from tests.conftest import run_console
from tests.helpers import write_rows
from tests.mapping.files import STARS_HEADER, STARS_ROWS, write_cmp, write_stars

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "results": MappingResult.objects.count(),
        "cells": MappingCell.objects.count(),
        "categories": MappingCategory.objects.count(),
        "audit": AuditEntry.objects.filter(model="mappingresult").count(),
    }


def test_a_stars_result_is_loaded_with_its_cells_categories_and_one_audit_entry(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = write_stars(tmp_path / "stars.csv")
    outcome = cli(
        "mapping",
        "load",
        str(path),
        "--name",
        "Czechia 2021 (ECO stars)",
        "--description",
        "Eurostat SBS",
    )
    assert outcome.ok, outcome.error
    assert "10 cells, 4 categories" in outcome.stdout
    result = MappingResult.objects.get()
    assert (result.name, result.slug, result.method) == (
        "Czechia 2021 (ECO stars)",
        "czechia-2021-eco-stars",
        "stars",
    )
    assert (result.description, result.source, result.cells) == ("Eurostat SBS", "stars.csv", 10)
    assert result.loaded_by.startswith("mapping load by")
    cell = MappingCell.objects.get(region="CZ08", category="C29")
    assert (cell.employment, cell.lq, cell.stars, cell.share) == (24000.0, 3.1, 3, 0.05)
    assert (cell.size, cell.specialisation, cell.focus) == (True, True, True)
    assert cell.strong is None and cell.year is None
    assert sorted(MappingCategory.objects.values_list("code", flat=True)) == [
        "C24",
        "C29",
        "J62",
        "Q86",
    ]
    entry = AuditEntry.objects.get(model="mappingresult")
    assert (entry.action, entry.object_id, entry.before) == ("create", str(result.pk), None)
    assert entry.after["cells"] == 10


def test_a_missing_employment_or_lq_is_stored_as_missing_not_as_zero(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("mapping", "load", str(write_stars(tmp_path / "s.csv")), "--name", "s").ok
    cell = MappingCell.objects.get(region="CZ08", category="Q86")
    assert cell.employment is None and cell.lq is None


def test_a_cmp_result_is_recognised_by_its_columns(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("mapping", "load", str(write_cmp(tmp_path / "cmp.csv")), "--name", "cmp").ok
    result = MappingResult.objects.get()
    assert result.method == "cmp"
    cell = MappingCell.objects.get(region="PL22", category="C24")
    assert (cell.qualifying, cell.significant, cell.strong, cell.strong10) == (
        True,
        True,
        True,
        False,
    )
    assert cell.stars is None


def test_years_labels_establishments_and_growth_are_kept(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {**row, "year": year, "establishments": "12", "cagr": "0.05" if year == "2021" else ""}
        for row in STARS_ROWS
        for year in ("2020", "2021")
    ]
    path = write_stars(tmp_path / "years.csv", rows, label="Motor vehicles")
    assert cli("mapping", "load", str(path), "--name", "years").ok
    result = MappingResult.objects.get()
    assert (result.year_first, result.year_last, result.cells) == (2020, 2021, 20)
    cell = MappingCell.objects.get(region="CZ08", category="C29", year=2021)
    assert (cell.establishments, cell.cagr) == (12.0, 0.05)
    assert MappingCategory.objects.get(code="C29").label == "Motor vehicles"


def test_labels_come_from_the_categories_file_where_the_result_has_none(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    categories = write_rows(
        tmp_path / "categories.csv",
        [
            {"category": "C29", "group": "traded", "label": "Motor vehicles"},
            {"category": "J62", "group": "traded", "label": " Computer programming "},
            {"category": "C24", "group": "traded", "label": ""},
        ],
        ["category", "group", "label"],
    )
    path = write_stars(tmp_path / "stars.csv")
    assert cli("mapping", "load", str(path), "--name", "x", "--categories", str(categories)).ok
    labels = dict(MappingCategory.objects.values_list("code", "label"))
    assert labels == {"C29": "Motor vehicles", "J62": "Computer programming", "C24": "", "Q86": ""}


def test_a_bad_categories_file_is_refused_before_anything_is_written(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    categories = write_rows(
        tmp_path / "categories.csv",
        [{"category": "C29", "group": "traded"}, {"category": "C29", "group": "local"}],
        ["category", "group"],
    )
    before = counts()
    outcome = cli(
        "mapping", "load", str(write_stars(tmp_path / "s.csv")), "--name", "x",
        "--categories", str(categories),
    )  # fmt: skip
    assert not outcome.ok
    assert "--categories categories.csv cannot be read" in outcome.error
    assert "categories.csv, row 3: repeats row 2" in outcome.error
    assert counts() == before


def test_a_parquet_file_loads_like_the_csv(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = pa_csv.read_csv(write_stars(tmp_path / "s.csv"))
    assert table.schema.field("size").type == pa.bool_()  # typed as compute writes it
    pq.write_table(table, tmp_path / "s.parquet")
    assert cli("mapping", "load", str(tmp_path / "s.parquet"), "--name", "parquet").ok
    cell = MappingCell.objects.get(region="CZ06", category="J62")
    assert (cell.lq, cell.stars, cell.specialisation) == (1.9, 2, True)
    assert MappingCell.objects.get(region="CZ08", category="Q86").lq is None


def test_a_file_without_a_required_column_is_refused_and_nothing_is_written(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    header = [c for c in STARS_HEADER if c != "lq"]
    path = write_rows(tmp_path / "no-lq.csv", [{"region": "CZ08", "category": "C29"}], header)
    before = counts()
    outcome = cli("mapping", "load", str(path), "--name", "x")
    assert not outcome.ok
    assert "no-lq.csv, column lq: this required column is missing" in outcome.error
    assert counts() == before


def test_a_non_numeric_lq_is_refused_with_its_row_and_column(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [dict(row) for row in STARS_ROWS]
    rows[2]["lq"] = "high"
    rows[5]["lq"] = "1,7"
    outcome = cli("mapping", "load", str(write_stars(tmp_path / "bad.csv", rows)), "--name", "x")
    assert not outcome.ok
    assert "bad.csv, row 4, column lq: 'high' is not a number" in outcome.error
    assert "bad.csv, row 7, column lq: '1,7' is not a number" in outcome.error
    assert "Traceback" not in outcome.error
    assert counts()["cells"] == 0 and counts()["results"] == 0


@pytest.mark.parametrize("written", ["1_000", "\u0663", "0x10"])
def test_a_number_python_would_read_but_the_loader_does_not_is_still_refused_by_row(
    cli, tmp_path, written
) -> None:  # type: ignore[no-untyped-def]
    rows = [dict(row) for row in STARS_ROWS]
    rows[3]["lq"] = written
    outcome = cli("mapping", "load", str(write_stars(tmp_path / "odd.csv", rows)), "--name", "x")
    assert not outcome.ok
    assert f"odd.csv, row 5, column lq: {written!r} is not a number" in outcome.error
    assert counts()["cells"] == 0 and counts()["results"] == 0


def test_an_unknown_boolean_is_refused_with_its_row_and_column(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_cmp(tmp_path / "cmp.csv")
    text = path.read_text().splitlines()
    text[3] = text[3].replace(",true,", ",maybe,", 1)
    path.write_text("\n".join(text) + "\n")
    outcome = cli("mapping", "load", str(path), "--name", "x")
    assert not outcome.ok
    assert "cmp.csv, row 4, column qualifying: 'maybe' is not true or false" in outcome.error
    assert counts()["cells"] == 0


def test_stars_outside_zero_to_three_and_negative_employment_are_refused(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [dict(row) for row in STARS_ROWS]
    rows[0]["stars"] = "4"
    rows[1]["employment"] = "-5"
    outcome = cli("mapping", "load", str(write_stars(tmp_path / "s.csv", rows)), "--name", "x")
    assert not outcome.ok
    assert "s.csv, row 2, column stars: 4 is not a whole number from 0 to 3" in outcome.error
    assert "s.csv, row 3, column employment: -5 is negative" in outcome.error


def test_a_region_and_category_given_twice_is_refused(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [*STARS_ROWS, STARS_ROWS[0]]
    outcome = cli("mapping", "load", str(write_stars(tmp_path / "s.csv", rows)), "--name", "x")
    assert not outcome.ok
    assert "s.csv, row 12: repeats region CZ08 and category C29 of row 2" in outcome.error


def test_a_file_with_the_columns_of_no_method_is_refused(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_rows(
        tmp_path / "plain.csv",
        [{"region": "CZ08", "category": "C29", "group": "t", "employment": "1", "lq": "1"}],
    )
    outcome = cli("mapping", "load", str(path), "--name", "x")
    assert not outcome.ok
    assert "plain.csv: has the columns of no mapping method" in outcome.error


def test_an_unknown_method_is_refused_by_the_service(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.audit.services import Actor
    from clusterhub.mapping.services import Refused, load_result

    with pytest.raises(Refused, match="unknown method 'lq' \\(use cmp or stars\\)"):
        load_result(write_stars(tmp_path / "s.csv"), name="x", method="lq", actor=Actor.system("t"))
    assert counts()["results"] == 0


def test_an_existing_name_is_refused_without_replace_and_the_old_cells_stay(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("mapping", "load", str(write_stars(tmp_path / "a.csv")), "--name", "Czechia").ok
    before = counts()
    smaller = write_stars(tmp_path / "b.csv", STARS_ROWS[:3])
    outcome = cli("mapping", "load", str(smaller), "--name", "Czechia")
    assert not outcome.ok
    assert "a result set named 'Czechia' exists already" in outcome.error
    assert "--replace" in outcome.error
    assert counts() == before


def test_replace_swaps_the_cells_and_keeps_the_address(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("mapping", "load", str(write_stars(tmp_path / "a.csv")), "--name", "Czechia").ok
    slug = MappingResult.objects.get().slug
    smaller = write_stars(tmp_path / "b.csv", STARS_ROWS[:3])
    outcome = cli("mapping", "load", str(smaller), "--name", "Czechia", "--replace")
    assert outcome.ok, outcome.error
    assert "replaced: 3 cells" in outcome.stdout
    result = MappingResult.objects.get()
    assert (result.slug, result.cells, result.source) == (slug, 3, "b.csv")
    assert MappingCell.objects.count() == 3
    assert MappingCategory.objects.count() == 3
    entry = AuditEntry.objects.filter(model="mappingresult").order_by("id").last()
    assert entry is not None and entry.action == "update"
    assert (entry.before["cells"], entry.after["cells"]) == (10, 3)


def test_a_bad_file_with_replace_leaves_the_old_result_in_place(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert cli("mapping", "load", str(write_stars(tmp_path / "a.csv")), "--name", "Czechia").ok
    rows = [dict(row) for row in STARS_ROWS]
    rows[-1]["lq"] = "n/a"
    outcome = cli(
        "mapping",
        "load",
        str(write_stars(tmp_path / "b.csv", rows)),
        "--name",
        "Czechia",
        "--replace",
    )
    assert not outcome.ok
    assert "b.csv, row 11, column lq: 'n/a' is not a number" in outcome.error
    assert MappingCell.objects.count() == 10


def test_two_names_with_the_same_slug_get_two_addresses(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_stars(tmp_path / "a.csv")
    assert cli("mapping", "load", str(path), "--name", "Česko 2021").ok
    assert cli("mapping", "load", str(path), "--name", "cesko 2021").ok
    assert sorted(MappingResult.objects.values_list("slug", flat=True)) == [
        "cesko-2021",
        "cesko-2021-2",
    ]


def test_a_missing_file_and_a_spreadsheet_are_refused_in_one_sentence(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("mapping", "load", str(tmp_path / "none.csv"), "--name", "x")
    assert not outcome.ok and "none.csv: no such file" in outcome.error
    (tmp_path / "book.xlsx").write_bytes(b"PK")
    outcome = cli("mapping", "load", str(tmp_path / "book.xlsx"), "--name", "x")
    assert not outcome.ok and "is neither a CSV nor a Parquet file" in outcome.error


def test_the_console_script_reports_a_refusal_without_a_traceback(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    rows = [dict(row) for row in STARS_ROWS]
    rows[0]["lq"] = "x"
    path = write_stars(tmp_path / "bad.csv", rows)
    database = f"sqlite:///{tmp_path / 'console.sqlite3'}"
    migrated = run_console("migrate", "--no-input", database_url=database, cwd=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    done = run_console(
        "mapping", "load", str(path), "--name", "x", database_url=database, cwd=tmp_path
    )
    assert done.returncode != 0
    assert "bad.csv, row 2, column lq: 'x' is not a number" in done.stderr
    assert "Traceback" not in done.stderr


def test_200000_cells_load_in_a_few_seconds(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.csv"
    with path.open("w") as handle:
        handle.write(",".join(STARS_HEADER) + "\n")
        for region in range(1000):
            for category in range(200):
                lq = (region * 7 + category * 13) % 300 / 100
                stars = int(lq)
                handle.write(
                    f"PL{region:03d},C{category:03d},traded,{region + category},{lq},0.01,"
                    f"true,{str(stars >= 2).lower()},false,{stars}\n"
                )
    started = time.perf_counter()
    outcome = cli("mapping", "load", str(path), "--name", "big")
    seconds = time.perf_counter() - started
    assert outcome.ok, outcome.error
    assert MappingCell.objects.count() == 200_000
    assert seconds < 30, f"{seconds:.1f} s"  # a few seconds; generous for busy CI machines


def test_a_result_file_over_the_limits_is_refused_before_it_is_read(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.analytics.bounded import Limits
    from clusterhub.mapping import reading

    csv_path = write_stars(tmp_path / "big.csv")
    monkeypatch.setattr(reading, "RESULT_LIMITS", Limits(100, 10**6, 10**9))
    before = counts()
    outcome = cli("mapping", "load", str(csv_path), "--name", "big")
    assert not outcome.ok
    assert "big.csv" in outcome.error and "more than the 100 read at most" in outcome.error
    assert "Traceback" not in outcome.error
    table = pa_csv.read_csv(csv_path)
    pq.write_table(table, tmp_path / "big.parquet")
    monkeypatch.setattr(reading, "RESULT_LIMITS", Limits(10**9, 2, 10**9))
    outcome = cli("mapping", "load", str(tmp_path / "big.parquet"), "--name", "big")
    assert not outcome.ok and "declares" in outcome.error and "rows" in outcome.error
    assert counts() == before
