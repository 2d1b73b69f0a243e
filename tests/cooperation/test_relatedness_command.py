"""`clusterhub cooperation relatedness`: files in, one row per ordered pair out; bad input
named in one sentence with nothing written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.analytics.mapping_files import write_categories, write_csv

OBSERVATIONS = ["region", "category", "employment"]
CELLS = [
    ("R1", "A", 10), ("R1", "B", 20), ("R1", "C", 70), ("R1", "D", 5),
    ("R2", "A", 40), ("R2", "B", 80), ("R2", "C", 10), ("R2", "D", 5),
    ("R3", "A", 25), ("R3", "B", 50), ("R3", "C", 40), ("R3", "D", 5),
]  # fmt: skip


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    rows = [dict(zip(OBSERVATIONS, cell, strict=True)) for cell in CELLS]
    observations = write_csv(tmp_path / "obs.csv", rows, OBSERVATIONS)
    categories = write_categories(
        tmp_path / "cats.csv", {"A": "traded", "B": "traded", "C": "local"}
    )
    return observations, categories


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_it_writes_one_row_per_ordered_pair_of_the_listed_categories(
    cli, inputs, tmp_path, suffix
) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    out = tmp_path / f"related{suffix}"
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--measure", "share_cosine", "--out", str(out),
    )  # fmt: skip
    assert outcome.ok, outcome.error
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(table.columns) == ["category_a", "category_b", "relatedness"]
    assert len(table) == 6  # A, B, C: D is not a listed category
    pair = table[(table.category_a == "A") & (table.category_b == "B")]
    assert float(pair.relatedness.iloc[0]) == pytest.approx(1.0, abs=1e-6)
    assert "6 pairs of 3 categories (share_cosine)" in outcome.stdout


def test_an_unknown_measure_is_named_and_nothing_is_written(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    out = tmp_path / "related.csv"
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--measure", "jaccard", "--out", str(out),
    )  # fmt: skip
    assert not outcome.ok
    assert "'jaccard' is not a relatedness measure" in outcome.error
    assert not out.exists()


def test_a_non_numeric_employment_is_refused_naming_file_row_and_column(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [{"region": "R1", "category": "A", "employment": "many"}]
    observations = write_csv(tmp_path / "obs.csv", rows, OBSERVATIONS)
    categories = write_categories(tmp_path / "cats.csv", {"A": "traded"})
    out = tmp_path / "related.csv"
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(out),
    )  # fmt: skip
    assert not outcome.ok
    assert "obs.csv" in outcome.error and "employment" in outcome.error
    assert not out.exists()
    assert list(tmp_path.glob(".related*")) == []


def test_an_output_that_is_not_csv_or_parquet_is_refused(cli, inputs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    observations, categories = inputs
    outcome = cli(
        "cooperation", "relatedness", "--observations", str(observations),
        "--categories", str(categories), "--out", str(tmp_path / "related.xlsx"),
    )  # fmt: skip
    assert not outcome.ok
    assert "must be a .csv or .parquet file" in outcome.error
