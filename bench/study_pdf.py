"""Benchmark: the benchmarking study of the whole demo registry as PDF (target: under 60 s).

    .venv/bin/python bench/study_pdf.py [--runs 3] [--format pdf|html]

Loads the demo data set (600 organisations, 30,000 members, the demo survey answers and the
demo regional mapping) into a fresh SQLite file, then times `clusterhub report benchmarking
--format pdf` as a user runs it (start-up included): median of the runs, pages, size, peak
memory.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN, clusterhub, median, peak_memory_mib


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", choices=["pdf", "html"], default="pdf")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite3"
        load = clusterhub("demo", "--load-only", database=db)
        print(f"demo data loaded in {load:.1f} s (registry, survey answers, mapping)")
        out = folder / f"study.{args.format}"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "CI": "true"}
        command = [
            str(BIN / "clusterhub"),
            "report",
            "benchmarking",
            "--format",
            args.format,
            "--out",
            str(out),
        ]
        times, peaks = [], []
        for run in range(args.runs):
            seconds, peak = peak_memory_mib(command, env)
            times.append(seconds)
            peaks.append(peak)
            print(f"run {run + 1}: {seconds:.1f} s, peak {peak:.0f} MiB")
        document = out.read_bytes()
        report = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
        found = re.search(r"(\d+) pages", report)
        extent = f"{found.group(1)} pages" if found else f"{len(document):,} bytes"
        print(
            f"study ({args.format}) of the whole demo registry: median {median(times):.1f} s over "
            f"{args.runs} runs, {extent}, {len(document) / 1e6:.1f} MB, peak {max(peaks):.0f} MiB "
            f"(target: under 60 s)"
        )


if __name__ == "__main__":
    main()
