"""On a phone (390 px wide) no page with tables is wider than the screen: each table scrolls
sideways inside its own box, and rows of action links wrap (portal/site.css)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize

from clusterhub.audit.services import Actor
from clusterhub.cooperation.metaclusters import services as metaclusters
from clusterhub.mapping.services import load_result
from clusterhub.registry.services.member_edits import save_member
from tests.browser.conftest import Registry
from tests.browser.test_editing import sign_in_directly
from tests.mapping.files import write_stars

pytestmark = pytest.mark.django_db(transaction=True)

SETUP = Actor.system("browser test set-up")
PHONE: ViewportSize = {"width": 390, "height": 844}
LAPTOP: ViewportSize = {"width": 1280, "height": 800}
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# A table wider than its box, that scrolls inside it rather than widening the page.
SCROLLS_INSIDE = """(selector) => { const t = document.querySelector(selector);
  return t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === "auto"; }"""


@pytest.fixture
def pages_with_tables(registry: Registry, tmp_path: Path) -> dict[str, str]:
    """Addresses of a search, a profile with members, the meta-cluster list, a meta-cluster,
    the mapping results and one result, with names long enough to make wide tables."""
    personas = registry.personas
    cz = personas.cz_cluster
    for n, name in enumerate(
        [
            "Vysoká škola báňská - Technická univerzita Ostrava, Fakulta strojní",
            "Automobilové strojírenství Moravskoslezského kraje a.s.",
            "Zkušebna elektromagnetické kompatibility Kopřivnice s.r.o.",
        ]
    ):
        values = {"name": name, "country": "CZ", "nace": "C29.10", "employees": str(100 + n)}
        save_member(cz, values, actor=SETUP)
    for name in ("Středoevropský automobilový metaklastr", "Alpsko-karpatský zdravotní metaklastr"):
        meta = metaclusters.create_meta_cluster(
            {"name": name, "ecosystem": "mobility-transport-automotive"},
            lead=cz.pk,
            members=[personas.pl_cluster.pk, personas.cz_other.pk],
            actor=SETUP,
        )
    path = write_stars(tmp_path / "stars.csv", label="Manufacture of motor vehicles and trailers")
    result = load_result(path, name="Czechia 2021, regions at NUTS 2", actor=SETUP).result
    return {
        "search results": "/{lang}/clusters/?q=klastr",
        "cluster profile": f"/{{lang}}/clusters/{cz.pk}/",
        "meta-cluster list": "/{lang}/cooperation/metaclusters/",
        "meta-cluster": f"/{{lang}}/cooperation/metaclusters/{meta.slug}/",
        "mapping results": "/{lang}/mapping/",
        "mapping result": f"/{{lang}}/mapping/{result.slug}/",
    }


@pytest.mark.parametrize("language", ["en", "de"])
def test_on_a_phone_no_page_with_tables_is_wider_than_the_screen(
    page: Page,
    registry: Registry,
    pages_with_tables: dict[str, str],
    live_server: Any,
    language: str,
) -> None:
    """Signed in as an admin, so that every row of editing links is there too."""
    page.set_viewport_size(PHONE)
    sign_in_directly(page, live_server, registry.personas.admin)
    wider = {}
    for name, address in pages_with_tables.items():
        page.goto(address.format(lang=language))
        page.wait_for_load_state("networkidle")
        if (overflow := page.evaluate(OVERFLOW)) > 0:
            wider[name] = overflow
    assert wider == {}, f"pages wider than 390 px, by how many pixels: {wider}"


def test_on_a_phone_a_wide_table_scrolls_inside_its_own_box(
    page: Page, pages_with_tables: dict[str, str]
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(pages_with_tables["meta-cluster list"].format(lang="en"))
    assert page.evaluate(SCROLLS_INSIDE, "table.metaclusters")
    assert page.evaluate(OVERFLOW) <= 0
    page.set_viewport_size(LAPTOP)  # on a laptop it is a plain table
    assert page.evaluate("getComputedStyle(document.querySelector('table')).display") == "table"
