"""Searching in a real browser: htmx facets, shareable URLs, the map, opening a profile."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from clusterhub.registry.models import Cluster
from tests.browser.conftest import Registry

pytestmark = pytest.mark.django_db(transaction=True)

CARDS = "#search ol.cards li.card"


def card_names(page: Page) -> list[str]:
    return sorted(page.locator(f"{CARDS} h2").all_inner_texts())


def click_facet(page: Page, facet: str, code: str) -> None:
    page.locator(f'#search details[data-facet="{facet}"] a.facet-value[data-code="{code}"]').click()


def test_clicking_a_facet_changes_the_results_and_the_url_which_can_be_shared(
    page: Page, registry: Registry
) -> None:
    page.goto("/en/clusters/")
    expect(page.locator(CARDS)).to_have_count(5)
    page.evaluate("window.__samePage = true")
    click_facet(page, "ecosystem", "health")
    expect(page).to_have_url(re.compile(r"/en/clusters/\?(.*&)?ecosystem=health"))
    expect(page.locator(CARDS)).to_have_count(2)
    assert card_names(page) == ["Klastr Zdraví", "Moravian ICT Cluster"]
    selected = page.locator('#search a.facet-value.selected[data-code="health"]')
    expect(selected).to_have_attribute("aria-current", "true")
    # htmx swapped #search in place: the page (and its map) was not reloaded.
    assert page.evaluate("window.__samePage") is True
    expect(page.locator("#search")).to_have_count(1)

    shared = page.url
    page.reload()
    assert page.url == shared
    expect(page.locator(CARDS)).to_have_count(2)
    assert card_names(page) == ["Klastr Zdraví", "Moravian ICT Cluster"]

    other = page.context.new_page()
    other.goto(shared)
    expect(other.locator(CARDS)).to_have_count(2)
    assert card_names(other) == ["Klastr Zdraví", "Moravian ICT Cluster"]
    other.close()


def test_the_map_shows_a_marker_per_cluster_with_coordinates_and_follows_the_facets(
    page: Page, registry: Registry
) -> None:
    on_map = Cluster.objects.filter(lat__isnull=False, lon__isnull=False).count()
    assert on_map == registry.with_coordinates
    page.goto("/en/clusters/")
    expect(page.locator("#map[data-count]")).to_have_count(1)
    expect(page.locator("#map")).to_have_attribute("data-count", str(on_map))
    expect(page.locator("#map")).not_to_have_attribute("aria-busy", "true")

    click_facet(page, "ecosystem", "digital")  # one with coordinates, one without
    expect(page.locator(CARDS)).to_have_count(2)
    expect(page.locator("#map")).to_have_attribute("data-count", "1")
    expect(page.locator(".leaflet-marker-icon[title='Moravian ICT Cluster']")).to_be_visible()

    page.go_back()  # htmx restores the results from its history; the map follows
    expect(page.locator(CARDS)).to_have_count(5)
    expect(page.locator("#map")).to_have_attribute("data-count", str(on_map))


def test_a_profile_opens_from_the_results(page: Page, registry: Registry) -> None:
    cz = registry.personas.cz_cluster
    page.goto("/en/clusters/")
    page.locator(CARDS).filter(has_text=cz.name).get_by_role("link", name=cz.name).click()
    expect(page).to_have_url(re.compile(rf"/en/clusters/{cz.pk}/$"))
    expect(page.locator("article.profile h1")).to_have_text(cz.name)
    expect(page).to_have_title(f"{cz.name} · Clusterhub")
    # A whole page, not a profile swapped into the search page.
    expect(page.locator("#search")).to_have_count(0)
    expect(page.locator("header.site")).to_have_count(1)
    expect(page.locator("#profile-map[data-ready='true']")).to_have_count(1)
