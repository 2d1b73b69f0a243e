"""Benchmark: `clusterhub mapping compute --method cmp` on DuckDB and Spark, beside pandas.

    .venv/bin/python bench/mapping_compute.py [--sizes eurostat,large] [--repeat 3] \
        [--skip-spark] [--workdir /tmp/clusterhub-bench-mapping] \
        [--regions 3000] [--industries 1000] [--years 10]

Each engine runs as its own child process, side by side in one run, `--repeat` times in
turn (duckdb, spark, pandas, then again). A small probe process runs each command as its
only child, times it and reports its ru_maxrss; meanwhile the resident memory of the whole
process tree is sampled from /proc (every 50 ms, after two seconds every 200 ms; Spark's
JVM is a child of the command). The figures are the median wall-clock time of the whole
command, start-up included, and the highest peak resident memory over the runs (the
tree's summed sample, or the largest process's ru_maxrss if higher). The engines:

- `clusterhub mapping compute --method cmp --backend duckdb --out OUT.parquet`;
- the same with `--backend spark` (a local Spark session on this machine);
- bench/mapping_pandas.py, a straightforward pandas implementation of the same method
  (`.venv/bin/python bench/mapping_pandas.py --self-check` checks it on a tiny example).

Sizes (`--sizes`, comma-separated):

- `eurostat`: the real extract ../shared/data/eurostat/sbs_r_nuts06_r2_2015.csv
  (NACE Rev. 2 x NUTS, 2015), read directly by the CLI (Eurostat layout recognised, NUTS 2
  regions kept). Its categories file, written into the work directory, lists every NACE
  code of the file that is a 2-digit division (a letter and two digits, such as C29);
  sections B-E (mining, manufacturing, energy, water) and J and M (information and
  communication; professional, scientific and technical activities) are `traded`, all other
  divisions `local`. Codes at section level (C) or finer than a division (G451) are thus not
  categories, and the CLI and the peer both leave their rows out. The peer reads the extract
  with pandas.read_csv and the same rules: blank, a flag alone and `12:00 AM` are missing,
  `219 d` is 219, NUTS 2 regions only.
- `small`: a generated panel with a tenth of the regions (default 300 x 1,000 x 10).
- `large`: the generated panel `--regions` x `--industries` x `--years` (default 3,000
  regions x 1,000 industries x 10 years = 30,000,000 observation rows, Parquet), aggregated
  through a crosswalk into 50 categories (bench/mapping_panel.py, seed 2026). The panels are
  written once into the work directory and reused.

After the runs, the outputs of DuckDB and pandas (and of Spark and DuckDB) are compared:
the same columns and rows (region, category, year), LQ within a relative difference of
1e-9, employment, establishments and cagr likewise, identical flags. A line starting with
`DISAGREE` lists what differs, with example rows; a flag that differs where the value lies
within 1e-9 of its percentile is called a near tie.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN, median
from mapping_panel import generate

HERE = Path(__file__).parent
# The published extract beside the clone (../shared/data), or where CLUSTERHUB_REFERENCE_DATA says.
REFERENCE_DATA = Path(
    os.environ.get("CLUSTERHUB_REFERENCE_DATA") or HERE.resolve().parents[1] / "shared" / "data"
)
EUROSTAT = REFERENCE_DATA / "eurostat" / "sbs_r_nuts06_r2_2015.csv"
TRADED_SECTIONS = set("BCDEJM")
ENGINES = ("duckdb", "spark", "pandas")
FLAGS = ["qualifying", "significant", "strong", "strong10"]
TOLERANCE = 1e-9
CLASSIFIED = 50  # differing flags classified as near ties or not, per flag
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Dataset:
    name: str
    description: str
    observations: Path
    categories: Path
    crosswalk: Path | None = None


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    failed: str | None = None


# --- inputs ----------------------------------------------------------------------------------


def eurostat_dataset(workdir: Path) -> Dataset:
    """The real extract, with a categories file of its 2-digit NACE divisions."""
    codes = set()
    with EUROSTAT.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter=";")
        header = [name.strip().lower() for name in next(rows)]
        nace = header.index("nace_r2")
        for row in rows:
            code = row[nace].strip()
            if re.fullmatch(r"[A-Z]\d{2}", code):
                codes.add(code)
    categories = workdir / "eurostat-categories.csv"
    with categories.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["category", "group"])
        for code in sorted(codes):
            writer.writerow([code, "traded" if code[0] in TRADED_SECTIONS else "local"])
    traded = sum(code[0] in TRADED_SECTIONS for code in codes)
    return Dataset(
        "eurostat",
        f"Eurostat {EUROSTAT.name}, NUTS 2 regions, {len(codes)} NACE divisions "
        f"({traded} traded, {len(codes) - traded} local)",
        EUROSTAT,
        categories,
    )


def panel_dataset(workdir: Path, name: str, regions: int, industries: int, years: int) -> Dataset:
    """A generated panel, written once per shape and reused."""
    folder = workdir / f"panel-{regions}x{industries}x{years}"
    done = folder / ".complete"
    if not done.exists():
        started = time.perf_counter()
        generate(folder, regions, industries, years, categories=50, seed=2026)
        done.touch()
        print(f"  (generated {folder} in {time.perf_counter() - started:.1f} s)", flush=True)
    rows = regions * industries * years
    return Dataset(
        name,
        f"panel {regions:,} regions x {industries:,} industries x {years} years "
        f"({rows:,} rows) through a crosswalk into 50 categories",
        folder / "observations.parquet",
        folder / "categories.csv",
        folder / "crosswalk.csv",
    )


def command(engine: str, data: Dataset, out: Path) -> list[str]:
    files = ["--observations", str(data.observations), "--categories", str(data.categories)]
    if data.crosswalk is not None:
        files += ["--crosswalk", str(data.crosswalk)]
    if engine == "pandas":
        return [sys.executable, str(HERE / "mapping_pandas.py"), *files, "--out", str(out)]
    return [
        str(BIN / "clusterhub"), "mapping", "compute", *files,
        "--method", "cmp", "--backend", engine, "--out", str(out),
    ]  # fmt: skip


# --- measuring -------------------------------------------------------------------------------


# Runs the command as its only child and writes (seconds, ru_maxrss KiB) to argv[1]. Being a
# small fresh process, it keeps the benchmark's own memory out of the child's ru_maxrss (a
# forked child starts with its parent's resident pages).
PROBE = """
import resource, subprocess, sys, time
started = time.perf_counter()
status = subprocess.run(sys.argv[2:]).returncode
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as handle:
    handle.write(f"{seconds} {peak}")
sys.exit(status)
"""


def _descendants_rss(root: int) -> int:
    """Resident bytes of all the descendants of a process (not itself), from /proc."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:
                continue
            # The command name may hold spaces and parentheses: fields follow the last ')'.
            parents[int(entry.name)] = int(stat[stat.rindex(b")") + 2 :].split()[1])
    tree, frontier = set(), [root]
    while frontier:
        current = frontier.pop()
        for pid, parent in parents.items():
            if parent == current and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except OSError:
            continue
    return total


def measure(argv: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MiB, exit status) of a command; its output goes to `log`.

    The command runs under PROBE, which times it and reports its ru_maxrss (the largest
    single process); meanwhile a thread samples the memory of the whole process tree (every
    50 ms for the first two seconds, then every 200 ms, to keep the sampling's own cost low).
    The peak is the larger of the two."""
    report = log.with_suffix(".probe")
    with log.open("wb") as output:
        child = subprocess.Popen(
            [sys.executable, "-c", PROBE, str(report), *argv],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        started = time.perf_counter()
        peak = [0]
        finished = threading.Event()

        def sample() -> None:
            while not finished.is_set():
                peak[0] = max(peak[0], _descendants_rss(child.pid))
                finished.wait(0.05 if time.perf_counter() - started < 2 else 0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        status = child.wait()
        finished.set()
        sampler.join()
    seconds, maxrss = report.read_text().split()
    report.unlink()
    return float(seconds), max(peak[0], int(maxrss) * 1024) / 2**20, status


# --- comparing -------------------------------------------------------------------------------


def _close(a: pd.Series, b: pd.Series, absolute: float = 0.0) -> pd.Series:
    both_missing = a.isna() & b.isna()
    near = (a - b).abs() <= TOLERANCE * np.maximum(a.abs(), b.abs()) + absolute
    return both_missing | near.fillna(False)


def _kind(column: pd.Series) -> str:
    """The type of a column as the contract names it: text, int, float, bool."""
    if pd.api.types.is_bool_dtype(column):
        return "bool"
    if pd.api.types.is_integer_dtype(column):
        return "int"
    if pd.api.types.is_float_dtype(column):
        return "float"
    return "text" if pd.api.types.is_string_dtype(column) else str(column.dtype)


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _key(row: pd.Series, keys: list[str]) -> str:
    return "(" + ", ".join(f"{k} {_plain(row[k])}" for k in keys) + ")"


def _cuts(output: pd.DataFrame, row: pd.Series, flag: str) -> dict[str, float]:
    """The thresholds a flag depends on, as pandas computes them from one output."""
    pool = output[
        (output["category"] == row["category"])
        & (output["group"] == "traded")
        & (output["employment"] > 0)
    ]
    if "year" in output.columns:
        pool = pool[pool["year"] == row["year"]]
    q = {"qualifying": 0.25, "significant": 0.5, "strong": 0.75, "strong10": 0.9}[flag]
    cuts = {f"p{round(q * 100)}(lq)": float(pool["lq"].quantile(q))}
    cuts["p25(employment)"] = float(pool["employment"].quantile(0.25))
    if "establishments" in pool.columns:
        cuts["p25(establishments)"] = float(pool["establishments"].quantile(0.25))
    return cuts


def _percentile_context(
    outputs: tuple[pd.DataFrame, pd.DataFrame], row: pd.Series, flag: str
) -> tuple[bool, str]:
    """Whether a differing flag is a near tie (a value it depends on lies within 1e-9 of its
    threshold, so rounding decides), with the values and thresholds of both outputs."""
    first, second = (_cuts(output, row, flag) for output in outputs)
    if flag in ("strong", "strong10"):
        first["1"] = second["1"] = 1.0
    near, far = [], []
    for label in first:
        column = "lq" if "lq" in label or label == "1" else label[4:-1]
        if f"{column}_a" not in row.index:
            continue
        values = (float(row[f"{column}_a"]), float(row[f"{column}_b"]))
        cuts = (first[label], second[label])
        text = f"{column} {values[0]!r} / {values[1]!r} vs {label} {cuts[0]!r} / {cuts[1]!r}"
        close = any(abs(v - c) <= TOLERANCE * abs(c) for v in values for c in cuts if pd.notna(v))
        (near if close else far).append(text)
    if near:
        return True, "a near tie (rounding): " + "; ".join(near)
    return False, "NOT a near tie: " + "; ".join(far)


def compare(first: Path, second: Path, names: tuple[str, str]) -> bool:
    """Print whether two outputs agree; True when they do."""
    a_name, b_name = names
    a, b = pd.read_parquet(first), pd.read_parquet(second)
    problems: list[str] = []
    if list(a.columns) != list(b.columns):
        problems.append(f"columns differ: {a_name} {list(a.columns)} vs {b_name} {list(b.columns)}")
    for column in [c for c in a.columns if c in b.columns]:
        kinds = (_kind(a[column]), _kind(b[column]))
        if kinds[0] != kinds[1]:
            problems.append(f"{column} is {kinds[0]} in {a_name}, {kinds[1]} in {b_name}")
    keys = [k for k in ("region", "category", "year") if k in a.columns and k in b.columns]
    for name, frame in ((a_name, a), (b_name, b)):
        if not frame[keys].equals(frame.sort_values(keys)[keys].reset_index(drop=True)):
            problems.append(f"{name}'s rows are not sorted by {', '.join(keys)}")
        duplicated = int(frame.duplicated(keys).sum())
        if duplicated:
            problems.append(f"{name} repeats {duplicated} keys")
    a = a.astype({k: str for k in keys if k != "year"})
    b = b.astype({k: str for k in keys if k != "year"})
    both = a.merge(b, on=keys, how="outer", suffixes=("_a", "_b"), indicator=True)
    for side, name in (("left_only", a_name), ("right_only", b_name)):
        only = both[both["_merge"] == side]
        if len(only):
            example = _key(only.iloc[0], keys)
            problems.append(f"{len(only):,} rows only in {name}, such as {example}")
    both = both[both["_merge"] == "both"]
    worst_lq = 0.0
    for column, absolute in (
        ("group", None),
        ("employment", 0.0),
        ("establishments", 0.0),
        ("lq", 0.0),
        ("cagr", 1e-12),
    ):
        if f"{column}_a" not in both.columns or f"{column}_b" not in both.columns:
            continue
        x, y = both[f"{column}_a"], both[f"{column}_b"]
        if absolute is None:
            same = (x.astype(str) == y.astype(str)).to_numpy()
        else:
            x, y = x.astype("float64"), y.astype("float64")
            same = _close(x, y, absolute).to_numpy()
            if column == "lq":
                relative = (x - y).abs() / np.maximum(x.abs(), y.abs())
                worst_lq = float(relative.max(skipna=True)) if relative.notna().any() else 0.0
        if not same.all():
            bad = both[~same]
            row = bad.iloc[0]
            problems.append(
                f"{column}: {len(bad):,} rows differ, such as "
                f"{_key(row, keys)}: {a_name} {_plain(row[f'{column}_a'])!r} "
                f"vs {b_name} {_plain(row[f'{column}_b'])!r}"
            )
    real_flags = 0
    for flag in FLAGS:
        if f"{flag}_a" not in both.columns or f"{flag}_b" not in both.columns:
            continue
        differ = both[both[f"{flag}_a"].astype(bool) != both[f"{flag}_b"].astype(bool)]
        if not len(differ):
            continue
        # Classify the first rows (each costs a scan of the output): near ties or real.
        looked = [
            (row, *_percentile_context((a, b), row, flag))
            for _, row in differ.head(CLASSIFIED).iterrows()
        ]
        ties = sum(near for _, near, _ in looked)
        row, _, context = next((x for x in looked if not x[1]), looked[0])
        problems.append(
            f"{flag}: {len(differ):,} rows differ ({ties} of the first {len(looked)} near ties), "
            f"such as {_key(row, keys)}: {a_name} {bool(row[f'{flag}_a'])}, "
            f"{b_name} {bool(row[f'{flag}_b'])}; {context} ({a_name} / {b_name}; percentiles "
            "computed with pandas from each output)"
        )
        real_flags += len(looked) - ties
    if problems:
        only_ties = real_flags == 0 and all(p.split(":")[0] in FLAGS for p in problems)
        note = " (flags decided by rounding at near ties only)" if only_ties else ""
        print(f"  DISAGREE {a_name} vs {b_name}{note}:")
        for problem in problems:
            print(f"    - {problem}")
        return False
    flagged = ", ".join(f"{flag} {int(a[flag].sum()):,}" for flag in FLAGS if flag in a.columns)
    print(
        f"  agree {a_name} vs {b_name}: {len(a):,} rows, same rows and columns, "
        f"max LQ relative difference {worst_lq:.1e}, identical flags ({flagged})"
    )
    return True


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="eurostat,large", help="eurostat,small,large")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "clusterhub-bench-mapping"
    )
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--industries", type=int, default=1000)
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    unknown = set(sizes) - {"eurostat", "small", "large"}
    if unknown:
        parser.error(f"unknown sizes: {', '.join(sorted(unknown))} (eurostat, small, large)")
    engines = [e for e in ENGINES if not (args.skip_spark and e == "spark")]

    workdir: Path = args.workdir
    (workdir / "out").mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "CI": "true",
    }
    agreed = True
    for size in sizes:
        if size == "eurostat":
            data = eurostat_dataset(workdir)
        elif size == "small":
            regions = max(1, args.regions // 10)
            data = panel_dataset(workdir, size, regions, args.industries, args.years)
        else:
            data = panel_dataset(workdir, size, args.regions, args.industries, args.years)
        print(f"mapping compute --method cmp, {size}: {data.description}", flush=True)
        runs = {engine: Runs() for engine in engines}
        outputs = {engine: workdir / "out" / f"{size}-{engine}.parquet" for engine in engines}
        load_before = os.getloadavg()[0]
        for attempt in range(args.repeat):
            for engine in engines:
                if runs[engine].failed:
                    continue
                outputs[engine].unlink(missing_ok=True)
                log = workdir / "out" / f"{size}-{engine}.log"
                seconds, peak, status = measure(command(engine, data, outputs[engine]), env, log)
                if status != 0 or not outputs[engine].exists():
                    tail = log.read_text(errors="replace").strip().splitlines()[-5:]
                    runs[engine].failed = f"exit status {status}: " + " | ".join(tail)
                    continue
                runs[engine].seconds.append(seconds)
                runs[engine].peaks.append(peak)
                print(
                    f"    ({size} run {attempt + 1}/{args.repeat} {engine}: {seconds:.2f} s, "
                    f"{peak:,.0f} MiB)",
                    file=sys.stderr,
                    flush=True,
                )
        load = os.getloadavg()[0]
        print(
            f"  {args.repeat} runs each, interleaved; median wall-clock (start-up included), "
            f"highest peak resident memory of the process tree; {os.cpu_count()} CPUs, load average "
            f"{load_before:.1f} before, {load:.1f} after"
        )
        medians: dict[str, float] = {}
        for engine in engines:
            result = runs[engine]
            label = {"pandas": "pandas peer"}.get(engine, f"clusterhub {engine}")
            if result.failed:
                print(f"  {label:<18} FAILED ({result.failed})")
                continue
            medians[engine] = median(result.seconds)
            print(
                f"  {label:<18} {medians[engine]:7.2f} s   peak {max(result.peaks):7,.0f} MiB   "
                f"runs: {', '.join(f'{t:.2f}' for t in result.seconds)}"
            )
        if "pandas" in medians and "duckdb" in medians:
            ratio = medians["pandas"] / medians["duckdb"]
            verdict = ""
            if size == "large":
                verdict = " (the issue asks for at least 3x: " + (
                    "met)" if ratio >= 3 else "NOT met)"
                )
            print(f"  ratio pandas / duckdb: {ratio:.2f}x{verdict}")
        if "pandas" in medians and "spark" in medians:
            print(f"  ratio pandas / spark: {medians['pandas'] / medians['spark']:.2f}x")
        if "duckdb" in medians and "pandas" in medians:
            agreed &= compare(outputs["duckdb"], outputs["pandas"], ("duckdb", "pandas"))
        if "duckdb" in medians and "spark" in medians:
            agreed &= compare(outputs["spark"], outputs["duckdb"], ("spark", "duckdb"))
        print(flush=True)
    if not agreed:
        print("DISAGREE: the engines' outputs differ (see above)")


if __name__ == "__main__":
    main()
