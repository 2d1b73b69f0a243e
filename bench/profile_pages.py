"""Benchmark: the pages a coordinator opens on a large registry, through Django's test
client in-process (the view, templates and queries; no HTTP server):

- **profile**: an organisation's page as the public sees it and as an admin sees it (with
  the peer comparison and the suggested partners), for `--profiles` organisations drawn
  with a fixed seed; the caches warm, as on a server between writes;
- **CSV**: the coordinators' table of every organisation's best partners as CSV, streamed:
  the time to the first piece and to the whole file, `--runs` times.

    .venv/bin/python bench/generate_registry.py --clusters 10000 --members 20000 \\
        --database sqlite:////tmp/bench-sugg.sqlite3
    .venv/bin/python bench/profile_pages.py --database sqlite:////tmp/bench-sugg.sqlite3
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
    parser.add_argument("--profiles", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ["CI"] = "true"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterhub.settings")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from clusterhub.accounts.models import User
    from clusterhub.registry.models import Cluster

    setup_test_environment()  # the test client's Host; nothing is written but the user
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    ids = sorted(Cluster.objects.values_list("pk", flat=True))
    chosen = random.Random(12).sample(ids, min(args.profiles, len(ids)))
    print(f"registry: {len(ids):,} organisations")
    for who in ("public", "admin"):
        client = Client()
        if who == "admin":
            client.force_login(admin)
        client.get(f"/en/clusters/{chosen[0]}/")  # warm the caches
        times = []
        for pk in chosen:
            started = time.perf_counter()
            status = client.get(f"/en/clusters/{pk}/").status_code
            times.append((time.perf_counter() - started) * 1000)
            assert status == 200, status
        print(
            f"profile page as {who} ({len(times)} organisations): median "
            f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms"
        )

    client = Client()
    client.force_login(admin)
    firsts, wholes, size = [], [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.get("/en/cooperation/suggestions/?format=csv")
        # Streamed since 2026-12-07; an older checkout answers in one piece.
        pieces = iter(response.streaming_content if response.streaming else [response.content])
        size = len(next(pieces))
        firsts.append(time.perf_counter() - started)
        size += sum(len(piece) for piece in pieces)
        wholes.append(time.perf_counter() - started)
    print(
        f"coordinators' CSV of every organisation ({size / 1e6:.1f} MB): first piece median "
        f"{statistics.median(firsts):.2f} s, whole median {statistics.median(wholes):.2f} s "
        f"over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
