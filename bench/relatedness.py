"""Benchmark: industry relatedness of 3,000 regions x 1,000 categories (target: under 10 s).

    .venv/bin/python bench/relatedness.py [--regions 3000] [--categories 1000] [--runs 3]

Writes a generated observations file (Parquet; 60 % of the cells employed, gamma-distributed
employment, fixed seed) and its categories into a temporary folder, then times the whole
command `clusterhub cooperation relatedness --measure M --out R.parquet` for each measure
(`--runs` times, median shown): reading and checking the files, the measure, and writing
the regions x categories pairs (999,000 rows for 1,000 categories).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN, timed

MEASURES = ["share_correlation", "share_cosine", "log_lq_correlation", "proximity"]


def generate(folder: Path, regions: int, categories: int) -> tuple[Path, Path]:
    rng = np.random.default_rng(2026)
    codes = [f"K{j:04d}" for j in range(categories)]
    employment = rng.gamma(0.5, 100.0, regions * categories) * (
        rng.random(regions * categories) < 0.6
    )
    observations = pd.DataFrame(
        {
            "region": np.repeat([f"R{i:05d}" for i in range(regions)], categories),
            "category": np.tile(codes, regions),
            "employment": employment.round(1),
        }
    )
    observed = folder / "observations.parquet"
    observations.to_parquet(observed, index=False)
    listed = folder / "categories.csv"
    pd.DataFrame({"category": codes, "group": "traded"}).to_csv(listed, index=False)
    return observed, listed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--categories", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("CI", "true")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        observed, listed = generate(folder, args.regions, args.categories)
        print(f"{args.regions:,} regions x {args.categories:,} categories; median of {args.runs}")
        for measure in MEASURES:
            command = [
                str(BIN / "clusterhub"), "cooperation", "relatedness",
                "--observations", str(observed), "--categories", str(listed),
                "--measure", measure, "--out", str(folder / "related.parquet"),
            ]  # fmt: skip
            runs = [timed(command) for _ in range(args.runs)]
            shown = " / ".join(f"{r:.2f}" for r in runs)
            print(f"  {measure:20} {statistics.median(runs):6.2f} s   (runs {shown})")


if __name__ == "__main__":
    main()
