"""`clusterhub mapping compute`: location quotients and a method's flags from statistics files."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from clusterhub.analytics.mapping import (
    BACKENDS,
    METHODS,
    compute,
    read_inputs,
    write_result,
)
from clusterhub.analytics.mapping.output import FORMATS
from clusterhub.lib.refusal import Refused, describe

HELP = "Compute a regional cluster mapping (cmp flags or stars) and write it as CSV or Parquet."


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--observations",
        type=Path,
        required=True,
        help="region, category, employment[, establishments, year] (CSV or Parquet), "
        "or a Eurostat table (SBS extract, TSV or SDMX-CSV download)",
    )
    parser.add_argument("--categories", type=Path, required=True, help="category, group[, label]")
    parser.add_argument("--region-totals", type=Path, help="region, group, employment[, year]")
    parser.add_argument("--reference-totals", type=Path, help="category, employment[, year]")
    parser.add_argument("--crosswalk", type=Path, help="industry, category[, weight]")
    parser.add_argument("--method", choices=list(METHODS), required=True)
    parser.add_argument("--backend", choices=list(BACKENDS), default="duckdb")
    parser.add_argument("--year", type=int, help="keep only this year in the result")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a method parameter, e.g. min_lq=1.5 for stars (repeatable)",
    )
    parser.add_argument(
        "--nuts-level",
        type=int,
        default=2,
        choices=[0, 1, 2, 3],
        help="Eurostat tables: NUTS level kept",
    )
    parser.add_argument(
        "--indicator", help="Eurostat downloads with several indicators: the one to use"
    )
    parser.add_argument("--out", type=Path, required=True, help="OUT.csv or OUT.parquet")


def run(command: BaseCommand, options: dict[str, Any]) -> None:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out: Path = options["out"]
    if out.suffix.lower() not in FORMATS:
        raise CommandError(f"--out {out}: the result must be a .csv or .parquet file")
    if not out.parent.is_dir():
        raise CommandError(f"--out {out}: the folder {out.parent} does not exist")
    params = _params(options["param"])
    started = time.perf_counter()
    show = err.is_terminal and not os.environ.get("CI")
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} steps"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not show,
    )
    with bar:
        # Four steps: read the inputs, check the observations, compute, write.
        task = bar.add_task("reading the inputs", total=4)

        def progress(stage: str) -> None:
            bar.update(task, advance=1, description=stage)

        try:
            inputs = read_inputs(
                options["observations"],
                options["categories"],
                region_totals=options["region_totals"],
                reference_totals=options["reference_totals"],
                crosswalk=options["crosswalk"],
                nuts_level=options["nuts_level"],
                indicator=options["indicator"],
            )
            result = compute(
                inputs,
                options["method"],
                options["backend"],
                params=params,
                year=options["year"],
                progress=progress,
            )
            progress(f"writing {out.name}")
            write_result(result, out)
            bar.update(task, completed=4)
        except Refused as error:
            raise CommandError("the inputs cannot be mapped:\n" + str(error)) from None
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from None
    if inputs.findings.warnings:
        warned = len(inputs.findings.warnings) + inputs.findings.unlisted
        err.print(f"{warned} warnings:", style="yellow")
        err.print(describe(inputs.findings.warnings, inputs.findings.unlisted), markup=False)
    regions = pc.count_distinct(result.column("region")).as_py()
    categories = pc.count_distinct(result.column("category")).as_py()
    command.stdout.write(
        f"{out}: {result.num_rows} rows ({regions} regions, {categories} categories), "
        f"method {options['method']} on {options['backend']}, "
        f"{time.perf_counter() - started:.1f} s"
    )


def main(argv: list[str]) -> int:
    """`clusterhub mapping compute` without setting Django up (`clusterhub.cli` calls it):
    the command reads and writes files only. Returns the exit status, with Django's message
    format for an error."""
    parser = argparse.ArgumentParser(prog="clusterhub mapping compute", description=HELP)
    add_arguments(parser)  # type: ignore[arg-type]  # a CommandParser is an ArgumentParser
    command = BaseCommand()
    try:
        run(command, vars(parser.parse_args(argv)))
    except CommandError as error:
        command.stderr.write(f"CommandError: {error}")
        return error.returncode
    return 0


def _params(pairs: list[str]) -> dict[str, float | str]:
    params: dict[str, float | str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CommandError(f"--param {pair}: write it as NAME=VALUE")
        try:
            params[name.strip()] = float(value)
        except ValueError:
            params[name.strip()] = value.strip()
    return params
