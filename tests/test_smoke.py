"""The registry starts empty and the home page answers."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_home_page_shows_an_empty_registry(client):  # type: ignore[no-untyped-def]
    response = client.get("/en/")
    assert response.status_code == 200
    assert "The registry is empty" in response.content.decode()
