"""Switching the interface language with the header's select, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT, Registry
from tests.browser.test_editing import sign_in_directly

pytestmark = pytest.mark.django_db(transaction=True)

CZECH_CATALOGUE = ROOT / "clusterhub/locale/cs/LC_MESSAGES/django.mo"


def test_choosing_czech_in_the_header_select_switches_the_interface_to_czech(
    page: Page, registry: Registry
) -> None:
    page.goto("/en/clusters/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    nav = page.locator("header.site nav")
    expect(nav.get_by_role("link", name="Clusters", exact=True)).to_be_visible()

    select = page.locator("select#language-select")
    # Django names each language in itself: Czech is "česky".
    expect(select.locator("option[value='cs']")).to_have_text("česky")
    select.select_option("cs")  # site.js submits the form on change

    expect(page).to_have_url(re.compile(r"/cs/clusters/$"))
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    expect(page.locator("select#language-select")).to_have_value("cs")
    if CZECH_CATALOGUE.exists():  # the .mo files are compiled by `make setup`
        expect(nav.get_by_role("link", name="Klastry", exact=True)).to_be_visible()
        expect(page.locator("main h1")).to_have_text("Klastrové organizace")

    page.goto("/cs/clusters/")  # the choice is kept: a fresh page stays Czech
    expect(page.locator("html")).to_have_attribute("lang", "cs")


def test_switching_the_language_after_an_htmx_search_keeps_the_search(
    page: Page, registry: Registry
) -> None:
    page.goto("/en/clusters/")
    page.locator('#search a.facet-value[data-code="health"]').click()
    expect(page).to_have_url(re.compile(r"\?ecosystem=health$"))
    expect(page.locator("#search ol.cards li.card")).to_have_count(2)

    page.locator("select#language-select").select_option("cs")
    expect(page).to_have_url(re.compile(r"/cs/clusters/\?ecosystem=health$"))
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    expect(page.locator("#search ol.cards li.card")).to_have_count(2)


@pytest.mark.parametrize("language", ["de", "hu", "pl"])
def test_the_header_of_an_admin_fits_a_laptop_screen_in_languages_with_long_words(
    page: Page, registry: Registry, live_server: Any, language: str
) -> None:
    """Every link of a signed-in admin (surveys, administration, import, invite, sign out)
    wraps inside the window rather than making the page scroll sideways."""
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_directly(page, live_server, registry.personas.admin)
    page.goto(f"/{language}/clusters/")
    expect(page.locator("header.site nav form.inline button")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.set_viewport_size({"width": 800, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
