"""`clusterhub cooperation relatedness --blend FILE=WEIGHT`: imported matrices (input-output
links, skill relatedness) blended into the co-location measure; a bad file or weight is
named with nothing written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clusterhub.analytics.relatedness import relatedness
from clusterhub.analytics.relatedness.blend import scaled
from tests.analytics.mapping_files import write_categories, write_csv

OBSERVATIONS = ["region", "category", "employment"]
CELLS = [
    ("R1", "A", 10), ("R1", "B", 20), ("R1", "C", 70),
    ("R2", "A", 40), ("R2", "B", 80), ("R2", "C", 10),
    ("R3", "A", 25), ("R3", "B", 50), ("R3", "C", 40),
    ("R4", "A", 5), ("R4", "B", 30), ("R4", "C", 20),
]  # fmt: skip
MATRIX = ["category_a", "category_b", "relatedness"]


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    rows = [dict(zip(OBSERVATIONS, cell, strict=True)) for cell in CELLS]
    observations = write_csv(tmp_path / "obs.csv", rows, OBSERVATIONS)
    categories = write_categories(tmp_path / "cats.csv", {"A": "t", "B": "t", "C": "t"})
    return observations, categories


def _matrix(path: Path, rows: list[tuple[str, str, object]]) -> Path:
    return write_csv(path, [dict(zip(MATRIX, row, strict=True)) for row in rows], MATRIX)


def _run(cli, inputs, out: Path, *blends: str):  # type: ignore[no-untyped-def]
    observations, categories = inputs
    arguments = [f"--blend={value}" for value in blends]
    return cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(out), *arguments,
    )  # fmt: skip


def _value(table: pd.DataFrame, a: str, b: str) -> float:
    return float(
        table.loc[(table.category_a == a) & (table.category_b == b), "relatedness"].iloc[0]
    )


def test_a_blend_is_the_weighted_average_of_the_scaled_matrices(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Input-output links listed once per pair, in their own units: A-B strong, B-C weak.
    io = _matrix(tmp_path / "io.csv", [("A", "B", 0.04), ("B", "C", 0.01), ("A", "C", 0.0)])
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{io}=0.25")
    assert outcome.ok, outcome.error
    assert "(log_lq_correlation 0.75 + io.csv 0.25)" in outcome.stdout
    table = pd.read_csv(out)
    assert list(table.columns) == MATRIX and len(table) == 6

    rows = [dict(zip(OBSERVATIONS, cell, strict=True)) for cell in CELLS]
    colocation = relatedness(pd.DataFrame(rows))
    own = dict(
        zip(
            zip(colocation.category_a, colocation.category_b, strict=True),
            scaled(colocation.relatedness.to_numpy()),
            strict=True,
        )
    )
    # io scaled: A-B 1, B-C 0.25, A-C 0; the reverse pair takes the listed pair's value.
    assert _value(table, "A", "B") == pytest.approx(0.75 * own["A", "B"] + 0.25, abs=1e-6)
    assert _value(table, "C", "B") == pytest.approx(0.75 * own["C", "B"] + 0.0625, abs=1e-6)
    assert _value(table, "A", "C") == pytest.approx(0.75 * own["A", "C"], abs=1e-6)
    assert table.relatedness.between(0, 1).all()


def test_two_matrices_may_be_blended_and_pairs_they_lack_count_as_unrelated(
    cli, inputs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    io = _matrix(tmp_path / "io.csv", [("A", "B", 2.0), ("A", "C", 1.0)])
    skills = _matrix(tmp_path / "skills.csv", [("B", "C", 0.9), ("C", "B", 0.9), ("A", "B", 0.1)])
    out = tmp_path / "blended.parquet"
    outcome = _run(cli, inputs, out, f"{io}=0.5", f"{skills}=0.5")
    assert outcome.ok, outcome.error
    table = pd.read_parquet(out)
    # The co-location measure has weight 0; io: A-B 1, A-C 0; skills: B-C 1, A-B 0.
    assert _value(table, "A", "B") == pytest.approx(0.5)
    assert _value(table, "B", "C") == pytest.approx(0.5)
    assert _value(table, "A", "C") == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("rows", "named"),
    [
        ([("A", "B", "0.5"), ("A", "C", "high")], "row 3, column relatedness, value 'high'"),
        ([("A", "B", "0.5"), ("A", "C", "")], "row 3, column relatedness"),
        ([("A", "", "0.5")], "row 2, column category_b"),
        ([("A", "B", "0.5"), ("A", "B", "0.6")], "row 3, column category_b, value 'A ~ B'"),
    ],
    ids=["text", "empty value", "empty category", "pair twice"],
)
def test_a_matrix_with_a_bad_cell_is_refused_naming_file_row_column_and_value(
    cli, inputs, tmp_path, rows, named
) -> None:  # type: ignore[no-untyped-def]
    io = _matrix(tmp_path / "io.csv", rows)
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{io}=0.3")
    assert not outcome.ok
    assert f"io.csv, {named}" in outcome.error
    assert not out.exists()
    assert list(tmp_path.glob(".blended*")) == []


def test_a_matrix_without_the_relatedness_column_is_refused_naming_it(
    cli, inputs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    io = write_csv(tmp_path / "io.csv", [{"category_a": "A", "category_b": "B", "value": 1}],
                   ["category_a", "category_b", "value"])  # fmt: skip
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{io}=0.3")
    assert not outcome.ok
    assert "io.csv, row 1, column relatedness: the column is missing" in outcome.error
    assert "column value: is not a column of a relatedness matrix" in outcome.error
    assert not out.exists()


def test_a_missing_matrix_file_is_named(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{tmp_path / 'nowhere.csv'}=0.3")
    assert not outcome.ok
    assert "nowhere.csv: file not found" in outcome.error
    assert not out.exists()


@pytest.mark.parametrize(
    ("weight", "said"),
    [
        ("much", "the weight 'much' of"),
        ("nan", "the weight 'nan' of"),
        ("", "the weight '' of"),
        ("1.5", "value '1.5': a blend weight must be 0 to 1"),
        ("-0.1", "value '-0.1': a blend weight must be 0 to 1"),
    ],
)
def test_a_weight_that_is_not_a_number_from_0_to_1_is_refused(
    cli, inputs, tmp_path, weight, said
) -> None:  # type: ignore[no-untyped-def]
    io = _matrix(tmp_path / "io.csv", [("A", "B", 1.0)])
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{io}={weight}")
    assert not outcome.ok
    assert said in outcome.error
    assert not out.exists()


def test_weights_adding_up_to_more_than_1_are_refused_naming_them(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    io = _matrix(tmp_path / "io.csv", [("A", "B", 1.0)])
    skills = _matrix(tmp_path / "skills.csv", [("A", "B", 1.0)])
    out = tmp_path / "blended.csv"
    outcome = _run(cli, inputs, out, f"{io}=0.6", f"{skills}=0.5")
    assert not outcome.ok
    assert "io.csv=0.6" in outcome.error and "skills.csv=0.5" in outcome.error
    assert "add up to 1.1, more than 1" in outcome.error
    assert not out.exists()


def test_a_blend_argument_without_a_weight_is_refused(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outcome = _run(cli, inputs, tmp_path / "blended.csv", "io.csv")
    assert not outcome.ok
    assert "column --blend, value 'io.csv': must be FILE=WEIGHT" in outcome.error
