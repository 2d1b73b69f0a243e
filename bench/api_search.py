"""Benchmark: API search with filters and facet counts under load, beside Datasette.

    .venv/bin/python bench/generate_registry.py [--database URL]
    .venv/bin/python bench/api_search.py [--database URL] [--duration 60] [--clients 32] \
        [--server granian|serve|gunicorn] [--workers 3] [--threads 1] [--no-datasette]

Serves the app with granian (default; WSGI, `--workers` processes with `--threads`
blocking threads each, connections kept alive), `clusterhub serve` (the same granian as
production runs it: its checks, the access log, WhiteNoise with the collected static files,
which are collected first into a temporary folder) or gunicorn (sync workers, or gthread with
`--threads` > 1; a sync worker closes the connection after each answer) on 127.0.0.1 with
the throttles lifted (`API_ANON_RATE` and `API_AUTH_RATE` 100000/s: every request is still
counted, in the cache shared by the processes: the database's table, or Redis when REDIS_URL
is set) and persistent database connections (`CONN_MAX_AGE=600`). `--clients`
closed-loop clients (bench/_http.py) then run searches for `--duration` seconds after a
short warm-up: one search is one request, `GET /api/v1/clusters?q=…&country=…&ecosystem=…
&lifecycle=…&facets=true` (a page of 20 and the counts of all nine facets), going through
2,000 combinations drawn (with a fixed seed) from a word, two or three countries, an
ecosystem and two or three lifecycle stages.

On SQLite, Datasette then serves the same file (one process, as it comes) and the same
clients ask it the equivalent in one request each: the same text condition, filters and
order, a page of 20 rows, the total count and facet counts of the columns country, nuts_id,
lifecycle and label (Datasette has no facets over the tag table, and counts every facet
with all filters applied).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN
from _http import Plan, Stats, drive, percentile, wait_until_up

HOST = "127.0.0.1"
DEFAULT_DATABASE = f"sqlite:///{Path(tempfile.gettempdir()) / 'clusterhub-bench-registry.sqlite3'}"
# Searches are drawn from these parts, so that few repeat exactly (a cache of answers would
# not help much): one word, two or three countries, an ecosystem and lifecycle stages.
WORDS = [
    "automotive", "energie", "klaster", "food", "health", "textil", "elektro", "innovation",
    "digital", "cluster", "gmbh", "technik", "zdravi", "strojir", "wood", "tourism", "agro",
    "med", "bio", "plast", "logist", "kreativ", "software", "metal", "aero", "chem",
]  # fmt: skip
COUNTRIES = ["AT", "CZ", "DE", "HU", "IT", "PL", "SI", "SK"]
ECOSYSTEMS = [
    "mobility-transport-automotive", "energy-renewables", "digital", "agri-food", "health",
    "textile", "electronics", "construction", "tourism", "aerospace-defence",
]  # fmt: skip
LIFECYCLE = ["emerging", "growing", "mature", "declining", "renewing"]


def combinations(count: int = 2000) -> list[tuple[str, str, str, str]]:
    """(word, countries, ecosystem, lifecycle stages), the same in every run."""
    pick = random.Random(2026)
    return [
        (
            pick.choice(WORDS),
            ",".join(pick.sample(COUNTRIES, pick.randint(2, 3))),
            pick.choice(ECOSYSTEMS),
            ",".join(pick.sample(LIFECYCLE, pick.randint(2, 3))),
        )
        for _ in range(count)
    ]


COMBINATIONS = combinations()


def clusterhub_plan() -> Plan:
    paths = []
    for q, country, ecosystem, lifecycle in COMBINATIONS:
        params = urlencode(
            {"q": q, "country": country, "ecosystem": ecosystem, "lifecycle": lifecycle}
        )
        paths.append([("search", f"/api/v1/clusters?{params}&facets=true")])
    return lambda i: paths[i % len(paths)]


def datasette_plan(db_name: str) -> Plan:
    paths = []
    for q, country, ecosystem, lifecycle in COMBINATIONS:
        codes = ", ".join(f"'{c}'" for c in ecosystem.split(","))
        params = [
            ("_where", f"(search_own LIKE '%{q}%' OR search_members LIKE '%{q}%')"),
            ("country__in", country),
            ("lifecycle__in", lifecycle),
            (
                "_where",
                "id IN (SELECT t.cluster_id FROM registry_clustertag t JOIN registry_term m "
                f"ON m.id = t.term_id WHERE t.field = 'ecosystems' AND m.code IN ({codes}))",
            ),
            ("_sort", "name"),
            ("_size", "20"),
            ("_shape", "objects"),
            ("_nocol", "search_own"),
            ("_nocol", "search_members"),
            ("_facet", "country"),
            ("_facet", "nuts_id"),
            ("_facet", "lifecycle"),
            ("_facet", "label"),
        ]
        paths.append([("search", f"/{db_name}/registry_cluster.json?{urlencode(params)}")])
    return lambda i: paths[i % len(paths)]


LOG = Path(tempfile.gettempdir()) / "clusterhub-bench-server.log"
STATIC_ROOT = Path(tempfile.gettempdir()) / "clusterhub-bench-static"


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a server in its own process group; its output goes to LOG."""
    with LOG.open("ab") as log:
        return subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def server_cpu_seconds(process: subprocess.Popen[bytes]) -> float:
    """CPU time (user and system) used so far by the server's processes: its process group,
    read from /proc (Linux). Less disturbed than throughput by other load on the machine."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == process.pid:  # pgrp; then utime and stime
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(
    name: str,
    port: int,
    plan: Plan,
    probe: str,
    args: argparse.Namespace,
    process: subprocess.Popen[bytes],
) -> Stats:
    wait_until_up(HOST, port, probe)
    drive(HOST, port, plan, args.clients, args.warmup)
    cpu = server_cpu_seconds(process)
    stats = drive(HOST, port, plan, args.clients, args.duration)
    cpu = server_cpu_seconds(process) - cpu
    report(name, stats)
    if stats.rounds:
        print(f"  server CPU {cpu * 1000 / stats.rounds:.2f} ms per search ({cpu:.1f} s)")
    return stats


def report(name: str, stats: Stats) -> None:
    requests = sum(len(v) for k, v in stats.latencies.items() if k != "search (all)")
    requests += sum(n for k, n in stats.errors.items() if k != "search (all)")
    print(
        f"{name}: {stats.rounds / stats.seconds:,.1f} searches/s, "
        f"{requests / stats.seconds:,.1f} requests/s, errors {stats.errors or 0}"
    )
    for label, values in stats.latencies.items():
        ms = sorted(v * 1000 for v in values)
        print(
            f"  {label:<13} n={len(ms):>7,}  p50 {percentile(ms, 50):7.1f} ms  "
            f"p95 {percentile(ms, 95):7.1f} ms  p99 {percentile(ms, 99):7.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="database URL (loaded)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds before measuring")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3, help="server worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker process")
    parser.add_argument(
        "--server",
        choices=["granian", "serve", "gunicorn"],
        default="granian",
        help="the WSGI server (serve: `clusterhub serve`, granian as in production)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-datasette", action="store_true", help="skip the Datasette peer")
    parser.add_argument(
        "--answer-cache-mb",
        type=int,
        default=32,
        help="API_ANSWER_CACHE_MB: the per-process store of repeated answers (0: off)",
    )
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": args.database,
        # Throttles lifted (a one-second window keeps their history short).
        "API_ANON_RATE": "100000/s",
        "API_AUTH_RATE": "100000/s",
        "CONN_MAX_AGE": "600",
        "API_ANSWER_CACHE_MB": str(args.answer_cache_mb),
        "CI": "true",
        # wsgi.py and serve refuse the public development key with DEBUG off.
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-" + "k" * 60,
        "STATIC_ROOT": str(STATIC_ROOT),
        "STATIC_COMPRESS": "false",  # the API is measured; collecting stays quick
    }
    if args.server == "granian":
        server = [
            str(BIN / "granian"),
            "--interface=wsgi",
            f"--host={HOST}",
            f"--port={args.port}",
            f"--workers={args.workers}",
            f"--blocking-threads={args.threads}",
            "--log-level=warning",
            "clusterhub.wsgi:application",
        ]
    elif args.server == "serve":
        subprocess.run(
            [str(BIN / "clusterhub"), "collectstatic", "--no-input", "--verbosity=0"],
            env=env,
            check=True,
        )
        server = [
            str(BIN / "clusterhub"),
            "serve",
            f"--host={HOST}",
            f"--port={args.port}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
        ]
    else:
        server = [
            str(BIN / "gunicorn"),
            "clusterhub.wsgi:application",
            f"--bind={HOST}:{args.port}",
            f"--workers={args.workers}",
            f"--threads={args.threads}",
            f"--worker-class={'gthread' if args.threads > 1 else 'sync'}",
            "--log-level=warning",
        ]
    print(
        f"{args.clients} clients, {args.duration:.0f} s after {args.warmup:.0f} s warm-up; "
        f"{args.server} {args.workers} workers x {args.threads} threads; "
        f"answer store {args.answer_cache_mb} MB per process; {args.database}"
    )
    process = start(server, env)
    try:
        measure(
            f"clusterhub ({args.server})",
            args.port,
            clusterhub_plan(),
            "/api/v1/taxonomies",
            args,
            process,
        )
    finally:
        stop(process)

    sqlite_file = "/" + urlsplit(args.database).path.lstrip("/")
    if args.database.startswith("sqlite") and not args.no_datasette:
        port = args.port + 1
        db_name = Path(sqlite_file).stem
        peer = [
            str(BIN / "datasette"),
            "serve",
            sqlite_file,
            f"--port={port}",
            f"--host={HOST}",
            "--setting",
            "sql_time_limit_ms",
            "20000",
            "--setting",
            "facet_time_limit_ms",
            "20000",
            "--setting",
            "suggest_facets",
            "off",
        ]
        process = start(peer, dict(os.environ))
        try:
            measure("datasette", port, datasette_plan(db_name), f"/{db_name}.json", args, process)
        finally:
            stop(process)
        time.sleep(0.5)


if __name__ == "__main__":
    main()
