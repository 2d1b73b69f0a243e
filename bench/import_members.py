"""Benchmark: importing member rows from CSV into SQLite, beside `sqlite-utils insert`.

    .venv/bin/python bench/import_members.py [--rows 100000] [--runs 5] [--million]

Each run starts from a fresh copy of a database that holds the 1,000 clusters the members
refer to. Clusterhub validates every row, resolves its cluster, writes it and its history
entry in one transaction; `sqlite-utils insert --csv` only inserts text. Times are
wall-clock for the whole command, start-up included. `--million` also imports 1,000,000
rows once and reports the peak resident memory.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN, clusterhub, median, peak_memory_mib, timed

HEADER = [
    "cluster_id",
    "name",
    "country",
    "nuts",
    "type",
    "nace",
    "employees",
    "website",
    "register_id",
    "joined",
]
REGIONS = [
    ("CZ", "CZ064", "Brno"),
    ("PL", "PL213", "Kraków"),
    ("HU", "HU221", "Győr"),
    ("SK", "SK031", "Žilina"),
    ("SI", "SI041", "Ljubljana"),
]
FORMS = {"CZ": "s.r.o.", "PL": "sp. z o.o.", "HU": "Kft.", "SK": "s.r.o.", "SI": "d.o.o."}
WORDS = ["Strojírny", "Technika", "Żelazo", "Gépgyár", "Elektro", "Řízení", "Dřevo", "Sklárna"]


def write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    rng = random.Random(7)
    clusters = folder / "clusters.csv"
    with clusters.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "country", "nuts"])
        for i in range(1000):
            country, nuts, city = REGIONS[i % len(REGIONS)]
            writer.writerow([f"B{i:04d}", f"Klastr {city} {i}", country, nuts])
    members = folder / f"members-{rows}.csv"
    with members.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            cluster = i % 1000
            country, nuts, _ = REGIONS[cluster % len(REGIONS)]
            kind = rng.choices(
                ["sme", "large", "research", "university", "public"], [80, 8, 5, 4, 3]
            )[0]
            writer.writerow(
                [
                    f"B{cluster:04d}",
                    f"{rng.choice(WORDS)} {i} {FORMS[country]}",
                    country,
                    nuts,
                    kind,
                    rng.choice(["C29.3", "C28", "J62.01", "C25.6", "M72.1"]),
                    rng.randint(1, 249) if kind == "sme" else rng.randint(250, 5000),
                    f"https://www.firma{i}.example",
                    f"{rng.randint(10_000_000, 99_999_999)}",
                    f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                ]
            )
    return clusters, members


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--million", action="store_true", help="also import 1,000,000 rows once")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clusters, members = write_files(folder, args.rows)
        template = folder / "template.sqlite3"
        clusterhub("migrate", database=template)
        clusterhub("import", str(clusters), database=template)

        ours, peer = [], []
        for run in range(args.runs):
            db = folder / f"run{run}.sqlite3"
            shutil.copy(template, db)
            ours.append(clusterhub("import", str(members), database=db))
            peer_db = folder / f"peer{run}.sqlite3"
            peer.append(
                timed(
                    [
                        str(BIN / "sqlite-utils"),
                        "insert",
                        str(peer_db),
                        "members",
                        str(members),
                        "--csv",
                    ]
                )
            )

        ours_median, peer_median = median(ours), median(peer)
        print(
            f"members import, {args.rows:,} rows, {args.runs} runs (median wall-clock, start-up included)"
        )
        print(
            f"  clusterhub import     {ours_median:6.2f} s  {args.rows / ours_median:9,.0f} rows/s"
        )
        print(
            f"  sqlite-utils insert   {peer_median:6.2f} s  {args.rows / peer_median:9,.0f} rows/s"
        )
        print(f"  ratio clusterhub / sqlite-utils: {ours_median / peer_median:.2f}x")
        print(f"  runs clusterhub: {', '.join(f'{t:.2f}' for t in ours)}")
        print(f"  runs sqlite-utils: {', '.join(f'{t:.2f}' for t in peer)}")

        if args.million:
            _, big = write_files(folder, 1_000_000)
            db = folder / "million.sqlite3"
            shutil.copy(template, db)
            env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "CI": "true"}
            seconds, peak = peak_memory_mib([str(BIN / "clusterhub"), "import", str(big)], env)
            print(
                f"members import, 1,000,000 rows: {seconds:.1f} s, {1_000_000 / seconds:,.0f} rows/s, "
                f"peak resident memory {peak:,.0f} MiB"
            )


if __name__ == "__main__":
    main()
