"""`clusterhub cooperation relatedness`: industry relatedness from regional employment."""

from __future__ import annotations

import math
import os
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pandas as pd
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from clusterhub.analytics.mapping import read_inputs
from clusterhub.analytics.mapping.inputs import MappingInputs
from clusterhub.analytics.relatedness import (
    DEFAULT_MEASURE,
    MEASURES,
    UnknownMeasure,
    relatedness,
)
from clusterhub.analytics.relatedness.blend import Weighted, blend, check_weights, read_matrix
from clusterhub.audit.services import Actor
from clusterhub.cooperation.relatedness_store import Stored, check_storable, store_relatedness
from clusterhub.lib.refusal import Refused, RefusedValue

HELP = "Relatedness of every pair of categories from the co-location of their employment."
FORMATS = (".csv", ".parquet")
# Refused values listed; the rest are counted.
MAX_LISTED = 20


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--observations",
        type=Path,
        required=True,
        help="region, category, employment[, year] (CSV or Parquet), or a Eurostat table",
    )
    parser.add_argument("--categories", type=Path, required=True, help="category, group[, label]")
    parser.add_argument("--region-totals", type=Path, help="region, group, employment[, year]")
    parser.add_argument(
        "--measure",
        default=DEFAULT_MEASURE,
        help=f"one of {', '.join(MEASURES)} (default {DEFAULT_MEASURE})",
    )
    parser.add_argument(
        "--nuts-level", type=int, default=2, choices=[0, 1, 2, 3], help="Eurostat tables only"
    )
    parser.add_argument(
        "--blend",
        action="append",
        default=[],
        metavar="FILE=WEIGHT",
        help="blend in an imported matrix (category_a, category_b, relatedness; CSV or "
        "Parquet) with this weight (0 to 1); repeatable; the weights add up to at most 1 and "
        "the co-location measure has the rest",
    )
    parser.add_argument("--out", type=Path, help="R.csv or R.parquet")
    parser.add_argument(
        "--store",
        metavar="NAME",
        help="also store the result as the relatedness set NAME (see relatedness-sets)",
    )
    parser.add_argument(
        "--replace", action="store_true", help="with --store: replace the set of this name"
    )


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    out: Path | None = options["out"]
    store: str | None = options["store"]
    if out is None and store is None:
        raise CommandError("the result needs a place: --out R.csv|R.parquet, --store NAME, or both")
    if out is not None and out.suffix.lower() not in FORMATS:
        raise CommandError(f"--out {out}: the result must be a .csv or .parquet file")
    if out is not None and not out.parent.is_dir():
        raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
    if options["measure"] not in MEASURES:
        raise CommandError(f"--measure: {UnknownMeasure(options['measure'])}")
    try:
        if store is not None:  # before the computation: a taken name fails fast
            check_storable(store, replace=options["replace"], actor=_actor(), label="--store")
        weights = parse_blend(options["blend"])
        check_weights([(str(path), weight) for path, weight in weights])
        imported = [Weighted(path.name, read_matrix(path), weight) for path, weight in weights]
        inputs = read_inputs(
            options["observations"],
            options["categories"],
            region_totals=options["region_totals"],
            nuts_level=options["nuts_level"],
        )
    except Refused as refused:
        raise CommandError(str(refused)) from None
    observations = _observations(inputs)
    totals = _region_totals(inputs)
    result = blend(relatedness(observations, options["measure"], region_totals=totals), imported)
    categories = result["category_a"].nunique()
    summary = f"{len(result):,} pairs of {categories:,} categories ({describe(options)})"
    # One transaction: a file that cannot be written leaves no set stored, and a set refused
    # leaves no file written. Without --store the command needs no database at all.
    with transaction.atomic() if store is not None else nullcontext():
        if store is not None:
            stored = _store(result, store, options)
        if out is not None:
            _write(result, out)
    if out is not None:
        command.stdout.write(f"{out}: {summary}")
    if store is not None:
        command.stdout.write(f"{stored.summary()}; see clusterhub cooperation relatedness-sets")


def _actor() -> Actor:
    return Actor.operator("cooperation relatedness", context="cooperation relatedness --store")


def _store(result: pd.DataFrame, name: str, options: dict[str, Any]) -> Stored:
    try:
        return store_relatedness(
            result,
            name=name,
            measure=describe(options),
            source=Path(options["observations"]).name,
            replace=options["replace"],
            actor=_actor(),
        )
    except Refused as refused:
        raise CommandError(str(refused)) from None


def describe(options: dict[str, Any]) -> str:
    """The measure and the blended files with their weights: `log_lq_correlation` or
    `log_lq_correlation 0.7 + io.csv 0.3`."""
    weights = parse_blend(options["blend"])
    if not weights:
        return str(options["measure"])
    own = 1.0 - sum(weight for _, weight in weights)
    parts = [f"{options['measure']} {own:g}", *(f"{path.name} {w:g}" for path, w in weights)]
    return " + ".join(parts)


def parse_blend(values: list[str]) -> list[tuple[Path, float]]:
    """`FILE=WEIGHT` arguments as (file, weight); the weight must be a finite number.

    Raises:
        Refused: naming the argument and what is wrong with it.
    """
    parsed = []
    for value in values:
        file, equals, weight = value.rpartition("=")
        if not equals or not file.strip():
            reason = "must be FILE=WEIGHT (a relatedness matrix and its weight, 0 to 1)"
            raise Refused(RefusedValue("", column="--blend", value=value, reason=reason))
        try:
            number = float(weight)
        except ValueError:
            number = float("nan")
        if not math.isfinite(number):
            reason = f"the weight {weight!r} of {file} is not a number"
            raise Refused(RefusedValue("", column="--blend", value=value, reason=reason))
        parsed.append((Path(file), number))
    return parsed


def _observations(inputs: MappingInputs) -> pd.DataFrame:
    """The observed cells of the listed categories, as a frame, employment checked."""
    observed = inputs.observations
    if observed.table is not None:
        frame = observed.table.to_pandas()
    elif observed.path is not None and observed.path.suffix.lower() == ".parquet":
        frame = pd.read_parquet(observed.path)
    else:
        assert observed.path is not None
        frame = pd.read_csv(observed.path, dtype=str, keep_default_na=False)
    listed = set(inputs.categories.column("category").to_pylist())
    frame = frame.loc[frame["category"].astype(str).isin(listed)]
    frame = frame.assign(employment=_employment(frame, observed.name))
    columns = [c for c in ("region", "category", "employment", "year") if c in frame.columns]
    return frame.loc[frame["employment"].notna(), columns]


def _employment(frame: pd.DataFrame, file: str) -> pd.Series:
    """Employment as numbers; a blank cell is not observed; text or a negative is refused
    (the first MAX_LISTED, each with its row as the user sees it: the header is row 1)."""
    raw = frame["employment"]
    text = raw.astype(str).str.strip()
    numbers = pd.to_numeric(text.where(text != "", None), errors="coerce")
    bad = (numbers.isna() & (text != "") & raw.notna()) | (numbers < 0)
    if bad.any():
        problems = [
            RefusedValue(
                file,
                row=int(position) + 2,
                column="employment",
                value=str(raw.iloc[position]),
                reason="is not a number of people employed (0 or more)",
            )
            for position in bad.to_numpy().nonzero()[0][:MAX_LISTED]
        ]
        raise CommandError(str(Refused(problems, unlisted=int(bad.sum()) - len(problems))))
    return numbers


def _region_totals(inputs: MappingInputs) -> pd.DataFrame | None:
    if inputs.region_totals is None:
        return None
    totals = inputs.region_totals.to_pandas()
    if "year" in totals.columns and totals["year"].notna().any():
        totals = totals[totals["year"] == totals["year"].max()]
    return totals[["region", "employment"]]


def _write(result: pd.DataFrame, out: Path) -> None:
    """Written beside the target and moved into place: never half a file."""
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix)
    os.close(handle)
    try:
        if out.suffix.lower() == ".parquet":
            result.to_parquet(temporary, index=False)
        else:
            result.to_csv(temporary, index=False, float_format="%.6f")
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
