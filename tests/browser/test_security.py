"""What a real browser does with hostile text, and what it complains about (CSP included)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import HOSTILE, Problems, Registry, cluster

pytestmark = pytest.mark.django_db(transaction=True)

CARDS = "#search ol.cards li.card"


def pwned(page: Page) -> object:
    return page.evaluate("window.__pwned")


def csp_violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def nothing_ran(page: Page) -> None:
    """The text stayed text: no script element made of it, none run, none refused by the CSP.

    The CSP alone would stop an injected inline script, so `window.__pwned` staying unset
    proves little by itself; a refusal would show the escaping failed.
    """
    assert pwned(page) is None
    assert page.locator("body script:not([src])").count() == 0
    assert csp_violations(page) == []


def test_hostile_text_never_runs_on_the_results_the_map_popup_or_the_profile(
    page: Page, transactional_db: object
) -> None:
    pk = cluster(
        "x-1",
        name=HOSTILE,
        name_en=f"{HOSTILE} (en)",
        country="CZ",
        city=HOSTILE,
        description=HOSTILE,
        lat=50.08,
        lon=14.43,
        ecosystems=["digital"],
    )
    page.goto(f"/en/clusters/?q={HOSTILE}")
    expect(page.locator("#q")).to_have_value(HOSTILE)
    nothing_ran(page)
    page.goto("/en/clusters/")
    expect(page.locator(f"{CARDS} h2")).to_have_text(HOSTILE)
    expect(page.locator(f"{CARDS} p.english")).to_have_text(f"{HOSTILE} (en)")
    expect(page.locator("#map")).to_have_attribute("data-count", "1")
    nothing_ran(page)

    page.locator(".leaflet-marker-icon").click()
    title = page.locator(".leaflet-popup .map-popup-title")
    expect(title).to_have_text(HOSTILE)
    expect(page.locator(".leaflet-popup .map-popup .english")).to_have_text(f"{HOSTILE} (en)")
    nothing_ran(page)

    title.click()  # the popup's title links to the profile
    expect(page).to_have_url(re.compile(rf"/en/clusters/{pk}/$"))
    expect(page.locator("article.profile h1")).to_have_text(HOSTILE)
    expect(page.locator("article.profile p.description").first).to_have_text(HOSTILE)
    expect(page).to_have_title(f"{HOSTILE} · Clusterhub")
    expect(page.locator("#profile-map[data-ready='true']")).to_have_count(1)
    nothing_ran(page)


def test_the_search_and_profile_pages_log_no_errors_and_break_no_csp_rule(
    page: Page, registry: Registry, problems: Problems
) -> None:
    page.goto("/en/clusters/")
    expect(page.locator("#map")).to_have_attribute("data-count", str(registry.with_coordinates))
    page.locator('#search a.facet-value[data-code="health"]').click()  # an htmx swap
    expect(page.locator(CARDS)).to_have_count(2)
    expect(page.locator("#map")).to_have_attribute("data-count", "2")
    page.locator("#q").fill("zdravi")  # htmx searches as one types
    expect(page.locator(CARDS)).to_have_count(1)
    expect(page.locator("#map")).to_have_attribute("data-count", "1")
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []

    page.locator(CARDS).get_by_role("link", name="Klastr Zdraví").click()
    expect(page.locator("article.profile h1")).to_have_text("Klastr Zdraví")
    expect(page.locator("#profile-map[data-ready='true']")).to_have_count(1)
    # Country outlines are drawn once the world atlas arrived: the map has SVG paths.
    expect(
        page.locator("#profile-map path.leaflet-interactive, #profile-map svg path").first
    ).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []

    assert problems.csp() == []
    assert problems.all() == []


def test_the_interactive_api_docs_render_from_the_sites_own_files_within_the_csp(
    page: Page, transactional_db: object, problems: Problems
) -> None:
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Clusterhub API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []
    assert problems.failed_requests == []
