"""Eurostat's regional business statistics read as mapping observations (no database needed).

The SBS extract read here is built in code (tests/builders/eurostat.py) with every blemish of
the published one; its counts are given there. The same checks on the published extract are in
tests/reference/test_eurostat_extract.py.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pytest

from clusterhub.analytics.mapping.eurostat import FORMATS, detect_eurostat_format, read_eurostat
from clusterhub.analytics.mapping.problems import Findings
from clusterhub.lib.refusal import Refused
from tests.analytics.observation_tables import rows, value, warnings_about
from tests.builders.eurostat import blemished_extract, write_sbs_extract

TSV = (
    "nace_r2,indic_sb,geo\\time\t2015 \t2014 \n"
    "C29,V16110,CZ05\t1234 \t1200 e\n"
    "C29,V16110,CZ06\t: c\t:\n"
    "C29,V16110,CZ07\t0 \t: u\n"
    "C29,V16110,EU28\t99999 \t99998 \n"
    "B,V16110,CZ\t5000 \t4900 \n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    if name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def extract_path(tmp_path: Path) -> Path:
    return write_sbs_extract(tmp_path / "sbs_r_nuts06_r2_2015.csv", blemished_extract())


@pytest.fixture
def extract(extract_path: Path) -> tuple[pa.Table, Findings]:
    findings = Findings()
    return read_eurostat(extract_path, findings, level=None), findings


def test_the_sbs_extract_is_recognised_from_its_header(extract_path: Path) -> None:
    assert detect_eurostat_format(extract_path) == "sbs-extract" == FORMATS[0]


@pytest.mark.parametrize(("level", "count"), [(0, 70), (1, 130), (2, 190), (None, 390)])
def test_the_extract_keeps_exactly_the_rows_of_the_nuts_level_asked_for(
    extract_path: Path, level: int | None, count: int
) -> None:
    table = read_eurostat(extract_path, Findings(), level=level)
    assert table.num_rows == count
    if level is not None:
        assert {len(region) - 2 for region in table.column("region").to_pylist()} == {level}


def test_the_extract_reads_into_the_observation_columns(extract: tuple[pa.Table, Findings]) -> None:
    table, _ = extract
    assert table.column_names == ["region", "category", "year", "employment"]
    assert table.schema.types == [pa.string(), pa.string(), pa.int64(), pa.float64()]
    assert set(table.column("year").to_pylist()) == {2015}
    assert rows(table)[0] == ("AT", "B", 2015, 4321.0)


def test_a_time_of_day_in_the_extract_is_missing_and_warned_once_with_its_rows(
    extract: tuple[pa.Table, Findings],
) -> None:
    table, findings = extract
    assert value(table, "IS", "B05") is None  # line 65: `B05;IS;12:00 AM`
    (warning,) = warnings_about(findings, "12:00 AM")
    assert warning.startswith("6 values turned into a time of day")
    assert warning.endswith("rows 65, 66, 67, 104, 105, ...")


def test_a_number_followed_by_a_flag_is_the_number(extract: tuple[pa.Table, Findings]) -> None:
    table, findings = extract
    assert value(table, "CZ1", "B05") == 219.0  # `B05;CZ1;219 d`
    assert warnings_about(findings, "with a flag") == [
        "43 values with a flag (such as '219 d') read as the number"  # 11 of them `0 d`
    ]


def test_no_zero_appears_where_the_extract_had_a_blank_or_a_flag_alone(
    extract: tuple[pa.Table, Findings],
) -> None:
    table, findings = extract
    assert value(table, "DE", "B06") is None  # empty
    assert value(table, "AT12", "B") is None  # a space
    assert value(table, "PL11", "B") is None  # ` d`
    employment = table.column("employment").to_pylist()
    assert employment.count(None) == 32 + 22 + 6
    assert employment.count(0.0) == 24  # cells `0` and `0 d`
    assert warnings_about(findings, "blank") == ["32 blank values read as missing"]
    assert len(warnings_about(findings, "confidential")) == 1
    assert "22 values" in warnings_about(findings, "confidential")[0]


def test_an_extract_saved_with_a_byte_order_mark_and_crlf_reads_the_same(
    tmp_path: Path, extract: tuple[pa.Table, Findings]
) -> None:
    path = write_sbs_extract(tmp_path / "saved.csv", blemished_extract(), line_end="\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert detect_eurostat_format(path) == "sbs-extract"
    assert read_eurostat(path, Findings(), level=None).equals(extract[0])


def test_a_confidential_value_is_missing_not_zero(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "nace_r2;geo;n2015\nB;CZ01;c\nB;CZ02;: c\nB;CZ03;0\n")
    table = read_eurostat(path, Findings())
    assert rows(table) == [
        ("CZ01", "B", 2015, None),
        ("CZ02", "B", 2015, None),
        ("CZ03", "B", 2015, 0.0),
    ]


def test_each_nyyyy_column_of_an_extract_is_a_year(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "nace_r2;geo;n2014;n2015\nC29;CZ05;10;12\n")
    assert rows(read_eurostat(path, Findings())) == [
        ("CZ05", "C29", 2014, 10.0),
        ("CZ05", "C29", 2015, 12.0),
    ]


def test_negative_and_garbage_values_are_refused_together_naming_file_row_and_field(
    tmp_path: Path,
) -> None:
    text = "nace_r2;geo;n2015\nB;CZ01;-5\nB;CZ02;abc\nB;CZ03;7\nB;CZ04;12x4\n"
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(Refused) as error:
        read_eurostat(path, Findings())
    assert [(p.file, p.row, p.column) for p in error.value.problems] == [
        ("bad.csv", 2, "n2015"),
        ("bad.csv", 3, "n2015"),
        ("bad.csv", 5, "n2015"),
    ]
    assert "bad.csv, row 2, column n2015: -5 is negative" in str(error.value)
    assert "bad.csv, row 5, column n2015: '12x4' is not a number" in str(error.value)


def test_a_region_that_is_not_a_nuts_code_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "nace_r2;geo;n2015\nB;CZ01;1\nB;Praha;2\nB;cz02;3\n")
    with pytest.raises(Refused) as error:
        read_eurostat(path, Findings())
    assert [(p.row, p.column) for p in error.value.problems] == [(3, "geo"), (4, "geo")]


def test_a_repeated_region_category_and_year_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "nace_r2;geo;n2015\nB;CZ01;1\nB;CZ01;2\n")
    with pytest.raises(Refused, match="row 3: repeats row 2"):
        read_eurostat(path, Findings())


def test_a_tsv_download_gives_one_row_per_region_category_and_year(tmp_path: Path) -> None:
    path = write(tmp_path, "sbs.tsv", TSV)
    findings = Findings()
    assert detect_eurostat_format(path) == "tsv"
    table = read_eurostat(path, findings, level=None)
    assert rows(table) == [
        ("CZ05", "C29", 2015, 1234.0),
        ("CZ05", "C29", 2014, 1200.0),
        ("CZ06", "C29", 2015, None),
        ("CZ06", "C29", 2014, None),
        ("CZ07", "C29", 2015, 0.0),
        ("CZ07", "C29", 2014, None),
        ("CZ", "B", 2015, 5000.0),
        ("CZ", "B", 2014, 4900.0),
    ]
    assert [w.reason for w in findings.warnings] == [
        "1 row of aggregates (EU28) dropped",
        "3 values not available or confidential (such as ':', 'c') read as missing",
        "1 value with a flag (such as '219 d') read as the number",
    ]


def test_a_gzipped_tsv_reads_like_the_plain_one(tmp_path: Path) -> None:
    plain = read_eurostat(write(tmp_path, "sbs.tsv", TSV), Findings())
    packed = write(tmp_path, "sbs.tsv.gz", TSV)
    assert detect_eurostat_format(packed) == "tsv"
    assert read_eurostat(packed, Findings()).equals(plain)


def test_the_newer_tsv_header_with_time_period_and_freq_is_read(tmp_path: Path) -> None:
    text = "freq,nace_r2,indic_sb,geo\\TIME_PERIOD\t2021 \nA,C29,V16110,CZ05\t17 p\n"
    path = write(tmp_path, "new.tsv", text)
    assert rows(read_eurostat(path, Findings())) == [("CZ05", "C29", 2021, 17.0)]


def test_the_indicator_asked_for_is_the_one_kept(tmp_path: Path) -> None:
    text = TSV + "C29,V11110,CZ05\t88 \t77 \n"
    table = read_eurostat(write(tmp_path, "two.tsv", text), Findings(), indicator="V11110")
    assert rows(table) == [("CZ05", "C29", 2015, 88.0), ("CZ05", "C29", 2014, 77.0)]


def test_several_indicators_and_none_asked_for_is_an_error_listing_them(tmp_path: Path) -> None:
    path = write(tmp_path, "two.tsv", TSV + "C29,V11110,CZ05\t88 \t77 \n")
    with pytest.raises(Refused) as error:
        read_eurostat(path, Findings())
    (problem,) = error.value.problems
    assert problem.column == "indic_sb"
    assert "V11110, V16110" in problem.reason
    assert "--indicator" in problem.reason


def test_an_indicator_the_file_does_not_hold_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(Refused, match="no rows with indicator 'V99'; the file holds V16110"):
        read_eurostat(write(tmp_path, "sbs.tsv", TSV), Findings(), indicator="V99")


def test_several_units_need_the_unit_asked_for(tmp_path: Path) -> None:
    text = "unit,nace_r2,geo\\time\t2015 \nNR,C29,CZ05\t10 \nPC,C29,CZ05\t2.5 \n"
    path = write(tmp_path, "units.tsv", text)
    with pytest.raises(Refused, match="several units \\(NR, PC\\); pass --unit"):
        read_eurostat(path, Findings())
    assert rows(read_eurostat(path, Findings(), unit="NR")) == [("CZ05", "C29", 2015, 10.0)]


SDMX = (
    "DATAFLOW,LAST UPDATE,freq,nace_r2,indic_sb,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,CZ05,2015,1234,,\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,CZ06,2015,,,\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,CZ07,2015,500,,C\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,CZ08,2015,600,c,\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,CZ01,2015,700,e,F\n"
    "ESTAT:SBS_R_NUTS06_R2(1.0),01/02/24 23:00:00,A,C29,V16110,EA19,2015,9,,\n"
)


def test_an_sdmx_csv_download_reads_values_and_hides_confidential_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "sbs.csv", SDMX)
    findings = Findings()
    assert detect_eurostat_format(path) == "sdmx-csv"
    assert rows(read_eurostat(path, findings)) == [
        ("CZ05", "C29", 2015, 1234.0),
        ("CZ06", "C29", 2015, None),
        ("CZ07", "C29", 2015, None),
        ("CZ08", "C29", 2015, None),
        ("CZ01", "C29", 2015, 700.0),
    ]
    assert [w.reason.split(" ")[0] for w in findings.warnings] == ["1", "1", "2", "1"]
    assert "aggregates (EA19)" in findings.warnings[0].reason


def test_an_sdmx_csv_with_several_indicators_needs_one(tmp_path: Path) -> None:
    other = "ESTAT:X(1.0),01/02/24 23:00:00,A,C29,V11110,CZ05,2015,88,,\n"
    path = write(tmp_path, "two.csv", SDMX + other)
    with pytest.raises(Refused, match="pass --indicator"):
        read_eurostat(path, Findings())
    table = read_eurostat(path, Findings(), indicator="V11110")
    assert rows(table) == [("CZ05", "C29", 2015, 88.0)]


def test_a_negative_sdmx_value_names_its_row_and_field(tmp_path: Path) -> None:
    text = SDMX.splitlines()[0] + "\nX,,A,C29,V16110,CZ05,2015,-3,,\n"
    with pytest.raises(Refused) as error:
        read_eurostat(write(tmp_path, "neg.csv", text), Findings())
    assert (
        str(error.value)
        == "neg.csv, row 2, column OBS_VALUE: -3 is negative; employment is a count"
    )


def test_no_region_at_the_level_asked_for_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "nace_r2;geo;n2015\nB;CZ;1\n")
    with pytest.raises(Refused, match="no observations at NUTS level 2"):
        read_eurostat(path, Findings())


def test_files_that_are_not_eurostat_tables_are_not_recognised(tmp_path: Path) -> None:
    assert detect_eurostat_format(write(tmp_path, "o.csv", "region;category;employment\n")) is None
    binary = tmp_path / "o.parquet"
    binary.write_bytes(b"PAR1\x15\x04\x15\xff\xfe\x80" * 10)
    assert detect_eurostat_format(binary) is None
    with pytest.raises(Refused, match="not a Eurostat table"):
        read_eurostat(tmp_path / "o.csv", Findings())
