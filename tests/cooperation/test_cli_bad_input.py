"""Bad input to `clusterhub cooperation ...`: refused with a message naming the file, row,
field or value, a non-zero exit, nothing written (no file, no stored set, no history entry),
and never a traceback; sizes are checked before and while reading."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from clusterhub.analytics.bounded import Limits
from clusterhub.analytics.relatedness import blend
from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation import relatedness_inputs
from clusterhub.cooperation.models import RelatednessPair, RelatednessResult
from tests.conftest import run_console

OBSERVATIONS = "region,category,employment\n" + "".join(
    f"{region},{category},{employment}\n"
    for region, category, employment in [
        ("R1", "A", 10), ("R1", "B", 20), ("R1", "C", 70),
        ("R2", "A", 40), ("R2", "B", 80), ("R2", "C", 10),
        ("R3", "A", 25), ("R3", "B", 50), ("R3", "C", 40),
    ]
)  # fmt: skip
CATEGORIES = "category,group\nA,traded\nB,traded\nC,local\n"
MATRIX = "category_a,category_b,relatedness\nA,B,0.5\nB,C,0.2\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def relatedness(cli: Any, folder: Path, observations: str | bytes, *more: str) -> Any:
    """`cooperation relatedness` of these observations (and the three categories) into
    folder/R.csv."""
    obs = write(folder, "obs.csv", observations)
    cats = write(folder, "cats.csv", CATEGORIES)
    return cli(
        "cooperation", "relatedness", "--observations", str(obs), "--categories", str(cats),
        "--out", str(folder / "R.csv"), *more,
    )  # fmt: skip


def nothing_written(folder: Path) -> bool:
    """No result and no temporary file beside it."""
    return not (folder / "R.csv").exists() and not list(folder.glob(".R.csv*"))


def stored() -> tuple[int, int, int]:
    return (
        RelatednessResult.objects.count(),
        RelatednessPair.objects.count(),
        AuditEntry.objects.count(),
    )


def test_observations_written_with_semicolons_and_capitals_are_read_as_the_mapping_reads_them(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    text = OBSERVATIONS.replace(",", ";").replace(
        "region;category;employment", "Region;Category;Employment"
    )
    outcome = relatedness(cli, tmp_path, text)
    assert outcome.ok, outcome.error
    assert len(pd.read_csv(tmp_path / "R.csv")) == 6


def test_an_infinite_employment_is_refused_naming_file_row_and_value(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS.replace("R1,B,20", "R1,B,inf"))
    assert not outcome.ok
    assert "obs.csv, row 3, column employment, value 'inf'" in outcome.error
    assert nothing_written(tmp_path)


def test_a_cell_given_twice_is_refused_naming_both_rows(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS + "R1,A,10\n")
    assert not outcome.ok
    assert "obs.csv, row 11: repeats row 2 (R1, A)" in outcome.error
    assert nothing_written(tmp_path)


def test_a_row_with_more_cells_than_the_header_is_refused_not_shifted(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS + "R4,A,1,5,6\n")
    assert not outcome.ok
    assert "obs.csv, row 11: has 5 cells, the header 3" in outcome.error
    assert nothing_written(tmp_path)


def test_a_quote_left_open_is_refused_naming_its_row(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS + '"R4,A,1\n')
    assert not outcome.ok
    assert "obs.csv, row 11: cannot be read as CSV" in outcome.error
    assert nothing_written(tmp_path)


def test_observations_that_are_not_utf8_are_refused_naming_the_file(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS.encode() + "R4,Ä,1\n".encode("latin-1"))
    assert not outcome.ok
    assert "obs.csv" in outcome.error and "UTF-8" in outcome.error
    assert nothing_written(tmp_path)


def test_an_empty_observations_file_is_refused_as_empty(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, "")
    assert not outcome.ok
    assert outcome.error == "obs.csv: the file is empty"
    assert nothing_written(tmp_path)


def test_observations_of_one_listed_category_are_refused_rather_than_an_empty_result(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, "region,category,employment\nR1,A,1\nR2,A,2\n")
    assert not outcome.ok
    assert "obs.csv: has employment for 1 of the listed categories" in outcome.error
    assert nothing_written(tmp_path)


def test_a_parquet_file_that_is_really_csv_is_refused_naming_it(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fake = write(tmp_path, "cats.parquet", CATEGORIES)
    obs = write(tmp_path, "obs.csv", OBSERVATIONS)
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(obs), "--categories", str(fake),
        "--out", str(tmp_path / "R.csv"),
    )  # fmt: skip
    assert not outcome.ok
    assert outcome.error.startswith("cats.parquet: cannot be read as a Parquet table")
    assert nothing_written(tmp_path)


def test_region_totals_below_the_observed_employment_are_refused_naming_the_region(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    totals = write(
        tmp_path,
        "totals.csv",
        "region,group,employment\nR1,traded,5\nR2,traded,500\nR3,traded,500\n",
    )
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--region-totals", str(totals))
    assert not outcome.ok
    assert outcome.error.startswith("totals.csv, region R1, column employment: the total 5 is less")
    assert "R2" not in outcome.error
    assert nothing_written(tmp_path)


def test_region_totals_of_another_year_are_refused_naming_the_year(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dated = "region,category,employment,year\nR1,A,1,2015\nR1,B,2,2015\nR2,A,3,2015\nR2,B,1,2015\n"
    totals = write(tmp_path, "totals.csv", "region,group,employment,year\nR1,traded,500,2020\n")
    outcome = relatedness(cli, tmp_path, dated, "--region-totals", str(totals))
    assert not outcome.ok
    assert "totals.csv, column year: has no total for 2015" in outcome.error
    assert nothing_written(tmp_path)


def test_too_many_categories_are_refused_before_the_observations_are_read(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    many = "category,group\n" + "".join(f"K{i},traded\n" for i in range(2_001))
    cats = write(tmp_path, "many.csv", many)
    obs = write(tmp_path, "obs.csv", OBSERVATIONS)
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(obs), "--categories", str(cats),
        "--out", str(tmp_path / "R.csv"),
    )  # fmt: skip
    assert not outcome.ok
    assert "many.csv: lists 2,001 categories" in outcome.error
    assert nothing_written(tmp_path)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(relatedness_inputs, "OBSERVATION_LIMITS", Limits(50, 10, 10))
    outcome = relatedness(cli, tmp_path, OBSERVATIONS)
    assert not outcome.ok
    assert (
        f"obs.csv: is {len(OBSERVATIONS):,} bytes, more than the 50 read at most" in outcome.error
    )
    assert nothing_written(tmp_path)


def test_parquet_observations_declaring_too_many_rows_are_refused_before_reading(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "obs.parquet"
    pd.read_csv(io.StringIO(OBSERVATIONS)).to_parquet(path)
    monkeypatch.setattr(relatedness_inputs, "OBSERVATION_LIMITS", Limits(10**9, 5, 10**9))
    cats = write(tmp_path, "cats.csv", CATEGORIES)
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(path), "--categories", str(cats),
        "--out", str(tmp_path / "R.csv"),
    )  # fmt: skip
    assert not outcome.ok
    assert outcome.error.startswith("obs.parquet: declares 9 rows")
    assert nothing_written(tmp_path)


def test_a_line_longer_than_the_limit_is_refused_naming_it_not_read_whole(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(relatedness_inputs, "MAX_LINE_CHARS", 100)
    outcome = relatedness(cli, tmp_path, OBSERVATIONS + "R4,A," + "1" * 200 + "\n")
    assert not outcome.ok
    assert outcome.error == "obs.csv, row 11: the line is longer than 100 characters"
    assert nothing_written(tmp_path)


def test_an_out_that_is_a_folder_is_refused_before_anything_is_computed_or_stored(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "R.csv"
    folder.mkdir()
    before = stored()
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--store", "co-location")
    assert not outcome.ok
    assert outcome.error == f"--out {folder}: this is a folder; name a .csv or .parquet file"
    assert list(folder.iterdir()) == [] and stored() == before


def test_an_existing_out_is_replaced_whole_and_keeps_its_permissions(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = write(tmp_path, "R.csv", "old\n")
    os.chmod(out, 0o644)
    outcome = relatedness(cli, tmp_path, OBSERVATIONS)
    assert outcome.ok, outcome.error
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert len(pd.read_csv(out)) == 6
    assert not list(tmp_path.glob(".R.csv*"))


def test_a_blended_matrix_row_with_a_cell_too_many_is_refused_not_read_as_an_index(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "io.csv", "category_a,category_b,relatedness\nA,B,1,5\n")
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--blend", f"{matrix}=0.3")
    assert not outcome.ok
    assert "io.csv: cannot be read as a CSV table" in outcome.error
    assert "Expected 3 fields in line 2, saw 4" in outcome.error
    assert nothing_written(tmp_path)


def test_a_blended_matrix_of_other_codes_is_refused_rather_than_blending_zeros(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "io.csv", "category_a,category_b,relatedness\nX,Y,1\n")
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--blend", f"{matrix}=0.3")
    assert not outcome.ok
    assert "io.csv, column category_a: relates no pair of the listed categories" in outcome.error
    assert nothing_written(tmp_path)


def test_a_blank_line_in_a_matrix_does_not_shift_the_rows_named(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "io.csv", "category_a,category_b,relatedness\nA,B,1\n\nB,C,x\n")
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--blend", f"{matrix}=0.3")
    assert not outcome.ok
    assert outcome.error == "io.csv, row 4, column relatedness, value 'x': is not a number"
    assert nothing_written(tmp_path)


@pytest.mark.parametrize(
    "text",
    ["category_a,category_b,relatedness\n", "category_a,category_b,relatedness\nA,A,1\n"],
    ids=["header only", "self-pairs only"],
)
def test_a_matrix_without_a_pair_of_two_categories_is_not_stored(cli, tmp_path, text) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "empty.csv", text)
    before = stored()
    outcome = cli("cooperation", "load-relatedness", str(matrix), "--name", "empty")
    assert not outcome.ok
    assert "empty.csv: has no pair of two different categories" in outcome.error
    assert stored() == before


def test_a_matrix_row_with_a_cell_too_many_is_not_stored_shifted(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "m.csv", "category_a,category_b,relatedness\nA,B,1,5\n")
    before = stored()
    outcome = cli("cooperation", "load-relatedness", str(matrix), "--name", "shifted")
    assert not outcome.ok
    assert "Expected 3 fields in line 2, saw 4" in outcome.error
    assert stored() == before


def test_a_parquet_matrix_declaring_too_many_rows_is_refused_before_reading(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.parquet"
    pd.DataFrame(
        {"category_a": ["A", "B", "C"], "category_b": ["B", "C", "A"], "relatedness": [1.0] * 3}
    ).to_parquet(path)
    monkeypatch.setattr(blend, "MAX_PAIRS", 2)
    before = stored()
    outcome = cli("cooperation", "load-relatedness", str(path), "--name", "big")
    assert not outcome.ok
    assert "m.parquet: declares 3 rows" in outcome.error
    assert stored() == before


def test_a_csv_matrix_with_more_rows_than_the_limit_is_refused_while_reading(
    cli, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    matrix = write(tmp_path, "m.csv", MATRIX + "C,A,0.1\n")
    monkeypatch.setattr(blend, "MAX_PAIRS", 2)
    before = stored()
    outcome = cli("cooperation", "load-relatedness", str(matrix), "--name", "big")
    assert not outcome.ok
    assert "m.csv: has more than 2 rows, the most read" in outcome.error
    assert stored() == before


@pytest.mark.parametrize("given", ["²", "٣", "9" * 5000, "-5", "10" * 15])
def test_a_cluster_id_of_no_organisation_is_named_in_one_short_sentence(cli, given) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("cooperation", "suggest", "--cluster", given)
    assert not outcome.ok
    assert outcome.error.endswith(": no organisation in the registry has this id")
    assert outcome.error.startswith(f"--cluster {given[:10]}")
    assert len(outcome.error) < 200 and "\n" not in outcome.error


def test_a_weight_given_twice_is_refused_naming_the_part(cli) -> None:  # type: ignore[no-untyped-def]
    outcome = cli(
        "cooperation", "suggest", "--cluster", "x", "--weight", "needs=1", "--weight", "needs=2"
    )
    assert not outcome.ok
    assert outcome.error == "--weight needs: the part is given twice; give it once"


def test_weights_that_are_all_zero_are_refused(cli) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.analytics.partners import PARTS

    zeros = [arg for part in PARTS for arg in ("--weight", f"{part}=0")]
    outcome = cli("cooperation", "suggest", "--cluster", "x", *zeros)
    assert not outcome.ok
    assert outcome.error == "--weight: every part's weight is 0; give one part a weight above 0"


@pytest.mark.parametrize(
    ("verb", "option"),
    [("metaclusters", "--min-countries"), ("metaclusters", "--resolution"), ("sectors", "--top")],
)
def test_a_very_long_number_is_named_cut_short(cli, verb, option) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("cooperation", verb, option, "9" * 5000)
    assert not outcome.ok
    assert outcome.error.startswith(f"{option} 999")
    assert "..." in outcome.error and len(outcome.error) < 200


def test_the_console_script_refuses_without_a_traceback(tmp_path) -> None:
    """The real command in a subprocess: exit status 1, Django's one-line error, no
    traceback, for inputs that used to raise (observations that are not Parquet, --out a
    folder)."""
    fake = write(tmp_path, "obs.parquet", OBSERVATIONS)
    cats = write(tmp_path, "cats.csv", CATEGORIES)
    (tmp_path / "out.csv").mkdir()
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    runs = [
        ["cooperation", "relatedness", "--observations", str(fake), "--categories", str(cats),
         "--out", str(tmp_path / "R.csv")],
        ["cooperation", "relatedness", "--observations", str(cats), "--categories", str(cats),
         "--out", str(tmp_path / "out.csv")],
    ]  # fmt: skip
    for args in runs:
        done = run_console(*args, database_url=database, cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith("CommandError: ")
    assert not (tmp_path / "R.csv").exists() and list((tmp_path / "out.csv").iterdir()) == []


def test_a_matrix_of_codes_the_registry_does_not_know_is_stored_with_a_warning(
    cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.registry.models import Term

    Term.objects.create(vocabulary=Term.Vocabulary.NACE, code="C29", name="Motor vehicles")
    isic = write(tmp_path, "isic.csv", "category_a,category_b,relatedness\n29,28,0.5\n")
    outcome = cli("cooperation", "load-relatedness", str(isic), "--name", "isic")
    assert outcome.ok, outcome.error
    assert "warning: none of the 2 categories of isic (28, 29) is a NACE code" in outcome.stderr
    nace = write(tmp_path, "nace.csv", "category_a,category_b,relatedness\nC29,C28,0.5\n")
    outcome = cli("cooperation", "load-relatedness", str(nace), "--name", "nace")
    assert outcome.ok and "warning" not in outcome.stderr
    assert "nace stored: 1 pair of 2 categories" in outcome.stdout


def test_replace_without_store_is_refused_rather_than_ignored(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = relatedness(cli, tmp_path, OBSERVATIONS, "--replace")
    assert not outcome.ok
    assert outcome.error == "--replace replaces a stored set: give it with --store NAME"
    assert nothing_written(tmp_path)
