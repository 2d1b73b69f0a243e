"""Benchmark: files built to exhaust the importer, from the command line and in the browser.

    .venv/bin/python bench/hostile_uploads.py [--skip-browser]

Each file is imported with `clusterhub import` into a fresh SQLite database; the script
reports the exit status, wall-clock seconds, the peak resident memory of the largest
process (the command or its workbook reader), and the size of what it printed. Then the
same files are uploaded to `clusterhub runserver` (as `make demo` serves, DEBUG off) by a
national coordinator, and after each upload the server must still answer a page; its
resident memory is read from /proc before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))
from _common import BIN

from tests.ingest import hostile

PASSWORD = "A-long-enough-passphrase-42"  # noqa: S105 (a throwaway account of the bench)


def build_files(folder: Path) -> list[Path]:
    files = [
        hostile.far_apart(folder / "far-apart.xlsx"),
        hostile.xlsx(folder / "declared.xlsx", [hostile.header_row("id")], "A1:XFD1048576"),
        hostile.numbers(folder / "ten-million-numbers.xlsx", rows=1_000_000),
    ]
    cell = folder / "one-49mb-cell.csv"
    with cell.open("w") as handle:
        handle.write("id,name,country\ncz-1,")
        handle.write("x" * 49 * 1024 * 1024)
        handle.write(",CZ\n")
    flat = folder / "no-line-breaks.csv"
    flat.write_text("id,name,country\n" + "a," * (20 * 1024 * 1024))
    objects = folder / "million-objects.json"
    with objects.open("w") as handle:
        rows = (f'{{"id":"{i}","name":"Klastr","country":"XX"}}' for i in range(1_000_000))
        handle.write("[" + ",".join(rows) + "]")
    bad = folder / "million-bad-rows.csv"
    with bad.open("w") as handle:
        handle.write("id,name,country\n")
        handle.writelines(f"cz-{i},Klastr,XX\n" for i in range(1_000_000))
    return [*files, cell, flat, objects, bad]


def command_line(files: list[Path], folder: Path) -> list[dict[str, object]]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'cli.sqlite3'}", "CI": "true"}
    subprocess.run([str(BIN / "clusterhub"), "migrate", "--no-input"], env=env, check=True)
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "done = subprocess.run(sys.argv[1:], capture_output=True);"
        "print(done.returncode, time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        " len(done.stdout) + len(done.stderr));"
        "sys.stderr.write(done.stderr.decode(errors='replace')[-400:])"
    )
    rows = []
    for path in files:
        done = subprocess.run(
            [sys.executable, "-c", probe, str(BIN / "clusterhub"), "import", str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        status, seconds, peak_kib, printed = done.stdout.split()
        rows.append(
            {
                "file": path.name,
                "size": path.stat().st_size,
                "exit": int(status),
                "seconds": float(seconds),
                "peak_mib": int(peak_kib) / 1024,
                "printed": int(printed),
                "last_line": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "",
            }
        )
    return rows


def _rss_mib(pid: int) -> tuple[float, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    return rss / 1024, peak / 1024


def browser(files: list[Path], folder: Path, port: int = 8765) -> list[dict[str, object]]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'web.sqlite3'}",
        "SECRET_KEY": "bench-" + "k" * 60,
        "UPLOAD_DIR": str(folder / "uploads"),
        "CI": "true",
    }
    run = [str(BIN / "clusterhub")]
    subprocess.run([*run, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    make_user = (
        "from clusterhub.accounts.models import User, CoordinatorRole;"
        f"u = User.objects.create_user('koordinator', 'k@example.cz', '{PASSWORD}');"
        "CoordinatorRole.objects.create(user=u, country='CZ')"
    )
    subprocess.run([*run, "shell", "-c", make_user], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [*run, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(f"{base}/en/", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        session = requests.Session()
        session.get(f"{base}/en/accounts/login/", timeout=10)
        session.post(
            f"{base}/en/accounts/login/",
            data={
                "username": "koordinator",
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/en/accounts/login/"},
            timeout=10,
        )
        rows = []
        for path in files:
            before, _ = _rss_mib(server.pid)
            started = time.perf_counter()
            with path.open("rb") as handle:
                try:
                    answer = session.post(
                        f"{base}/en/import/",
                        data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
                        files={"file": (path.name, handle)},
                        headers={"Referer": f"{base}/en/import/"},
                        timeout=300,
                    )
                    status, size = answer.status_code, len(answer.content)
                except requests.ConnectionError:
                    status, size = 0, 0  # the server cut the connection (an upload over the limit)
            seconds = time.perf_counter() - started
            alive = requests.get(f"{base}/en/", timeout=10).status_code
            after, peak = _rss_mib(server.pid)
            rows.append(
                {
                    "file": path.name,
                    "status": status,
                    "seconds": seconds,
                    "page_bytes": size,
                    "server_rss_before_mib": before,
                    "server_rss_after_mib": after,
                    "server_peak_mib": peak,
                    "server_answers": alive,
                }
            )
        return rows
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-browser", action="store_true", help="the command line only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = build_files(folder)
        print("== command line: clusterhub import FILE")
        for row in command_line(files, folder):
            print(json.dumps(row, ensure_ascii=False))
        if not args.skip_browser:
            print("== browser: a coordinator uploads each file to clusterhub runserver")
            for row in browser(files, folder):
                print(json.dumps(row))


if __name__ == "__main__":
    main()
