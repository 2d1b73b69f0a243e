"""Benchmark: the search page's map in a browser, with every organisation on it.

    .venv/bin/python bench/generate_registry.py [--database URL]
    .venv/bin/python bench/map_render.py [--database URL] [--runs 5]

Serves the app with gunicorn (4 sync workers, static files served by Django through
bench/_static_wsgi.py) and opens /en/clusters/ in headless Chromium (Debian's `chromium`,
driven by Playwright) in a fresh browser context per run, so nothing is cached. It measures
the time from the start of the navigation (`performance.now()` is counted from it) until
map.js sets `data-count` on the map element, which it does when the last marker has been
added; a MutationObserver installed before the page's scripts records that moment. Then
the page is reloaded in the same context (files cached by the browser) and measured again.
Reports the medians and every run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import BIN
from _http import wait_until_up

HOST = "127.0.0.1"
DEFAULT_DATABASE = f"sqlite:///{Path(tempfile.gettempdir()) / 'clusterhub-bench-registry.sqlite3'}"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Runs before the page's own scripts: notes when data-count appears on #map.
OBSERVER = """
new MutationObserver(() => {
  const map = document.getElementById("map");
  if (map && map.dataset.count !== undefined && window.__mapShown === undefined) {
    window.__mapShown = performance.now();
    window.__mapCount = Number(map.dataset.count);
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-count"]});
"""


def measure(page: object, url: str, reload: bool = False) -> tuple[float, int]:
    if reload:
        page.reload(wait_until="commit")  # type: ignore[attr-defined]
    else:
        page.goto(url, wait_until="commit")  # type: ignore[attr-defined]
    # Polled from outside (the page's CSP forbids wait_for_function's eval); the moment
    # itself was recorded in the page.
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        shown, count = page.evaluate("[window.__mapShown, window.__mapCount]")  # type: ignore[attr-defined]
        if shown is not None:
            return shown / 1000, count
        time.sleep(0.05)
    raise RuntimeError("the map did not set data-count within 120 s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="database URL (loaded)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8775)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    env = {**os.environ, "DATABASE_URL": args.database, "CONN_MAX_AGE": "600", "CI": "true"}
    log = Path(tempfile.gettempdir()) / "clusterhub-bench-map.log"
    with log.open("ab") as out:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "_static_wsgi:application",
                f"--pythonpath={Path(__file__).parent}",
                f"--bind={HOST}:{args.port}",
                f"--workers={args.workers}",
                "--log-level=warning",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://{HOST}:{args.port}/en/clusters/"
    cold: list[float] = []
    warm: list[float] = []
    try:
        wait_until_up(HOST, args.port, "/en/clusters/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS, headless=True
            )
            for run in range(args.runs + 1):  # the first run warms the server up
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.add_init_script(OBSERVER)
                page = context.new_page()
                first, count = measure(page, url)
                again, _ = measure(page, url, reload=True)
                context.close()
                if run:
                    cold.append(first)
                    warm.append(again)
                print(
                    f"  run {run}{' (warm-up)' if not run else ''}: {count:,} markers, "
                    f"fresh {first:.2f} s, reload {again:.2f} s"
                )
            browser.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(
        f"map of /en/clusters/ until data-count is set, median of {args.runs}: "
        f"fresh context {statistics.median(cold):.2f} s, reload {statistics.median(warm):.2f} s"
    )


if __name__ == "__main__":
    main()
