"""Error pages with DEBUG off: a missing page, a refused one, a bad request and a server error
are pages of the portal (its header and navigation, the reader's language, a way on), never
Django's bare English defaults nor any internal detail; the API keeps answering problems."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings

from clusterhub.accounts.services import create_api_token
from clusterhub.cooperation.metaclusters import services as metaclusters
from clusterhub.registry.models import Cluster
from tests.personas import SETUP, Personas

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("debug_off")]

INTERNALS = ("Traceback", "Exception", "PermissionDenied", "Http404", "OperationalError", "/work/")


@pytest.fixture
def debug_off():  # type: ignore[no-untyped-def]
    with override_settings(DEBUG=False):
        yield


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_portal_page(html: str, language: str) -> None:
    """The page is in the portal's frame and in `language`: header, navigation, links home."""
    assert f'<html lang="{language}">' in html
    assert '<header class="site">' in html
    assert re.search(rf'<a class="brand" href="/{language}/">Clusterhub</a>', html)
    assert f'href="/{language}/clusters/"' in html
    for internal in INTERNALS:
        assert internal not in html, internal


def heading(html: str) -> str:
    found = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert found, html
    return found.group(1).strip()


@pytest.mark.parametrize("address", ["/{lang}/no-such-page/", "/{lang}/clusters/999999/"])
def test_a_missing_page_is_a_404_page_of_the_portal_with_a_search(
    client: Client, address: str
) -> None:
    english = client.get(address.format(lang="en"))
    assert english.status_code == 404
    html = english.content.decode()
    assert_portal_page(html, "en")
    assert heading(html) == "Page not found"
    assert "There is no page at this address." in html
    assert 'role="search"' in html and 'action="/en/clusters/"' in html
    assert "Not Found" not in html and "The requested resource" not in html

    czech = client.get(address.format(lang="cs"))
    assert czech.status_code == 404
    html = czech.content.decode()
    assert_portal_page(html, "cs")
    assert heading(html)
    assert 'action="/cs/clusters/"' in html
    assert "Not Found" not in html


def test_a_coordinator_refused_another_countrys_meta_cluster_gets_a_403_page_of_the_portal(
    personas: Personas,
) -> None:
    meta = metaclusters.create_meta_cluster(
        {"name": "Śląski metaklaster"},
        lead=personas.pl_cluster.pk,
        members=[personas.cz_cluster.pk],
        actor=SETUP,
    )
    client = signed_in(personas.coordinator_cz)
    for language in ("en", "cs"):
        response = client.get(f"/{language}/cooperation/metaclusters/{meta.slug}/edit/")
        assert response.status_code == 403, language
        html = response.content.decode()
        assert_portal_page(html, language)
        assert "koordinator" in html  # the signed-in navigation: "Sign out (koordinator)"
        assert "403 Forbidden" not in html
        assert f'href="/{language}/accounts/login/' not in html  # signed in already
        if language == "en":
            assert heading(html) == "You may not open this page"
            assert "Your account's role does not allow this page." in html
        else:
            assert heading(html)


def test_an_anonymous_visitor_refused_a_page_is_offered_to_sign_in(personas: Personas) -> None:
    address = (
        f"/en/cooperation/clusters/{personas.cz_cluster.pk}/suggestions/"
        f"{personas.pl_cluster.pk}/dismiss/"
    )
    response = Client().post(address)
    assert response.status_code == 403
    html = response.content.decode()
    assert_portal_page(html, "en")
    assert heading(html) == "You may not open this page"
    login = re.search(
        r'<a class="button" href="(/en/accounts/login/\?next=[^"]+)">Sign in</a>', html
    )
    assert login, html
    assert login.group(1).endswith(f"?next={address}")


def test_a_broken_database_still_gives_the_500_page_in_the_readers_language(
    personas: Personas,
) -> None:
    """The 500 page needs neither the database nor the request's user: here the tables of the
    organisations and of the users are gone (renamed, rolled back after the test)."""
    client = signed_in(personas.coordinator_cz)
    client.raise_request_exception = False
    user_table = type(personas.coordinator_cz)._meta.db_table
    with connection.cursor() as cursor:
        for table in (Cluster._meta.db_table, user_table):
            cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")
    for language in ("en", "cs"):
        response = client.get(f"/{language}/clusters/")
        assert response.status_code == 500, language
        html = response.content.decode()
        assert_portal_page(html, language)
        assert "registry_cluster" not in html and "no such table" not in html
        assert "Server Error (500)" not in html
        if language == "en":
            assert heading(html) == "Something went wrong"
            assert "Go to the home page" in html


def test_a_request_for_an_unknown_host_gets_the_400_page_without_details(client: Client) -> None:
    response = client.get("/en/clusters/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert_portal_page(html, "en")
    assert heading(html) == "Bad request"
    assert "evil.example" not in html and "ALLOWED_HOSTS" not in html


def test_the_api_still_answers_its_errors_as_problems_not_as_pages(personas: Personas) -> None:
    token = create_api_token(personas.coordinator_pl, "test")
    bearer = {"Authorization": f"Bearer {token}"}
    client = Client(raise_request_exception=False)
    answers = [
        (client.get("/api/v1/no-such-endpoint"), 404),
        (client.get("/api/v1/clusters/999999"), 404),
        (client.get("/api/v1/clusters/abc"), 404),
        (client.patch("/api/v1/clusters/999999", "{}", "application/json", headers=bearer), 404),
        (client.get("/api/v1/clusters", HTTP_HOST="evil.example"), 400),
    ]
    for response, status in answers:
        assert response.status_code == status, response.content
        assert response["Content-Type"] == "application/problem+json", response.content
        assert response.json()["status"] == status
        assert b"<html" not in response.content
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {Cluster._meta.db_table} RENAME TO broken_table")
    broken = client.get("/api/v1/clusters")
    assert broken.status_code == 500
    assert broken["Content-Type"] == "application/problem+json"
    assert broken.json() == {"type": "about:blank", "title": "Internal error", "status": 500}


def test_a_form_sent_without_its_security_token_gets_a_page_saying_what_to_do() -> None:
    guarded = Client(enforce_csrf_checks=True)
    for language in ("en", "cs"):
        response = guarded.post(f"/{language}/accounts/login/", {"username": "x", "password": "y"})
        assert response.status_code == 403, language
        html = response.content.decode()
        assert_portal_page(html, language)
        assert "CSRF" not in html and "Referer" not in html
        if language == "en":
            assert heading(html) == "The form could not be sent"
            assert "reload the page and send the form again" in html
