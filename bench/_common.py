"""Helpers for the benchmark scripts: timing commands, medians, fresh databases."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def clusterhub(*args: str, database: Path, check: bool = True) -> float:
    """Run the console script against an SQLite file; returns wall-clock seconds."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CI": "true"}
    started = time.perf_counter()
    subprocess.run([str(BIN / "clusterhub"), *args], env=env, check=check, capture_output=True)
    return time.perf_counter() - started


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def peak_memory_mib(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MiB) of a command run as the only child of a fresh process."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def median(values: list[float]) -> float:
    return statistics.median(values)


def self_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
