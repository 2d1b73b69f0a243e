"""The cooperation section's front page: public parts for everyone, the coordinators'
tools for coordinators only, and the site's navigation leads to it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

HUB = reverse("portal:cooperation:hub")
COORDINATOR_TOOLS = (
    reverse("portal:cooperation:suggestion_table"),
    reverse("portal:cooperation:metacluster_from_candidate"),
)
PUBLIC = (
    reverse("portal:cooperation:metacluster_list"),
    reverse("portal:cooperation:sectors"),
    reverse("portal:cooperation:actionplan_list"),
)


def page_for(personas: Any, who: str) -> str:
    client = Client()
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    response = client.get(HUB)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "registered", "manager"])
def test_people_who_do_not_coordinate_see_the_public_parts_only(personas: Any, who: str) -> None:
    page = page_for(personas, who)
    for url in PUBLIC:
        assert f'href="{url}"' in page
    for url in COORDINATOR_TOOLS:
        assert f'href="{url}"' not in page


@pytest.mark.parametrize("who", ["coordinator_cz", "admin"])
def test_coordinators_and_admins_see_their_tools_too(personas: Any, who: str) -> None:
    page = page_for(personas, who)
    for url in (*PUBLIC, *COORDINATOR_TOOLS):
        assert f'href="{url}"' in page


def test_the_overdue_list_is_offered_to_people_with_a_role_only(personas: Any) -> None:
    overdue = f'href="{reverse("portal:cooperation:actionplan_overdue")}"'
    assert overdue in page_for(personas, "manager")
    assert overdue not in page_for(personas, "registered")


@pytest.mark.django_db
def test_every_page_of_the_portal_links_to_the_cooperation_section() -> None:
    response = Client().get(reverse("portal:home"))
    assert f'href="{HUB}"' in response.content.decode()
