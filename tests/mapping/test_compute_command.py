"""`clusterhub mapping compute` from the command line: results written, bad input refused."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.analytics.mapping_files import write_categories, write_csv
from tests.builders.eurostat import COUNTRIES, blemished_extract, write_sbs_extract

COLUMNS = ["region", "category", "employment", "establishments"]


def observations(tmp_path: Path, *extra: dict[str, object]) -> Path:
    rows = [
        {"region": r, "category": c, "employment": e, "establishments": e // 10}
        for r, c, e in [
            ("CZ01", "c1", 100),
            ("CZ01", "l1", 300),
            ("CZ02", "c1", 10),
            ("CZ02", "l1", 100),
            ("CZ03", "c1", 40),
            ("CZ03", "l1", 80),
        ]
    ]
    return write_csv(tmp_path / "observations.csv", [*rows, *extra], COLUMNS)


def compute(tmp_path: Path, obs: Path, out: Path, *args: str) -> str:
    categories = write_categories(tmp_path / "categories.csv", {"c1": "traded", "l1": "local"})
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "mapping",
        "compute",
        "--observations",
        str(obs),
        "--categories",
        str(categories),
        "--out",
        str(out),
        *args,
        stdout=stdout,
        stderr=stderr,
    )
    return stdout.getvalue()


def test_it_writes_one_row_per_region_and_category_with_true_false_flags(tmp_path: Path) -> None:
    out = tmp_path / "result.csv"
    summary = compute(tmp_path, observations(tmp_path), out, "--method", "cmp")
    assert "6 rows (3 regions, 2 categories)" in summary
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == [
        "region",
        "category",
        "group",
        "employment",
        "establishments",
        "lq",
        "qualifying",
        "significant",
        "strong",
        "strong10",
    ]
    assert {row["strong"] for row in rows} <= {"true", "false"}
    assert [(row["region"], row["category"]) for row in rows][:2] == [
        ("CZ01", "c1"),
        ("CZ01", "l1"),
    ]


def test_it_writes_parquet_with_stars_and_their_three_parts(tmp_path: Path) -> None:
    out = tmp_path / "result.parquet"
    compute(tmp_path, observations(tmp_path), out, "--method", "stars", "--param", "min_lq=1.1")
    table = pq.read_table(out)
    assert {"stars", "size", "specialisation", "focus", "share"} <= set(table.column_names)
    assert max(table.column("stars").to_pylist()) >= 1


@pytest.mark.parametrize(
    ("bad", "reason"),
    [("-5", "not a count"), ("12x", "is not a number")],
)
def test_a_bad_count_is_refused_with_its_row_and_nothing_is_written(
    tmp_path: Path, bad: str, reason: str
) -> None:
    obs = observations(tmp_path, {"region": "CZ04", "category": "c1", "employment": bad})
    out = tmp_path / "result.csv"
    with pytest.raises(CommandError) as refused:
        compute(tmp_path, obs, out, "--method", "cmp")
    assert "observations.csv, row 8, column employment" in str(refused.value)
    assert reason in str(refused.value)
    assert not out.exists()
    assert not list(tmp_path.glob(".result.csv*"))


def test_a_missing_column_and_a_repeated_cell_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "result.csv"
    no_employment = write_csv(
        tmp_path / "o.csv", [{"region": "CZ01", "category": "c1"}], ["region", "category"]
    )
    with pytest.raises(
        CommandError, match=r"o.csv, row 1, column employment: required column is missing"
    ):
        compute(tmp_path, no_employment, out, "--method", "cmp")
    twice = observations(tmp_path, {"region": "CZ01", "category": "c1", "employment": 5})
    with pytest.raises(CommandError, match=r"region CZ01, category c1 appears 2 times"):
        compute(tmp_path, twice, out, "--method", "cmp")
    assert not out.exists()


def test_confidential_values_stay_missing_and_unknown_categories_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    obs = observations(
        tmp_path,
        {"region": "CZ04", "category": "c1", "employment": "c"},
        {"region": "CZ04", "category": "zz9", "employment": 7},
    )
    out = tmp_path / "result.csv"
    stderr = io.StringIO()
    categories = write_categories(tmp_path / "categories.csv", {"c1": "traded", "l1": "local"})
    call_command(
        "mapping",
        "compute",
        "--observations",
        str(obs),
        "--categories",
        str(categories),
        "--method",
        "cmp",
        "--out",
        str(out),
        stdout=io.StringIO(),
        stderr=stderr,
    )
    rows = {(row["region"], row["category"]): row for row in csv.DictReader(out.open())}
    assert rows[("CZ04", "c1")]["employment"] == ""
    assert ("CZ04", "zz9") not in rows
    assert "1 category not in the categories file" in capsys.readouterr().err + stderr.getvalue()


def test_an_unknown_output_format_or_parameter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"\.csv or \.parquet"):
        compute(tmp_path, observations(tmp_path), tmp_path / "result.xlsx", "--method", "cmp")
    with pytest.raises(CommandError, match="unknown parameter size"):
        compute(
            tmp_path,
            observations(tmp_path),
            tmp_path / "r.csv",
            "--method",
            "stars",
            "--param",
            "size=1",
        )


def test_the_eurostat_extract_is_read_at_the_nuts_level_asked_for(tmp_path: Path) -> None:
    extract = write_sbs_extract(tmp_path / "sbs_r_nuts06_r2_2015.csv", blemished_extract())
    divisions = {f"C{n}": "traded" for n in range(10, 34)} | {"G47": "local", "I56": "local"}
    categories = write_categories(tmp_path / "nace.csv", divisions)
    out = tmp_path / "countries.csv"
    call_command(
        "mapping",
        "compute",
        "--observations",
        str(extract),
        "--categories",
        str(categories),
        "--method",
        "cmp",
        "--nuts-level",
        "0",
        "--out",
        str(out),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    rows = list(csv.DictReader(out.open()))
    assert {row["region"] for row in rows} == {*COUNTRIES, "IS"}
    assert {row["category"] for row in rows} == {"C10", "C29", "G47", "I56"}


def console_script(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`clusterhub mapping compute ...` as a user runs it; a Django setup would fail here, as
    the settings module named in the environment does not exist."""
    categories = write_categories(tmp_path / "categories.csv", {"c1": "traded", "l1": "local"})
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "no.such.settings"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterhub.cli",
            "mapping",
            "compute",
            "--categories",
            str(categories),
            "--method",
            "cmp",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_console_script_maps_without_setting_django_up(tmp_path: Path) -> None:
    out = tmp_path / "result.csv"
    ran = console_script(tmp_path, "--observations", str(observations(tmp_path)), "--out", str(out))
    assert ran.returncode == 0, ran.stderr
    assert "result.csv: 6 rows (3 regions, 2 categories), method cmp on duckdb" in ran.stdout
    rows = list(csv.DictReader(out.open()))
    assert [(row["region"], row["category"]) for row in rows][:2] == [
        ("CZ01", "c1"),
        ("CZ01", "l1"),
    ]


def test_the_console_script_refuses_bad_input_in_djangos_words_without_a_traceback(
    tmp_path: Path,
) -> None:
    obs = observations(tmp_path, {"region": "CZ04", "category": "c1", "employment": "-5"})
    out = tmp_path / "result.csv"
    ran = console_script(tmp_path, "--observations", str(obs), "--out", str(out))
    assert ran.returncode == 1
    assert ran.stderr.startswith("CommandError: the inputs cannot be mapped:")
    assert "observations.csv, row 8, column employment" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert not out.exists()
    missing = console_script(tmp_path, "--out", str(out))
    assert missing.returncode == 2
    assert "the following arguments are required: --observations" in missing.stderr
