"""Regions and codes as people write them: padded, empty, unknown — read the same as tidy ones.

The engine trims codes once per distinct code and regions in the aggregated cells (not on
every row), so these tests hold it to the rules of a row-by-row reading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clusterhub.analytics.mapping import Refused, compute, read_inputs
from tests.analytics.mapping_files import write_categories, write_csv

CATEGORIES = {"c1": "traded", "c2": "traded", "l1": "local"}
CROSSWALK = [
    {"industry": "i1", "category": "c1", "weight": 1},
    {"industry": "i2", "category": "c1", "weight": 0.5},
    {"industry": "i2", "category": "c2", "weight": 0.5},
    {"industry": "i3", "category": "l1", "weight": 1},
]
COLUMNS = ["region", "category", "year", "employment", "establishments"]


def tidy_rows(codes: list[str]) -> list[dict[str, Any]]:
    rows = []
    for r, region in enumerate(["CZ01", "CZ02", "SK01", "PL21", "HU10"]):
        for c, code in enumerate(codes):
            for year in (2020, 2021):
                employment = None if (r + c + year) % 7 == 0 else 10 + 13 * r + 7 * c + year % 3
                rows.append(
                    {
                        "region": region,
                        "category": code,
                        "year": year,
                        "employment": employment,
                        "establishments": 1 + (r + c) % 4,
                    }
                )
    return rows


def padded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same rows with spaces, tabs and line ends around some regions and codes."""
    pads = [("  ", ""), ("", " "), ("\t", "\t"), (" ", "\r\n"), ("", "")]
    out = []
    for n, row in enumerate(rows):
        before, after = pads[n % len(pads)]
        region_before, region_after = pads[(n // 2) % len(pads)]
        out.append(
            {
                **row,
                "region": f"{region_before}{row['region']}{region_after}",
                "category": f"{before}{row['category']}{after}",
            }
        )
    return out


def mapped(tmp: Path, rows: list[dict[str, Any]], crosswalk: bool, name: str) -> list[dict]:
    inputs = read_inputs(
        write_csv(tmp / f"{name}.csv", rows, COLUMNS),
        write_categories(tmp / "categories.csv", CATEGORIES),
        crosswalk=write_csv(tmp / "crosswalk.csv", CROSSWALK, ["industry", "category", "weight"])
        if crosswalk
        else None,
    )
    return compute(inputs, "cmp").to_pylist()


@pytest.mark.parametrize("crosswalk", [False, True], ids=["categories", "crosswalk"])
def test_padded_regions_and_codes_give_the_same_cells_as_tidy_ones(
    tmp_path: Path, crosswalk: bool
) -> None:
    codes = ["i1", "i2", "i3"] if crosswalk else list(CATEGORIES)
    tidy = mapped(tmp_path, tidy_rows(codes), crosswalk, "tidy")
    untidy = mapped(tmp_path, padded(tidy_rows(codes)), crosswalk, "untidy")
    assert len(tidy) == 5 * 3 * 2
    assert untidy == tidy


@pytest.mark.parametrize("crosswalk", [False, True], ids=["categories", "crosswalk"])
@pytest.mark.parametrize(
    ("field", "value"),
    [("region", ""), ("region", "   "), ("category", ""), ("category", " \t ")],
)
def test_an_empty_region_or_code_is_refused_with_its_row(
    tmp_path: Path, crosswalk: bool, field: str, value: str
) -> None:
    rows = tidy_rows(["i1", "i2", "i3"] if crosswalk else list(CATEGORIES))
    rows[6] = {**rows[6], field: value}
    with pytest.raises(Refused) as refused:
        mapped(tmp_path, rows, crosswalk, "observations")
    assert f"observations.csv, row 8, column {field}: is empty" in str(refused.value)


def test_unknown_industry_codes_are_reported_trimmed_and_left_out(tmp_path: Path) -> None:
    rows = tidy_rows(["i1", "i2", "i3"])
    rows += [{**row, "category": " i9 "} for row in tidy_rows(["i1"])]
    rows += [{**row, "category": "i8"} for row in tidy_rows(["i1"])[:1]]
    inputs = read_inputs(
        write_csv(tmp_path / "observations.csv", rows, COLUMNS),
        write_categories(tmp_path / "categories.csv", CATEGORIES),
        crosswalk=write_csv(
            tmp_path / "crosswalk.csv", CROSSWALK, ["industry", "category", "weight"]
        ),
    )
    result = compute(inputs, "cmp").to_pylist()
    assert {row["category"] for row in result} == set(CATEGORIES)
    warnings = [str(warning) for warning in inputs.findings.warnings]
    assert any("2 industry code not in the crosswalk" in w and "i8, i9" in w for w in warnings)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("employment", "-3", "-3 is not a count"),
        ("employment", "twelve", "'twelve' is not a number"),
        ("employment", "inf", "inf is not a count"),
        ("establishments", "-1", "-1 is not a count"),
        ("establishments", "4 4", "'4 4' is not a number"),
        ("year", "20x0", "'20x0' is not a year"),
        ("year", "2020.5", "2020.5 is not a year"),
        ("year", "1700", "1700 is not a year"),
        ("year", "", "'' is not a year"),
    ],
)
@pytest.mark.parametrize("crosswalk", [False, True], ids=["categories", "crosswalk"])
def test_a_refused_value_is_named_with_its_row_and_field(
    tmp_path: Path, crosswalk: bool, field: str, value: str, reason: str
) -> None:
    rows = tidy_rows(["i1", "i2", "i3"] if crosswalk else list(CATEGORIES))
    rows[11] = {**rows[11], field: value}
    with pytest.raises(Refused) as refused:
        mapped(tmp_path, rows, crosswalk, "observations")
    assert f"observations.csv, row 13, column {field}: {reason}" in str(refused.value)


def test_negative_counts_in_parquet_are_refused_with_their_rows(tmp_path: Path) -> None:
    rows = tidy_rows(list(CATEGORIES))
    rows[3] = {**rows[3], "employment": -2.0}
    rows[5] = {**rows[5], "establishments": -1.0}
    table = pa.Table.from_pylist(
        rows,
        schema=pa.schema(
            [
                ("region", pa.string()),
                ("category", pa.string()),
                ("year", pa.int64()),
                ("employment", pa.float64()),
                ("establishments", pa.float64()),
            ]
        ),
    )
    path = tmp_path / "observations.parquet"
    pq.write_table(table, path)
    inputs = read_inputs(path, write_categories(tmp_path / "categories.csv", CATEGORIES))
    with pytest.raises(Refused) as refused:
        compute(inputs, "cmp")
    message = str(refused.value)
    assert "observations.parquet, row 5, column employment: -2.0 is not a count" in message
    assert "observations.parquet, row 7, column establishments: -1.0 is not a count" in message
