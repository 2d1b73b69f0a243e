"""The mapping dashboards in Debian's chromium: the category map draws, links, obeys the CSP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from clusterhub.audit.services import Actor
from clusterhub.mapping.services import load_result
from clusterhub.registry.services import load_region_shapes
from clusterhub.registry.services.taxonomy import name_regions
from tests.browser.conftest import HOSTILE, Problems, browser, page, problems  # noqa: F401
from tests.mapping.files import write_stars
from tests.mapping.test_dashboards import square

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
ACTOR = Actor.system("browser test set-up")


def test_the_category_map_colours_the_regions_and_leads_to_their_dashboards(
    page: Page,  # noqa: F811
    problems: Problems,  # noqa: F811
    tmp_path: Path,
) -> None:
    name_regions({"CZ08": HOSTILE, "CZ06": "Jihovýchod"})  # shapes need their regions
    load_region_shapes([square("CZ08", 18, 49.5), square("CZ06", 16, 49)], source="t", actor=ACTOR)
    result = load_result(
        write_stars(tmp_path / "s.csv", label=HOSTILE), name="Czechia", actor=ACTOR
    )
    page.goto(f"/en/mapping/{result.result.slug}/categories/C29/")
    map_element = page.locator("#mapping-map")
    expect(map_element).to_have_attribute("data-count", "2")
    expect(page.locator("#mapping-map .map-legend")).to_contain_text("★★★")
    regions = page.locator("#mapping-map path.leaflet-interactive")
    expect(regions).to_have_count(2)
    regions.first.hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Location quotient")
    regions.first.click()
    expect(page).to_have_url(re.compile(r"/en/mapping/czechia/regions/CZ0[68]/$"))
    expect(page.locator("table.bar-chart svg.bar").first).to_be_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__cspViolations") == []
    assert problems.all() == []
