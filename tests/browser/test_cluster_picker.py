"""The cluster picker in a real browser: typing part of a name suggests "Name (CC)" from the
registry's search; choosing one and saving adds the member (or the partner)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from clusterhub.cooperation.actionplans import services as actionplans
from clusterhub.cooperation.metaclusters import services
from clusterhub.cooperation.models import Action
from tests.browser.conftest import HOSTILE, SETUP, Problems, Registry, cluster
from tests.browser.test_editing import sign_in_directly

pytestmark = pytest.mark.django_db(transaction=True)
CHOSEN = "Moravian ICT Cluster (CZ)"


def test_typing_part_of_a_name_suggests_clusters_and_the_chosen_one_joins(
    page: Page, registry: Registry, live_server: Any, problems: Problems
) -> None:
    p = registry.personas
    meta = services.create_meta_cluster(
        {"name": "Picker Meta", "founded": dt.date(2024, 1, 1)},
        lead=p.cz_cluster.pk,
        members=[p.pl_cluster.pk],
        actor=SETUP,
    )
    cluster("cz-9", name=f"Morava {HOSTILE}", country="CZ")  # suggested as text only
    sign_in_directly(page, live_server, p.coordinator_cz)
    page.goto(f"/en/cooperation/metaclusters/{meta.slug}/members/")

    box = page.get_by_label("Cluster", exact=True)
    box.press_sequentially("Morav", delay=30)
    # The suggestions are the options of the box's list, filled from the search's answer.
    suggestion = page.locator(f'datalist option[value="{CHOSEN}"]')
    expect(suggestion).to_be_attached()
    expect(page.get_by_role("status")).to_contain_text("Suggestions: ")
    values = [option.get_attribute("value") for option in page.locator("datalist option").all()]
    assert f"Morava {HOSTILE} (CZ)" in values
    assert page.evaluate("window.__pwned") is None
    box.fill(CHOSEN)  # what choosing the suggestion puts in the box
    page.get_by_role("button", name="Add", exact=True).click()

    expect(page.locator("ul.messages")).to_be_visible()
    expect(page.locator("table.members")).to_contain_text("Moravian ICT Cluster")
    assert meta.memberships.filter(cluster__name="Moravian ICT Cluster").exists()
    assert problems.all() == []


def test_partners_are_added_one_per_line_from_the_suggestions(
    page: Page, registry: Registry, live_server: Any, problems: Problems
) -> None:
    p = registry.personas
    plan = actionplans.save_plan({"title": "Plán", "cluster": p.cz_cluster}, actor=SETUP)
    sign_in_directly(page, live_server, p.coordinator_cz)
    page.goto(f"/en/cooperation/action-plans/{plan.pk}/actions/new/")

    page.get_by_label("Action", exact=True).fill("Společná mise")
    adder = page.get_by_label("Add a cluster")
    adder.press_sequentially("Morav", delay=30)
    expect(page.locator(f'datalist option[value="{CHOSEN}"]')).to_be_attached()
    adder.fill(CHOSEN)  # a suggestion chosen: its line is added, the box emptied
    expect(page.get_by_label("Partner organisations")).to_have_value(CHOSEN)
    expect(adder).to_have_value("")
    page.get_by_role("button", name="Save").click()

    expect(page).not_to_have_url(re.compile(r"/actions/new/$"))
    action = Action.objects.get(title="Společná mise")
    assert [c.name for c in action.partners.all()] == ["Moravian ICT Cluster"]
    assert problems.all() == []
