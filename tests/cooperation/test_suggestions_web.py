"""Partner suggestions on the portal: the profile's section for users with a role, dismissing
and restoring under the one policy (with CSRF), the coordinators' table and its CSV."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from clusterhub.audit.models import AuditEntry
from clusterhub.cooperation.models import SuggestionDismissal
from clusterhub.cooperation.suggestions import service
from clusterhub.cooperation.suggestions.inputs import forget
from clusterhub.cooperation.views import suggestions as views
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster
from tests.personas import SETUP

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


def add(source_id: str, name: str, country: str, **lists: str) -> Cluster:
    values: dict[str, Any] = {"id": source_id, "name": name, "country": country}
    values.update({field: codes.split(";") for field, codes in lists.items()})
    cluster, _ = upsert_cluster(values, source="TEST", actor=SETUP)
    return cluster


@pytest.fixture
def world(personas) -> Any:  # type: ignore[no-untyped-def]
    """The personas' clusters, the CZ one needing internationalisation, and candidates:
    a Slovak cluster that offers it and a Polish one whose name is a script."""
    forget()
    upsert_cluster(
        {"id": "cz-1", "name": personas.cz_cluster.name, "country": "CZ",
         "needs": ["internationalisation"]},
        source="CZ",
        actor=SETUP,
    )  # fmt: skip
    personas.offering = add(
        "sk-1", "Slovenský exportný klaster", "SK", services="internationalisation"
    )
    personas.script = add("pl-9", SCRIPT, "PL", services="internationalisation")
    return personas


def login(client: Client, user: Any) -> Client:
    if user.is_authenticated:
        client.force_login(user)
    return client


def profile(client: Client, cluster: Cluster) -> str:
    response = client.get(f"/en/clusters/{cluster.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def suggested_ids(page: str) -> list[int]:
    """The candidates linked in the "Suggested partners" list, in order."""
    listed = page.split('class="suggested-partners"', 1)
    if len(listed) == 1:
        return []
    return [
        int(pk) for pk in re.findall(r'href="/en/clusters/(\d+)/"', listed[1].split("</ol>")[0])
    ]


# (persona, cluster, sees the section, may dismiss)
PROFILE_MATRIX = [
    ("anonymous", "cz_cluster", False, False),
    ("registered", "cz_cluster", False, False),
    ("manager", "cz_cluster", True, True),
    ("manager", "pl_cluster", True, False),
    ("coordinator_cz", "cz_cluster", True, True),
    ("coordinator_cz", "cz_other", True, True),
    ("coordinator_pl", "cz_cluster", True, False),
    ("admin", "pl_cluster", True, True),
]


@pytest.mark.parametrize(("persona", "target", "sees", "dismisses"), PROFILE_MATRIX)
def test_the_suggested_partners_show_on_a_profile_exactly_as_the_policy_says(
    client, world, persona, target, sees, dismisses
) -> None:  # type: ignore[no-untyped-def]
    login(client, getattr(world, persona))
    page = profile(client, getattr(world, target))
    assert ("Suggested partners" in page) is sees
    assert ("/suggestions/" in page and "dismiss/" in page) is dismisses
    if sees:
        assert suggested_ids(page), "the section lists candidates"


def test_the_best_partner_comes_first_with_its_score_and_reasons(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.manager)
    page = profile(client, world.cz_cluster)
    ids = suggested_ids(page)
    # Both offer what the CZ cluster needs and lie across a border; the tie goes by id.
    assert ids[:2] == [world.offering.pk, world.script.pk]
    assert "offers Internationalisation support, which you need" in page
    assert "across the border, in Slovakia" in page


def test_a_cluster_named_like_a_script_is_shown_as_text(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.coordinator_cz)
    for page in (
        profile(client, world.cz_cluster),
        client.get("/en/cooperation/suggestions/").content.decode(),
    ):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert SCRIPT not in page


# (persona, cluster, allowed)
DISMISS_MATRIX = [
    ("anonymous", "cz_cluster", False),
    ("registered", "cz_cluster", False),
    ("manager", "cz_cluster", True),
    ("manager", "cz_other", False),
    ("manager", "pl_cluster", False),
    ("coordinator_cz", "cz_other", True),
    ("coordinator_pl", "cz_cluster", False),
    ("coordinator_pl", "pl_cluster", True),
    ("admin", "pl_cluster", True),
]


@pytest.mark.parametrize(("persona", "target", "allowed"), DISMISS_MATRIX)
def test_dismissing_and_restoring_obey_the_policy(client, world, persona, target, allowed) -> None:  # type: ignore[no-untyped-def]
    login(client, getattr(world, persona))
    cluster = getattr(world, target)
    base = f"/en/cooperation/clusters/{cluster.pk}/suggestions/{world.offering.pk}"
    entries = AuditEntry.objects.count()
    response = client.post(f"{base}/dismiss/")
    if not allowed:
        assert response.status_code == 403
        assert not SuggestionDismissal.objects.exists()
        assert AuditEntry.objects.count() == entries
        SuggestionDismissal.objects.create(cluster=cluster, candidate=world.offering)
        assert client.post(f"{base}/restore/").status_code == 403
        assert SuggestionDismissal.objects.count() == 1
        return
    assert response.status_code == 302
    assert response["Location"] == f"/en/clusters/{cluster.pk}/#suggestions"
    assert SuggestionDismissal.objects.filter(cluster=cluster, candidate=world.offering).exists()
    assert AuditEntry.objects.count() == entries + 1
    assert client.post(f"{base}/restore/").status_code == 302
    assert not SuggestionDismissal.objects.exists()
    assert AuditEntry.objects.count() == entries + 2


def test_dismissing_needs_a_post(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.manager)
    url = f"/en/cooperation/clusters/{world.cz_cluster.pk}/suggestions/{world.offering.pk}/dismiss/"
    assert client.get(url).status_code == 405
    assert not SuggestionDismissal.objects.exists()


def test_dismissing_an_unknown_candidate_is_not_found(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.manager)
    url = f"/en/cooperation/clusters/{world.cz_cluster.pk}/suggestions/999999/dismiss/"
    assert client.post(url).status_code == 404


def test_a_dismissed_suggestion_stays_dismissed_until_suggested_again(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.manager)
    assert world.offering.pk in suggested_ids(profile(client, world.cz_cluster))
    base = f"/en/cooperation/clusters/{world.cz_cluster.pk}/suggestions/{world.offering.pk}"
    client.post(f"{base}/dismiss/")
    for _request in range(2):
        page = profile(client, world.cz_cluster)
        assert world.offering.pk not in suggested_ids(page)
        dismissed = page.split("Dismissed suggestions", 1)[1]
        assert "Slovenský exportný klaster" in dismissed and "Suggest again" in dismissed
    # Another user with a role does not see it either: it is the cluster's choice.
    other = Client()
    other.force_login(world.coordinator_pl)
    assert world.offering.pk not in suggested_ids(profile(other, world.cz_cluster))
    client.post(f"{base}/restore/")
    page = profile(client, world.cz_cluster)
    assert world.offering.pk in suggested_ids(page)
    assert "Dismissed suggestions" not in page


def test_dismissing_checks_the_csrf_token(world) -> None:  # type: ignore[no-untyped-def]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.manager)
    url = f"/en/cooperation/clusters/{world.cz_cluster.pk}/suggestions/{world.offering.pk}/dismiss/"
    assert browser.post(url).status_code == 403
    assert not SuggestionDismissal.objects.exists()
    page = profile(browser, world.cz_cluster)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    assert browser.post(url, {"csrfmiddlewaretoken": token.group(1)}).status_code == 302
    assert SuggestionDismissal.objects.filter(cluster=world.cz_cluster).count() == 1


def test_a_profile_costs_the_same_queries_however_many_suggestions_it_shows(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.manager)

    def queries() -> int:
        profile(client, world.cz_cluster)  # builds the tables for this registry state
        with CaptureQueriesContext(connection) as captured:
            page = profile(client, world.cz_cluster)
        return len(captured.captured_queries), len(suggested_ids(page))

    few, shown_few = queries()
    for n in range(8):
        add(f"more-{n}", f"Cluster {n}", "AT", services="internationalisation")
    many, shown_many = queries()
    assert shown_few < shown_many == 10
    assert few == many


# (persona, status)
TABLE_MATRIX = [
    ("anonymous", 403),
    ("registered", 403),
    ("manager", 403),
    ("coordinator_cz", 200),
    ("coordinator_pl", 200),
    ("admin", 200),
]


@pytest.mark.parametrize(("persona", "status"), TABLE_MATRIX)
def test_the_table_of_suggestions_is_for_coordinators_and_admins(
    client, world, persona, status
) -> None:  # type: ignore[no-untyped-def]
    login(client, getattr(world, persona))
    assert client.get("/en/cooperation/suggestions/").status_code == status
    assert client.get("/en/cooperation/suggestions/?format=csv").status_code == status


def table_names(page: str) -> set[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>")[0]
    return set(re.findall(r'<td rowspan="\d+"><a href="/en/clusters/\d+/">([^<]+)</a>', body))


def test_a_coordinator_sees_the_organisations_of_their_country_only(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.coordinator_cz)
    page = client.get("/en/cooperation/suggestions/").content.decode()
    assert table_names(page) == {world.cz_cluster.name, world.cz_other.name}
    assert "Slovenský exportný klaster" in page  # as a partner, with its main reason
    assert "offers Internationalisation support, which you need" in page
    assert client.get("/en/cooperation/suggestions/?country=PL").status_code == 403


def test_an_admin_sees_every_country_and_can_pick_one(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.admin)
    everything = table_names(client.get("/en/cooperation/suggestions/").content.decode())
    assert everything == {escape(c.name) for c in Cluster.objects.all()}
    polish = table_names(client.get("/en/cooperation/suggestions/?country=pl").content.decode())
    assert polish == {world.pl_cluster.name, escape(SCRIPT)}


def test_the_table_comes_a_page_at_a_time(client, world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    login(client, world.admin)
    pages = [
        table_names(client.get(f"/en/cooperation/suggestions/?page={n}").content.decode())
        for n in (1, 2, 3)
    ]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert set().union(*pages) == {escape(c.name) for c in Cluster.objects.all()}


def csv_rows(response: Any) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_holds_the_whole_table_of_the_users_countries(client, world) -> None:  # type: ignore[no-untyped-def]
    login(client, world.coordinator_cz)
    rows = csv_rows(client.get("/en/cooperation/suggestions/?format=csv"))
    assert {r["country"] for r in rows} == {"CZ"}
    assert [r["rank"] for r in rows] == ["1", "2", "3"] * 2
    mine = [r for r in rows if r["id"] == str(world.cz_cluster.pk)]
    assert mine[0]["partner_name"] == "Slovenský exportný klaster"
    assert mine[0]["main_reason"] == "offers Internationalisation support, which you need"
    login(client, world.admin)
    everyone = csv_rows(client.get("/en/cooperation/suggestions/?format=csv"))
    assert {r["id"] for r in everyone} == {str(c.pk) for c in Cluster.objects.all()}


def test_the_csv_defuses_names_that_look_like_formulas(client, world) -> None:  # type: ignore[no-untyped-def]
    add("sk-2", "=HYPERLINK(1)", "SK", services="internationalisation")
    login(client, world.admin)
    rows = csv_rows(client.get("/en/cooperation/suggestions/?format=csv&country=SK"))
    assert "'=HYPERLINK(1)" in {r["name"] for r in rows}
    assert "=HYPERLINK(1)" not in {r["name"] for r in rows}


def test_the_csv_is_sent_in_pieces_in_the_language_of_the_request(
    client, world, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(views, "CSV_FLUSH", 1)
    monkeypatch.setattr(service, "CHUNK", 2)
    login(client, world.admin)
    response = client.get("/cs/cooperation/suggestions/?format=csv")
    pieces = [piece for piece in response.streaming_content if piece]
    assert len(pieces) > Cluster.objects.count() // 2  # a piece per organisation, not one
    rows = list(csv.DictReader(io.StringIO(b"".join(pieces).decode())))
    assert {r["id"] for r in rows} == {str(c.pk) for c in Cluster.objects.all()}
    czech = "nabízí služby, které potřebujete: Podpora internacionalizace"
    assert czech in {r["main_reason"] for r in rows}


def test_the_csv_lists_the_organisations_in_the_order_of_the_table(client, world) -> None:  # type: ignore[no-untyped-def]
    # Registered first, so the registry's order (by id) is not the table's (by name).
    zeta = add("cz-8", "Zeta klastr", "CZ", needs="internationalisation")
    alpha = add("cz-9", "Alpha klastr", "CZ", needs="internationalisation")
    login(client, world.admin)
    page = client.get("/en/cooperation/suggestions/").content.decode()
    body = page.split("<tbody>", 1)[1].split("</tbody>")[0]
    table = [int(pk) for pk in re.findall(r'<td rowspan="\d+"><a href="/en/clusters/(\d+)/"', body)]
    rows = csv_rows(client.get("/en/cooperation/suggestions/?format=csv"))
    in_csv = list(dict.fromkeys(int(r["id"]) for r in rows))
    assert in_csv == [pk for pk in table if pk in in_csv]
    assert in_csv.index(alpha.pk) < in_csv.index(zeta.pk)
