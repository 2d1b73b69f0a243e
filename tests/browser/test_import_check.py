"""A browser upload is checked in the worker; the review page waits for it by itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from clusterhub.ingest import uploads
from clusterhub.ingest.models import PendingImport
from clusterhub.tasks import queue
from tests.browser.conftest import Problems, Registry
from tests.browser.test_editing import sign_in_directly

pytestmark = pytest.mark.django_db(transaction=True)
GOOD = "id,name,country,nuts\ncz-10,Nový klastr,CZ,CZ064\ncz-11,Druhý klastr,CZ,CZ080\n"


def test_the_review_page_shows_the_report_once_the_worker_has_checked_the_file(
    page: Page,
    registry: Registry,
    live_server: Any,
    problems: Problems,
    monkeypatch: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.UPLOAD_DIR = str(tmp_path / "uploads")
    monkeypatch.setattr(queue, "AT_ONCE", False)  # queued; no worker runs here
    sign_in_directly(page, live_server, registry.personas.coordinator_cz)
    page.goto("/en/import/")
    page.get_by_label("File (CSV, XLSX or JSON)").set_input_files(
        {"name": "klastry.csv", "mimeType": "text/csv", "buffer": GOOD.encode("utf-8")}
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("status")).to_have_text("Checking the file…")
    expect(page.get_by_role("button", name="Import now")).to_have_count(0)

    uploads.check_upload(PendingImport.objects.get().pk)  # what the worker does
    expect(page.locator(".counts")).to_have_text("2 to create, 0 to update, 0 unchanged.")
    expect(page.get_by_role("button", name="Import now")).to_be_visible()
    assert problems.all() == []
    assert page.evaluate("window.__cspViolations") == []
