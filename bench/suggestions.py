"""Benchmark: partner suggestions for every organisation of a 10,000-organisation registry,
and one profile's suggestions as the portal asks for them.

    .venv/bin/python bench/generate_registry.py --clusters 10000 --members 20000 \
        --database sqlite:////tmp/bench-suggestions.sqlite3
    .venv/bin/python bench/suggestions.py --database sqlite:////tmp/bench-suggestions.sqlite3 \
        [--runs 5] [--profiles 500]

Against the registry bench/generate_registry.py imports (the demo generator's organisations,
scaled up, with their cooperation links), in-process:

- **all**: the tables read from the database and built into arrays (`load_tables`), then
  the top 10 for every organisation with the default weights and existing partners left
  out, each with its reasons: codes and values only (as `suggestions_for_all` gives them to
  the coordinators' table), and again with the details their sentences name (services,
  the related pair of sectors, the region). `--runs` times each, median reported;
- **profile**: `suggestions_for(cluster)` for `--profiles` organisations drawn with a fixed
  seed, as the profile page and the API call it: a query for the registry's state, then
  the vectorised scores of one organisation against all, the top 10 and their reasons as
  sentences. The cache of tables is warm (as on a server between writes); the first call
  after a write (a rebuild) is the `load_tables` figure of "all". Median, p95 and p99.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True, help="database URL (see the docstring)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profiles", type=int, default=500)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ["CI"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterhub.settings")
    import django

    django.setup()
    from clusterhub.analytics.partners import DEFAULT_WEIGHTS, Scorer
    from clusterhub.cooperation.suggestions import inputs
    from clusterhub.cooperation.suggestions.service import suggestions_for
    from clusterhub.registry.models import Cluster

    for explain in (False, True):
        builds, scorings, totals, cpu = [], [], [], []
        count = 0
        for _ in range(args.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            tables = inputs.load_tables()
            scorer = Scorer(tables)
            built = time.perf_counter()
            found = scorer.top_many(range(len(tables)), 10, DEFAULT_WEIGHTS, explain=explain)
            count = sum(len(row) for row in found)
            done = time.perf_counter()
            builds.append(built - started)
            scorings.append(done - built)
            totals.append(done - started)
            cpu.append(time.process_time() - cpu_started)
        what = (
            "reasons with the details of their sentences" if explain else "reason codes and values"
        )
        print(f"registry: {len(tables):,} organisations; {count:,} suggestions per run")
        print(
            f"all, top 10 each, {what}: median {statistics.median(totals):.2f} s "
            f"(read and build {statistics.median(builds):.2f} s, "
            f"score and rank {statistics.median(scorings):.2f} s; processor time "
            f"{statistics.median(cpu):.2f} s) over {args.runs} runs"
        )

    ids = list(Cluster.objects.values_list("id", flat=True))
    chosen = random.Random(12).sample(ids, min(args.profiles, len(ids)))
    clusters = {c.pk: c for c in Cluster.objects.filter(pk__in=chosen)}
    suggestions_for(clusters[chosen[0]])  # warm the cache
    times = []
    for pk in chosen:
        started = time.perf_counter()
        suggestions_for(clusters[pk])
        times.append((time.perf_counter() - started) * 1000)
    times.sort()

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))]

    print(
        f"one profile ({len(times)} organisations): median {statistics.median(times):.1f} ms, "
        f"p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms, max {times[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
