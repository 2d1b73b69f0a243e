"""`clusterhub mapping compute` reads every input within its limits (docs/mapping.md,
"Limits"): an over-limit or unreadable file is refused in one sentence naming it (and its
row), the command exits non-zero and writes nothing. The limits are set small here through
`clusterhub.analytics.mapping.limits`, which the readers consult when they run."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clusterhub.analytics.bounded import Limits
from clusterhub.analytics.mapping import limits
from clusterhub.mapping.cli_compute import main
from tests.analytics.mapping_files import write_categories, write_csv

COLUMNS = ["region", "category", "employment"]
ROWS = [
    {"region": r, "category": c, "employment": e}
    for r, c, e in [
        ("CZ01", "c1", 100),
        ("CZ01", "l1", 300),
        ("CZ02", "c1", 10),
        ("CZ02", "l1", 90),
    ]
]
TSV_HEADER = "nace_r2,indic_sb,geo\\time\t2015\t2016\n"


def run(
    tmp_path: Path, observations: Path, *extra: str, categories: Path | None = None
) -> tuple[int, Path]:
    """(exit status, what the command said on stderr, the output file) of one run."""
    out = tmp_path / "result.csv"
    if categories is None:
        categories = write_categories(tmp_path / "categories.csv", {"c1": "traded", "l1": "local"})
    argv = ["--observations", str(observations), "--categories", str(categories), "--out", str(out)]
    status = main([*argv, "--method", "cmp", *extra])
    return status, out


def refused(capsys: pytest.CaptureFixture[str], tmp_path: Path, status: int, out: Path) -> str:
    """The refusal's text, after checking that the run failed and left nothing behind."""
    said = capsys.readouterr().err
    assert status == 1
    assert said.startswith("CommandError: the inputs cannot be mapped:\n")
    assert "Traceback" not in said
    assert not out.exists()
    assert not list(tmp_path.glob(".result.csv*"))
    return said.removeprefix("CommandError: the inputs cannot be mapped:\n").strip()


def observations(tmp_path: Path, name: str = "obs.csv") -> Path:
    return write_csv(tmp_path / name, ROWS, COLUMNS)


def eurostat_tsv(rows: int) -> str:
    """A bulk-download TSV of `rows` NUTS 2 regions x one NACE division, two years."""
    lines = [f"C{10 + i % 2},V16110,CZ{i:02d}\t{i + 1}\t{i + 2}\n" for i in range(rows)]
    return TSV_HEADER + "".join(lines)


def test_valid_small_inputs_are_still_mapped_within_the_limits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out = run(tmp_path, observations(tmp_path))
    assert status == 0, capsys.readouterr().err
    assert out.read_text().count("\n") == 5


def test_an_observations_file_larger_than_its_byte_limit_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "OBSERVATIONS", Limits(50, 10**6, 10**9))
    obs = observations(tmp_path)
    size = obs.stat().st_size
    said = refused(capsys, tmp_path, *run(tmp_path, obs))
    assert said == f"obs.csv: is {size:,} bytes, more than the 50 read at most"


def test_a_categories_line_longer_than_the_line_limit_is_refused_naming_its_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LINE_CHARS", 100)
    categories = tmp_path / "categories.csv"
    categories.write_text("category,group,label\nc1,traded,short\nl1,local," + "x" * 200 + "\n")
    said = refused(capsys, tmp_path, *run(tmp_path, observations(tmp_path), categories=categories))
    assert said == "categories.csv, row 3: the line is longer than 100 characters"


def test_an_observations_header_longer_than_the_line_limit_is_refused_as_row_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LINE_CHARS", 100)
    obs = write_csv(tmp_path / "obs.csv", ROWS, [*COLUMNS, "x" * 200])
    said = refused(capsys, tmp_path, *run(tmp_path, obs))
    assert said == "obs.csv, row 1: the first line is longer than 100 characters"


def test_an_observations_line_the_engine_cannot_read_is_refused_naming_its_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LINE_CHARS", 100)
    long = {"region": "CZ03", "category": "c1", "employment": "1" * 150}
    obs = write_csv(tmp_path / "obs.csv", [*ROWS, long], COLUMNS)
    said = refused(capsys, tmp_path, *run(tmp_path, obs))
    assert said == "obs.csv, row 6: the line is longer than 100 characters"


def test_a_region_totals_file_with_more_rows_than_kept_is_refused_at_the_first_row_over(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "TABLE_ROWS", 3)
    totals = write_csv(
        tmp_path / "totals.csv",
        [{"region": f"CZ0{i}", "group": "traded", "employment": 1000} for i in range(1, 6)],
        ["region", "group", "employment"],
    )
    said = refused(
        capsys, tmp_path, *run(tmp_path, observations(tmp_path), "--region-totals", str(totals))
    )
    assert said == "totals.csv, row 5: the file has more than 3 rows, the most read"


def test_a_parquet_table_declaring_more_rows_than_allowed_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "OBSERVATIONS", Limits(10**9, 3, 10**9))
    obs = tmp_path / "obs.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), obs)
    said = refused(capsys, tmp_path, *run(tmp_path, obs))
    assert said.startswith("obs.parquet: declares 4 rows and row groups of up to ")
    assert said.endswith("more than the 3 rows or 1,000,000,000 bytes read at most")


def test_a_gzipped_eurostat_download_that_unpacks_beyond_its_limit_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "EUROSTAT", Limits(10**9, 0, 0, unpacked_bytes=1000))
    packed = tmp_path / "sbs.tsv.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as handle:
        handle.write(eurostat_tsv(500))  # about 14,000 bytes unpacked, 2,000 packed
    assert packed.stat().st_size < 14_000
    said = refused(capsys, tmp_path, *run(tmp_path, packed))
    assert said == "sbs.tsv.gz: unpacks to more than the 1,000 bytes read at most"


def test_a_truncated_gz_download_is_refused_as_incomplete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    packed = tmp_path / "sbs.tsv.gz"
    packed.write_bytes(gzip.compress(eurostat_tsv(500).encode())[:-40])
    said = refused(capsys, tmp_path, *run(tmp_path, packed))
    assert said.startswith("sbs.tsv.gz: is not a complete .gz file (")


def test_a_eurostat_table_with_more_observations_than_kept_is_refused_at_that_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "EUROSTAT_CELLS", 5)
    table = tmp_path / "sbs.tsv"
    table.write_text(eurostat_tsv(10))
    said = refused(capsys, tmp_path, *run(tmp_path, table))
    assert said == (
        "sbs.tsv, row 4: holds more than 5 observations at the NUTS level kept, the most read"
    )


def test_a_eurostat_table_with_more_distinct_regions_than_kept_is_refused_at_that_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "EUROSTAT_CODES", 3)
    table = tmp_path / "sbs.tsv"
    table.write_text(eurostat_tsv(10))
    said = refused(capsys, tmp_path, *run(tmp_path, table))
    assert said == "sbs.tsv, row 5: holds more than 3 distinct region codes, the most read"


def test_text_that_is_not_utf8_is_refused_naming_the_row_that_holds_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    obs = tmp_path / "obs.csv"
    obs.write_bytes(b"region,category,employment\nCZ01,c1,100\nCZ01,l1,300\nCZ\xe101,c1,5\n")
    said = refused(capsys, tmp_path, *run(tmp_path, obs))
    assert said == "obs.csv, row 4: is not UTF-8 text"


def test_a_cell_longer_than_the_csv_readers_limit_is_refused_naming_its_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    categories = tmp_path / "categories.csv"
    categories.write_text("category,group,label\nc1,traded," + "x" * 100_001 + "\nl1,local,\n")
    said = refused(capsys, tmp_path, *run(tmp_path, observations(tmp_path), categories=categories))
    assert said == "categories.csv, row 2: a cell is longer than 100,000 characters"


def test_a_gzipped_csv_that_is_not_a_eurostat_download_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    packed = tmp_path / "obs.csv.gz"
    packed.write_bytes(gzip.compress(observations(tmp_path).read_bytes()))
    said = refused(capsys, tmp_path, *run(tmp_path, packed))
    assert said == "obs.csv.gz: only a Eurostat bulk download (.tsv.gz) is read from a .gz file"


def test_problems_beyond_those_kept_are_counted_not_held(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "LISTED", 5)
    categories = write_csv(
        tmp_path / "categories.csv",
        [{"category": f"c{i}", "group": "" if i < 10 else "traded"} for i in range(12)],
        ["category", "group"],
    )
    said = refused(capsys, tmp_path, *run(tmp_path, observations(tmp_path), categories=categories))
    lines = said.splitlines()
    assert lines[0] == "categories.csv, row 2, column group: is empty"
    assert len(lines) == 6
    assert lines[-1] == "... and 5 more"
