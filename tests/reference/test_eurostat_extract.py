"""Eurostat's published SBS extract reads as mapping observations, blemishes and all.

The counts were taken from the file with awk, e.g.
`awk -F';' 'NR>1 && length($2)==4' sbs_r_nuts06_r2_2015.csv | wc -l` for NUTS 2. The same
rules are checked on an extract built in code by tests/analytics/test_eurostat.py.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pytest
from django.core.management import call_command

from clusterhub.analytics.mapping.eurostat import FORMATS, detect_eurostat_format, read_eurostat
from clusterhub.analytics.mapping.problems import Findings
from tests.analytics.mapping_files import write_categories
from tests.analytics.observation_tables import rows, value, warnings_about


@pytest.fixture(scope="module")
def extract(sbs_extract: Path) -> tuple[pa.Table, Findings]:
    findings = Findings()
    return read_eurostat(sbs_extract, findings, level=None), findings


def test_the_sbs_extract_is_recognised_from_its_header(sbs_extract: Path) -> None:
    assert detect_eurostat_format(sbs_extract) == "sbs-extract" == FORMATS[0]


@pytest.mark.parametrize(("level", "count"), [(0, 3021), (1, 11157), (2, 32681), (None, 46859)])
def test_the_extract_keeps_exactly_the_rows_of_the_nuts_level_asked_for(
    sbs_extract: Path, level: int | None, count: int
) -> None:
    table = read_eurostat(sbs_extract, Findings(), level=level)
    assert table.num_rows == count
    if level is not None:
        assert {len(region) - 2 for region in table.column("region").to_pylist()} == {level}


def test_the_extract_reads_into_the_observation_columns(extract: tuple[pa.Table, Findings]) -> None:
    table, _ = extract
    assert table.column_names == ["region", "category", "year", "employment"]
    assert table.schema.types == [pa.string(), pa.string(), pa.int64(), pa.float64()]
    assert set(table.column("year").to_pylist()) == {2015}
    assert rows(table)[0] == ("AT", "B", 2015, 7089.0)


def test_a_time_of_day_in_the_extract_is_missing_and_warned_once_with_its_rows(
    extract: tuple[pa.Table, Findings],
) -> None:
    table, findings = extract
    assert value(table, "IS", "B05") is None  # line 725: `B05;IS;12:00 AM`
    (warning,) = warnings_about(findings, "12:00 AM")
    assert warning.startswith("30 values turned into a time of day")
    assert warning.endswith("rows 725, 726, 727, 1193, 1194, ...")


def test_a_number_followed_by_a_flag_is_the_number(extract: tuple[pa.Table, Findings]) -> None:
    table, findings = extract
    assert value(table, "NO", "B05") == 219.0  # line 797: `B05;NO;219 d`
    assert warnings_about(findings, "with a flag") == [
        "267 values with a flag (such as '219 d') read as the number"
    ]


def test_no_zero_appears_where_the_extract_had_a_blank_or_a_flag_alone(
    extract: tuple[pa.Table, Findings],
) -> None:
    table, findings = extract
    assert value(table, "FR", "B06") is None  # line 1130: empty
    assert value(table, "AT32", "B") is None  # line 12: a space
    assert value(table, "PL11", "B") is None  # line 340: ` d`
    employment = table.column("employment").to_pylist()
    assert employment.count(None) == 8499 + 119 + 30
    assert employment.count(0.0) == 1400  # cells `0` and `0 d`
    assert warnings_about(findings, "blank") == ["8499 blank values read as missing"]
    assert len(warnings_about(findings, "confidential")) == 1
    assert "119 values" in warnings_about(findings, "confidential")[0]


def test_mapping_compute_reads_the_extract_at_the_nuts_level_asked_for(
    tmp_path: Path, sbs_extract: Path
) -> None:
    divisions = {f"C{n}": "traded" for n in range(10, 34)} | {"G47": "local", "I56": "local"}
    categories = write_categories(tmp_path / "nace.csv", divisions)
    out = tmp_path / "countries.csv"
    call_command(
        "mapping",
        "compute",
        "--observations",
        str(sbs_extract),
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
    regions = {row["region"] for row in csv.DictReader(out.open())}
    assert {"CZ", "SK", "PL", "HU", "AT", "DE"} <= regions
    assert all(len(region) == 2 for region in regions)
