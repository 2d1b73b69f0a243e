"""The /policy/ pages: search with filters, detail, and editing under the one policy."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from clusterhub.audit.models import AuditEntry
from clusterhub.policy.models import Initiative
from clusterhub.policy.records import initiative_record
from clusterhub.policy.services import upsert_initiative
from clusterhub.registry.forms import initial_from_record
from clusterhub.standard.rows import validate_row
from tests.policy.rows import GOOD_INITIATIVE, SETUP, add

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def initiatives(personas) -> dict[str, Initiative]:  # type: ignore[no-untyped-def]
    return {
        "cz": add(
            "cz-programme", country="CZ", name="Program Klastry", instrument="cluster-programme"
        ),
        "pl": add(
            "pl-programme", country="PL", name="Program Klastrów", instrument="grant", sectors="C29"
        ),
        "eu": add("eu-call", level="eu", name="EU cluster call", start="2021", end="2022"),
    }


def form_data(initiative: Initiative, **changes: str) -> dict[str, Any]:
    data: dict[str, Any] = initial_from_record(initiative_record(initiative))
    data.pop("code")
    data["ecosystems"] = [c for c in data["ecosystems"].split(";") if c]
    data.update(changes)
    return data


def page(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return str(response.content.decode())


def cards(response: Any) -> list[str]:
    text = page(response)
    return sorted(part.split('"')[0] for part in text.split('data-initiative="')[1:])


def test_the_search_page_lists_every_initiative_and_links_to_each(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    text = page(client.get("/en/policy/"))
    assert "3 initiatives" in text
    assert '<a href="/en/policy/cz-programme/">Program Klastry</a>' in text
    assert 'href="/en/policy/"' in text  # the navigation link


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?country=PL", ["eu-call", "pl-programme"]),
        ("?level=eu", ["eu-call"]),
        ("?instrument=grant", ["pl-programme"]),
        ("?sector=29.1", ["cz-programme", "eu-call", "pl-programme"]),
        ("?sector=J62", ["cz-programme", "eu-call"]),
        ("?q=klastr%C3%B3w", ["pl-programme"]),
        ("?q=klastrow", ["pl-programme"]),
        ("?year=2023", ["cz-programme", "pl-programme"]),
        ("?active=on", ["cz-programme", "pl-programme"]),
        ("?region=PL213&level=national", ["pl-programme"]),
    ],
)
def test_the_filters_narrow_the_results(client, initiatives, query, expected) -> None:  # type: ignore[no-untyped-def]
    assert cards(client.get("/en/policy/" + query)) == expected


def test_a_bad_filter_is_reported_and_left_out(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/en/policy/?sector=Z99&level=eu")
    assert "is not a NACE Rev. 2 code" in page(response)
    assert cards(response) == ["eu-call"]


def test_an_htmx_request_gets_only_the_results(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    text = page(client.get("/en/policy/?country=CZ", HTTP_HX_REQUEST="true"))
    assert text.lstrip().startswith('<section id="policy-results"')
    assert "<html" not in text


def test_results_come_in_pages(client, personas) -> None:  # type: ignore[no-untyped-def]
    for i in range(25):
        add(f"cz-{i:02}", country="CZ", name=f"Program {i:02}")
    first = page(client.get("/en/policy/?country=CZ"))
    assert "25 initiatives" in first and "Page 1 of 2" in first
    assert 'href="?country=CZ&amp;page=2"' in first
    second = client.get("/en/policy/?country=CZ&page=2")
    assert cards(second) == ["cz-20", "cz-21", "cz-22", "cz-23", "cz-24"]


def test_the_detail_page_shows_the_facts_and_the_citation(client, personas) -> None:  # type: ignore[no-untyped-def]
    clean, _ = validate_row("policy_initiatives", GOOD_INITIATIVE)
    upsert_initiative(clean, actor=SETUP)
    text = page(client.get("/en/policy/cz-msk-voucher/"))
    assert "Moravskoslezský kraj" in text
    assert "Voucher" in text and "20,000,000.50 CZK" in text
    assert "2024-03-01–2026" in text  # noqa: RUF001
    assert "[cz-msk-voucher]" in text
    assert 'href="https://example.org/msk-voucher" rel="nofollow noopener"' in text
    assert "Mobility, transport and automotive" in text
    assert "/en/policy/cz-msk-voucher/edit/" not in text  # anonymous visitors may not edit
    assert client.get("/en/policy/no-such-code/").status_code == 404


def test_a_hostile_name_and_description_are_shown_as_text(client, personas) -> None:  # type: ignore[no-untyped-def]
    add("cz-hostile", country="CZ", name=HOSTILE, description=HOSTILE, managing_body=HOSTILE)
    for url in ("/en/policy/", "/en/policy/cz-hostile/", "/en/policy/?q=script"):
        text = page(client.get(url))
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text


# (persona, initiative, allowed)
EDIT_MATRIX = [
    ("anonymous", "cz", False),
    ("registered", "cz", False),
    ("manager", "cz", False),
    ("coordinator_pl", "cz", False),
    ("coordinator_cz", "cz", True),
    ("coordinator_cz", "eu", False),
    ("coordinator_pl", "pl", True),
    ("admin", "eu", True),
    ("admin", "pl", True),
]


@pytest.mark.parametrize(("persona", "target", "allowed"), EDIT_MATRIX)
def test_editing_obeys_the_policy(client, personas, initiatives, persona, target, allowed) -> None:  # type: ignore[no-untyped-def]
    user = getattr(personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    initiative = initiatives[target]
    before = AuditEntry.objects.filter(model="policy_initiative").count()
    response = client.post(
        f"/en/policy/{initiative.code}/edit/", form_data(initiative, budget="1000")
    )
    initiative.refresh_from_db()
    if allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == f"/en/policy/{initiative.code}/"
        assert initiative.budget == 1000
        assert AuditEntry.objects.filter(model="policy_initiative").count() == before + 1
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
        assert initiative.budget is None
        assert AuditEntry.objects.filter(model="policy_initiative").count() == before
    shown = client.get(f"/en/policy/{initiative.code}/").content.decode()
    assert (f"/en/policy/{initiative.code}/edit/" in shown) == allowed


def test_the_pl_coordinator_cannot_delete_a_cz_initiative_but_the_cz_one_can(
    client, personas, initiatives
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_pl)
    assert client.post("/en/policy/cz-programme/delete/").status_code == 403
    assert Initiative.objects.filter(code="cz-programme").exists()
    client.force_login(personas.coordinator_cz)
    assert client.post("/en/policy/cz-programme/delete/").status_code == 302
    assert not Initiative.objects.filter(code="cz-programme").exists()
    entry = AuditEntry.objects.get(model="policy_initiative", action="delete")
    assert entry.before is not None and entry.before["code"] == "cz-programme"
    assert entry.actor_name == "koordinator"


def test_a_coordinator_adds_initiatives_of_their_country_only(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    new = {"code": "cz-new", "name": "Nový program", "level": "national", "country": "CZ"}
    assert client.post("/en/policy/new/", new).status_code == 302
    created = Initiative.objects.get(code="cz-new")
    assert (created.currency, created.source) == ("EUR", "CZ")
    for refused in (
        {**new, "code": "pl-new", "country": "PL"},
        {**new, "code": "eu-new", "level": "eu", "country": ""},
    ):
        text = page(client.post("/en/policy/new/", refused))
        assert "You may not add initiatives of this level or country" in text
    assert Initiative.objects.count() == 1
    duplicate = page(client.post("/en/policy/new/", new))
    assert "Another initiative already has this code" in duplicate
    client.force_login(personas.registered)
    assert client.get("/en/policy/new/").status_code == 403


def test_a_coordinator_cannot_move_an_initiative_out_of_their_country(
    client, personas, initiatives
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    cz = initiatives["cz"]
    for changes in ({"country": "PL"}, {"level": "eu", "country": ""}):
        text = page(client.post("/en/policy/cz-programme/edit/", form_data(cz, **changes)))
        assert "You may not move the initiative" in text
    cz.refresh_from_db()
    assert (cz.level, cz.country) == ("national", "CZ")


def test_the_form_refuses_what_the_importer_refuses_and_writes_nothing(
    client, personas, initiatives
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    cz = initiatives["cz"]
    before = AuditEntry.objects.count()
    data = form_data(
        cz,
        level="regional",
        region="PL213",
        start="2027",
        end="2021",
        budget="-3",
        link="javascript:alert(1)",
    )
    text = page(client.post("/en/policy/cz-programme/edit/", data))
    for reason in (
        "does not lie in country CZ",
        "is before start",
        "must not be negative",
        "is not an http(s) URL",
    ):
        assert reason in text
    assert AuditEntry.objects.count() == before


def test_a_form_post_without_the_csrf_token_is_refused(personas, initiatives) -> None:  # type: ignore[no-untyped-def]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(personas.coordinator_cz)
    cz = initiatives["cz"]
    response = strict.post("/en/policy/cz-programme/edit/", form_data(cz, budget="5"))
    assert response.status_code == 403
    assert strict.post("/en/policy/cz-programme/delete/").status_code == 403
    cz.refresh_from_db()
    assert cz.budget is None
    form = strict.get("/en/policy/cz-programme/edit/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in form


def test_editors_see_the_history_of_an_initiative(client, personas, initiatives) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    cz = initiatives["cz"]
    client.post("/en/policy/cz-programme/edit/", form_data(cz, end="2030"))
    text = page(client.get("/en/policy/cz-programme/"))
    assert "History" in text and "koordinator" in text and ": end" in text
    client.logout()
    assert "koordinator" not in page(client.get("/en/policy/cz-programme/"))


def test_the_pages_are_translated(client, initiatives) -> None:  # type: ignore[no-untyped-def]
    with translation.override("cs"):
        heading = translation.gettext("Policy initiatives")
    assert heading != "Policy initiatives"
    text = page(client.get("/cs/policy/"))
    assert f"<h1>{heading}</h1>" in text
    assert "3 iniciativy" in text
    assert "[eu-call] EU cluster call, EU-Ebene, 2021–2022." in page(  # noqa: RUF001
        client.get("/de/policy/eu-call/")
    )
