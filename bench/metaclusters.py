"""Benchmark: meta-cluster candidates of a 10,000-organisation registry (target: under 10 s).

    .venv/bin/python bench/metaclusters.py [--organisations 10000] [--runs 5] [--neighbours 15]

Generates a registry as the plain tables partner suggestions read (fixed seed): 6 countries,
every organisation in one main industrial ecosystem (a quarter also in a second one), its
sectors NACE groups typical of its ecosystems, 2-5 services, 1-3 needs, members and SMEs,
about two cooperation links each. Then times, `--runs` times, the whole search in-process:
`build_tables` (arrays of the registry), the k-nearest similarity graph, Leiden and the
coherence and country filters (`find_candidates`). Prints each stage of the last run and
the median of the whole.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from clusterhub.analytics.partners import build_tables
from clusterhub.analytics.partners.communities import (
    communities,
    find_candidates,
    similarity_graph,
)
from clusterhub.standard.vocabularies import ECOSYSTEMS, LIFECYCLE, SERVICES

COUNTRIES = {"AT": 0.2, "CZ": 0.2, "HU": 0.15, "PL": 0.25, "SK": 0.1, "SI": 0.1}
# NACE groups typical of each ecosystem (normalised as the registry stores them).
SECTORS = {
    "aerospace-defence": ["C30.3", "C25.4", "C26.5", "C33.1"],
    "agri-food": ["C10.1", "C10.5", "C11.0", "A01.1", "A01.4"],
    "construction": ["F41.2", "F42.1", "F43.2", "C23.6", "M71.1"],
    "cultural-creative": ["J59.1", "R90.0", "M73.1", "J58.1"],
    "digital": ["J62.0", "J63.1", "J61.1", "J58.2", "C26.2"],
    "electronics": ["C26.1", "C26.3", "C27.9", "C26.5"],
    "energy-intensive": ["C24.1", "C20.1", "C23.5", "C17.1"],
    "energy-renewables": ["D35.1", "C27.1", "C28.1", "E38.3"],
    "health": ["Q86.1", "Q86.2", "C21.2", "C32.5", "M72.1"],
    "mobility-transport-automotive": ["C29.1", "C29.3", "C22.1", "C30.2", "H49.4"],
    "proximity-social-economy": ["S94.9", "Q88.9", "N81.2"],
    "retail": ["G47.1", "G47.9", "G46.9"],
    "textile": ["C13.9", "C14.1", "C15.1", "C13.2"],
    "tourism": ["I55.1", "I55.2", "I56.1", "N79.1", "R93.2"],
}
assert set(SECTORS) == set(ECOSYSTEMS)


def generate(n: int, seed: int = 2026) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(clusters, tags, cooperations) of a generated registry of `n` organisations."""
    rng = np.random.default_rng(seed)
    ecosystems = sorted(SECTORS)
    popularity = rng.dirichlet(np.full(len(ecosystems), 3.0))
    main = rng.choice(len(ecosystems), n, p=popularity)
    countries = rng.choice(list(COUNTRIES), n, p=list(COUNTRIES.values()))
    members = np.maximum(3, rng.lognormal(3.7, 0.8, n)).round()
    clusters = pd.DataFrame(
        {
            "id": np.arange(1, n + 1),
            "name": [f"Cluster {i}" for i in range(1, n + 1)],
            "country": countries,
            "nuts": "",
            "lifecycle": rng.choice(list(LIFECYCLE), n),
            "members_total": members,
        }
    )
    smes = dict(
        zip(clusters["id"].tolist(), (members * rng.uniform(0.5, 0.9, n)).round(), strict=True)
    )
    services = list(SERVICES)
    tags: list[tuple[int, str, str]] = []
    for i in range(n):
        cid = i + 1
        own = [ecosystems[main[i]]]
        if rng.random() < 0.25:
            own.append(ecosystems[rng.integers(len(ecosystems))])
        for eco in dict.fromkeys(own):
            tags.append((cid, "ecosystems", eco))
        pool = SECTORS[own[0]]
        sectors = set(rng.choice(pool, rng.integers(1, 4), replace=False).tolist())
        if len(own) > 1 and rng.random() < 0.5:
            sectors.add(str(rng.choice(SECTORS[own[1]])))
        tags += [(cid, "sectors", code) for code in sorted(sectors)]
        tags += [
            (cid, "services", s) for s in rng.choice(services, rng.integers(2, 6), replace=False)
        ]
        tags += [(cid, "needs", s) for s in rng.choice(services, rng.integers(1, 4), replace=False)]
    links = 2 * n
    a = rng.integers(1, n + 1, links)
    b = rng.integers(1, n + 1, links)
    cooperations = pd.DataFrame({"cluster_id": a[a != b], "partner_id": b[a != b]})
    frame = pd.DataFrame(tags, columns=["cluster_id", "field", "code"])
    frame.attrs["smes"] = smes
    return clusters, frame, cooperations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--neighbours", type=int, default=15)
    parser.add_argument("--resolution", type=float, default=1.0)
    args = parser.parse_args()
    clusters, tags, cooperations = generate(args.organisations)
    smes = tags.attrs["smes"]
    print(f"{args.organisations:,} organisations, {len(tags):,} tags; median of {args.runs}")
    totals, cpu = [], []
    for _ in range(args.runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        tables = build_tables(clusters, tags, cooperations)
        built = time.perf_counter()
        found = find_candidates(tables, k=args.neighbours, resolution=args.resolution, smes=smes)
        totals.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        print(
            f"  run: {totals[-1]:.2f} s, CPU {cpu[-1]:.2f} s (tables {built - started:.2f} s), "
            f"{len(found)} candidates"
        )
    # The stages once more, separately, for the breakdown.
    started = time.perf_counter()
    graph = similarity_graph(tables, args.neighbours)
    graphed = time.perf_counter()
    parts = communities(graph, args.resolution)
    split = time.perf_counter()
    print(
        f"stages: graph {graphed - started:.2f} s ({len(graph.weight):,} edges), "
        f"Leiden {split - graphed:.2f} s ({len(parts)} communities)"
    )
    for candidate in found[:8]:
        print(
            f"  {candidate.name}: {len(candidate.clusters)} clusters, {candidate.members:,} members"
        )
    runs = " / ".join(f"{t:.2f}" for t in totals)
    print(f"median end to end: {statistics.median(totals):.2f} s (runs {runs})")
    # On a busy machine the wall clock waits for other processes; CPU time does not.
    print(f"median CPU time: {statistics.median(cpu):.2f} s")


if __name__ == "__main__":
    main()
