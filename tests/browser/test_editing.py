"""Signing in and editing in a real browser: the own profile, and edits that are refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Cluster
from tests.browser.conftest import Registry
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
FACTS = "article.profile dl.facts:not(.personal)"


def sign_in_through_the_form(page: Page, username: str) -> None:
    page.goto("/en/clusters/")
    page.locator("header.site").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/login/"))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="Sign in").click()
    expect(page.locator("header.site")).to_contain_text(f"Sign out ({username})")


def sign_in_directly(page: Page, live_server: Any, user: Any) -> None:
    """A session made on the server side, for tests about what happens after signing in."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def test_a_manager_signs_in_through_the_form_and_edits_the_own_profile(
    page: Page, registry: Registry
) -> None:
    manager, cz = registry.personas.manager, registry.personas.cz_cluster
    sign_in_through_the_form(page, manager.username)

    page.goto(f"/en/clusters/{cz.pk}/")
    expect(page.locator(FACTS)).to_contain_text("2008")
    page.get_by_role("link", name="Edit profile").click()
    expect(page).to_have_url(re.compile(rf"/en/clusters/{cz.pk}/edit/$"))
    founded = page.locator("#id_founded")
    expect(founded).to_have_value("2008")
    founded.fill("2011")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"/en/clusters/{cz.pk}/$"))
    expect(page.locator("ul.messages")).to_contain_text("The profile was saved.")
    facts = page.locator(FACTS)
    expect(facts.locator("dt", has_text="Founded").locator("+ dd")).to_have_text("2011")
    assert Cluster.objects.get(pk=cz.pk).founded == 2011


def test_the_polish_coordinator_is_refused_the_edit_page_of_a_czech_cluster(
    page: Page, registry: Registry, live_server: Any
) -> None:
    cz = registry.personas.cz_cluster
    sign_in_directly(page, live_server, registry.personas.coordinator_pl)
    response = page.goto(f"/en/clusters/{cz.pk}/edit/")
    assert response is not None
    assert response.status == 403
    expect(page.locator("form.standard-form")).to_have_count(0)
    page.goto(f"/en/clusters/{cz.pk}/")
    expect(page.locator("article.profile h1")).to_have_text(cz.name)
    expect(page.get_by_role("link", name="Edit profile")).to_have_count(0)


def test_an_invalid_website_is_shown_as_an_error_and_nothing_changes(
    page: Page, registry: Registry, live_server: Any
) -> None:
    cz = registry.personas.cz_cluster
    before = Cluster.objects.get(pk=cz.pk)
    history = AuditEntry.objects.count()
    sign_in_directly(page, live_server, registry.personas.manager)

    page.goto(f"/en/clusters/{cz.pk}/edit/")
    page.locator("#id_website").fill("javascript:alert(1)")
    page.locator("#id_founded").fill("2011")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"/en/clusters/{cz.pk}/edit/$"))
    field = page.locator(".field.has-error", has=page.locator("#id_website"))
    expect(field).to_contain_text("is not an http(s) URL")
    expect(page.locator("#id_website")).to_have_value("javascript:alert(1)")
    after = Cluster.objects.get(pk=cz.pk)
    assert (after.website, after.founded) == (before.website, before.founded)
    assert AuditEntry.objects.count() == history
    page.goto(f"/en/clusters/{cz.pk}/")
    expect(page.locator(FACTS)).not_to_contain_text("javascript:")
