"""The study page and its PDF are composed once per state of the depository, scope and
language: a second visit reads what the first made, and any change is shown at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from clusterhub.benchmarking.study import kept
from clusterhub.benchmarking.views import study as views
from clusterhub.registry.services import upsert_cluster
from tests.benchmarking.test_study import add_clusters
from tests.personas import SETUP, Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Each study composed by the views, in order."""
    kept.forget()
    made: list[Any] = []
    real = views.compose

    def counting(data: Any) -> Any:
        made.append(data)
        return real(data)

    monkeypatch.setattr(views, "compose", counting)
    return made


def test_a_second_visit_reads_the_study_the_first_composed(
    personas: Personas, composed: list[Any]
) -> None:
    add_clusters(4)
    client = Client()
    for _visit in range(3):
        assert client.get("/en/study/?country=CZ").status_code == 200
    assert len(composed) == 1


def test_a_change_to_the_registry_is_in_the_next_study(
    personas: Personas, composed: list[Any]
) -> None:
    add_clusters(4)
    client = Client()
    before = client.get("/en/study/?country=CZ").content.decode()
    upsert_cluster(
        {"id": "cz-late", "name": "Pozdní klastr", "country": "CZ"}, source="CZ", actor=SETUP
    )
    after = client.get("/en/study/?country=CZ").content.decode()
    assert len(composed) == 2
    assert len(composed[1].organisations) == len(composed[0].organisations) + 1
    assert before != after


def test_each_language_and_scope_has_its_own_study(personas: Personas, composed: list[Any]) -> None:
    add_clusters(4)
    client = Client()
    for url in ("/en/study/", "/cs/study/", "/en/study/?country=CZ", "/cs/study/"):
        assert client.get(url).status_code == 200
    assert len(composed) == 3


def test_the_pdf_is_made_once_until_something_changes(
    personas: Personas, composed: list[Any]
) -> None:
    add_clusters(4)
    client = Client()
    first = client.get("/en/study.pdf?country=CZ")
    assert first.content.startswith(b"%PDF")
    assert client.get("/en/study.pdf?country=CZ").content == first.content
    assert len(composed) == 1
    upsert_cluster(
        {"id": "cz-late", "name": "Pozdní klastr", "country": "CZ"}, source="CZ", actor=SETUP
    )
    assert client.get("/en/study.pdf?country=CZ").content.startswith(b"%PDF")
    assert len(composed) == 2
