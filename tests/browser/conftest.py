"""Browser tests: Debian's chromium, driven by Playwright, against pytest-django's live server.

The browser is the system's `chromium` (never one Playwright downloads). Without it the tests
fail, they never skip: CI installs it (.ci/run). Every test's last page is kept as a
screenshot in test-artifacts/browser/<test name>.png.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from clusterhub.audit.services import Actor
from clusterhub.registry.services import upsert_cluster
from tests.personas import Personas, make_personas

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)  # for slow CI machines; a pass takes far less
SETUP = Actor.system("browser test set-up")
HOSTILE = "<script>window.__pwned=1</script>"
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything in this directory carries the `browser` marker (`-m "not browser"`)."""
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "The browser tests need Debian's chromium on PATH: "
            "apt-get install -y --no-install-recommends chromium "
            "(.ci/run installs it; they must never be skipped).",
            pytrace=False,
        )
    # Playwright's sync API keeps an asyncio loop in this thread, so Django would take the
    # tests' own ORM calls for calls from async code; they are plain synchronous calls.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if saved is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@dataclass
class Problems:
    """What the page complained about: console errors, uncaught exceptions, CSP refusals."""

    console: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.console, *self.exceptions, *self.failed_requests]

    def csp(self) -> list[str]:
        return [m for m in self.all() if "Content Security Policy" in m]


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, live_server: Any, problems: Problems, request: Any) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    # Every refusal of the Content Security Policy, as the page itself sees it.
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.console.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.exceptions.append(str(error)))

    def on_failed(request: Request) -> None:
        # map.js aborts the points of a search overtaken by the next one: not a failure.
        if request.failure != "net::ERR_ABORTED":
            problems.failed_requests.append(f"{request.url}: {request.failure}")

    tab.on("requestfailed", on_failed)
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


@dataclass
class Registry:
    personas: Personas
    with_coordinates: int


def cluster(id: str, source: str = "CZ", **values: Any) -> int:
    """Create or update (only the given columns) a cluster; returns its pk."""
    obj, _ = upsert_cluster({"id": id, **values}, source=source, actor=SETUP)
    return obj.pk


@pytest.fixture
def registry(transactional_db: Any, settings: Any) -> Registry:
    """The personas' clusters placed on the map, plus two more; one has no coordinates."""
    # Hashing the personas' passwords properly would take most of each test's set-up.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = make_personas()
    cluster(
        "cz-1",
        city="Ostrava",
        lat=49.83,
        lon=18.29,
        ecosystems=["mobility-transport-automotive"],
        founded=2008,
    )
    cluster("cz-2", city="Brno", lat=49.19, lon=16.61, ecosystems=["health"])
    cluster(
        "pl-1", source="PL", city="Katowice", lat=50.26, lon=19.02, ecosystems=["energy-renewables"]
    )
    cluster(
        "cz-3",
        name="Moravian ICT Cluster",
        country="CZ",
        city="Zlín",
        lat=49.22,
        lon=17.66,
        ecosystems=["digital", "health"],
    )
    cluster("cz-4", name="Pražský klastr bez mapy", country="CZ", ecosystems=["digital"])
    return Registry(personas=personas, with_coordinates=4)
