"""Benchmark data: a large registry built from the demo generator, loaded by the importer.

    .venv/bin/python bench/generate_registry.py [--clusters 10000] [--members 500000]
        [--database postgres://postgres@127.0.0.1:5432/bench_registry]

The default database is the SQLite file clusterhub-bench-registry.sqlite3 in the temporary
directory, where bench/api_search.py and bench/map_render.py look by default too.

The demo generator gives 600 organisations and about 30,000 members per seed. This script
runs it with seeds 1, 2, 3, ... until it has enough, suffixes every id with the seed's
number (`CZ-001-07`, also in the members' `cluster_id` and the links' `partner_id`) and
every name after the first seed's with ` (7)`, keeps the first `--clusters`
organisations and the first `--members` members that belong to them (topped up from the
next seed when the last one was cut short), and imports the three tables in one
`run_import` (the importer behind `clusterhub import`: every row validated, then written
with its history entry). The database is created afresh: an SQLite file is
replaced, a PostgreSQL database is dropped and created again. Then the region names are
set and the database analysed (ANALYZE), as a production database's maintenance would.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DATABASE = f"sqlite:///{Path(tempfile.gettempdir()) / 'clusterhub-bench-registry.sqlite3'}"


def fresh_database(url: str) -> None:
    """Delete an SQLite file, or drop and create a PostgreSQL database."""
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        path = Path(parts.path)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def scaled_rows(
    clusters: int, members: int
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]], dict[str, str]]:
    """Clusters, members, cooperations and region names from as many seeds as needed."""
    from clusterhub.demo.registry import generate

    out_clusters: list[dict[str, str]] = []
    out_members: list[dict[str, str]] = []
    out_links: list[dict[str, str]] = []
    regions: dict[str, str] = {}
    seed = 0
    while len(out_clusters) < clusters:
        seed += 1
        data = generate(seed)
        regions.update(data.regions)
        kept: set[str] = set()
        for row in data.clusters[: clusters - len(out_clusters)]:
            kept.add(row["id"])
            name_suffix = f" ({seed})" if seed > 1 else ""
            out_clusters.append(
                {
                    **row,
                    "id": f"{row['id']}-{seed:02d}",
                    "name": row["name"] + name_suffix,
                    "name_en": row["name_en"] + name_suffix if row["name_en"] else "",
                    "source": "bench",
                }
            )
        for row in data.members:
            if row["cluster_id"] in kept and len(out_members) < members:
                out_members.append({**row, "cluster_id": f"{row['cluster_id']}-{seed:02d}"})
        for row in data.cooperations:
            if row["cluster_id"] in kept and (not row["partner_id"] or row["partner_id"] in kept):
                partner = f"{row['partner_id']}-{seed:02d}" if row["partner_id"] else ""
                out_links.append(
                    {**row, "cluster_id": f"{row['cluster_id']}-{seed:02d}", "partner_id": partner}
                )
    while len(out_members) < members:
        # The last seed was cut short: its members' places go to more members of the next
        # seeds, spread over the organisations kept (a name suffix keeps names unique).
        seed += 1
        for i, row in enumerate(generate(seed).members[: members - len(out_members)]):
            target = out_clusters[i % len(out_clusters)]["id"]
            out_members.append({**row, "cluster_id": target, "name": f"{row['name']} ({seed})"})
    return out_clusters, out_members, out_links, regions


def load(url: str, clusters: int, members: int) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterhub.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from clusterhub.audit.services import Actor
    from clusterhub.ingest.pipeline import Part, run_import
    from clusterhub.ingest.readers.memory import rows_table
    from clusterhub.registry.models import Cluster, Cooperation, Member
    from clusterhub.registry.services import name_regions

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    rows = scaled_rows(clusters, members)
    generated = time.perf_counter()
    parts = [
        Part(Path(f"bench-{table}"), table, rows_table(f"bench {table}", table, data))
        for table, data in zip(("clusters", "members", "cooperations"), rows[:3], strict=True)
    ]
    results = run_import(parts, source="bench", actor=Actor.system("bench", context="bench"))
    name_regions(rows[3])
    imported = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    analysed = time.perf_counter()

    total_rows = sum(len(table) for table in rows[:3])
    print(f"registry in {_redacted(url)}")
    for result in results:
        print(f"  {result.summary()}")
    print(
        f"  in the database: {Cluster.objects.count():,} clusters, "
        f"{Member.objects.count():,} members, {Cooperation.objects.count():,} cooperations"
    )
    print(f"  migrate            {migrated - started:7.1f} s")
    print(f"  generate rows      {generated - migrated:7.1f} s")
    print(
        f"  import (run_import){imported - generated:7.1f} s  "
        f"{total_rows / (imported - generated):,.0f} rows/s"
    )
    print(f"  ANALYZE            {analysed - imported:7.1f} s")
    print(f"  total              {analysed - started:7.1f} s")


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.hostname or "")) if parts.password else url


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clusters", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=500_000)
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="database URL (recreated)")
    args = parser.parse_args()
    os.environ["CI"] = "true"
    fresh_database(args.database)
    load(args.database, args.clusters, args.members)


if __name__ == "__main__":
    main()
