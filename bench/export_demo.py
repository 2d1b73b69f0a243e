"""Benchmark: exporting the whole demo registry to every format.

    .venv/bin/python bench/export_demo.py [--runs 3]

Loads the demo data set into a fresh SQLite file, then times `clusterhub export TABLE
--format F` for each table and format (median wall-clock, start-up included).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import clusterhub, median

CASES = [
    ("clusters", ["csv", "xlsx", "json", "geojson"]),
    ("members", ["csv", "xlsx", "json"]),
    ("cooperations", ["csv", "xlsx", "json"]),
    ("clusters", ["datapackage"]),
]
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json", "geojson": ".geojson", "datapackage": ""}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite3"
        load = clusterhub("demo", "--load-only", database=db)
        print(f"demo data loaded in {load:.1f} s (migrate, generate, validate, write with history)")
        print(f"{'table':<13} {'format':<12} {'median s':>9} {'size':>10}")
        for table, formats in CASES:
            for fmt in formats:
                out = folder / f"{table}{SUFFIX[fmt]}"
                times = [
                    clusterhub("export", table, "--format", fmt, "--out", str(out), database=db)
                    for _ in range(args.runs)
                ]
                size = (
                    sum(p.stat().st_size for p in out.rglob("*"))
                    if out.is_dir()
                    else out.stat().st_size
                )
                label = "all tables" if fmt == "datapackage" else table
                print(f"{label:<13} {fmt:<12} {median(times):9.2f} {size / 1e6:8.1f} MB")


if __name__ == "__main__":
    main()
