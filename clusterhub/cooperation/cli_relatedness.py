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

from clusterhub.analytics.relatedness import (
    DEFAULT_MEASURE,
    MEASURES,
    UnknownMeasure,
    relatedness,
)
from clusterhub.analytics.relatedness.blend import Weighted, blend, check_weights, read_matrix
from clusterhub.audit.services import Actor
from clusterhub.cooperation import relatedness_inputs
from clusterhub.cooperation.relatedness_store import Stored, check_storable, store_relatedness
from clusterhub.lib.refusal import Refused, RefusedValue

HELP = "Relatedness of every pair of categories from the co-location of their employment."
FORMATS = (".csv", ".parquet")


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
    if options["replace"] and store is None:
        raise CommandError("--replace replaces a stored set: give it with --store NAME")
    if out is not None and out.suffix.lower() not in FORMATS:
        raise CommandError(f"--out {out}: the result must be a .csv or .parquet file")
    if out is not None:
        out = _target(out)
    if options["measure"] not in MEASURES:
        raise CommandError(f"--measure: {UnknownMeasure(options['measure'])}")
    try:
        if store is not None:  # before the computation: a taken name fails fast
            check_storable(store, replace=options["replace"], actor=_actor(), label="--store")
        weights = parse_blend(options["blend"])
        check_weights([(str(path), weight) for path, weight in weights])
        imported = [Weighted(path.name, read_matrix(path), weight) for path, weight in weights]
        observations, totals = relatedness_inputs.read(
            options["observations"],
            options["categories"],
            options["region_totals"],
            options["nuts_level"],
        )
        colocation = relatedness(observations, options["measure"], region_totals=totals)
        _check_overlap(colocation, imported)
    except Refused as refused:
        raise CommandError(str(refused)) from None
    result = blend(colocation, imported)
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


def _target(out: Path) -> Path:
    """Where `--out` writes: through a link to its target, never onto a folder."""
    target = out.resolve() if out.is_symlink() else out
    if target.is_dir():
        raise CommandError(f"--out {out}: this is a folder; name a .csv or .parquet file")
    if not target.parent.is_dir():
        raise CommandError(f"--out {out}: the folder {target.parent} does not exist")
    return target


def _check_overlap(colocation: pd.DataFrame, imported: list[Weighted]) -> None:
    """Each blended matrix relates some pair of the listed categories (either way round);
    one that relates none has other codes and would only add zeros."""
    pairs = set(zip(colocation["category_a"], colocation["category_b"], strict=True))
    for item in imported:
        given = zip(item.matrix["category_a"], item.matrix["category_b"], strict=True)
        if not any(pair in pairs for pair in given):
            reason = (
                "relates no pair of the listed categories (are its codes those of the "
                "categories file?)"
            )
            raise Refused(RefusedValue(item.name, column="category_a", reason=reason))


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


def _write(result: pd.DataFrame, out: Path) -> None:
    """Written beside the target and moved into place: never half a file."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix
        )
    except OSError as error:
        raise CommandError(f"--out {out}: cannot be written ({error.strerror})") from None
    os.close(handle)
    try:
        if out.suffix.lower() == ".parquet":
            result.to_parquet(temporary, index=False)
        else:
            result.to_csv(temporary, index=False, float_format="%.6f")
        # A replaced file keeps its permissions; a new one gets the usual ones (mkstemp's
        # are the owner's only).
        os.chmod(temporary, out.stat().st_mode & 0o777 if out.exists() else _default_mode())
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise CommandError(f"--out {out}: cannot be written ({error.strerror})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
