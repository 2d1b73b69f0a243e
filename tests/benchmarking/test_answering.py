"""A cluster manager answers online: drafts, submission, errors next to the questions, the
page in their language; nobody else opens the response."""

from __future__ import annotations

import datetime as dt

import pytest

from clusterhub.audit.models import AuditEntry
from clusterhub.benchmarking.models import Response
from tests.benchmarking.surveys import (
    COMPLETE,
    answers,
    fast_passwords,  # noqa: F401 (autouse)
    form_data,
    invite,
    open_survey,
)

pytestmark = pytest.mark.django_db


def url(survey, cluster) -> str:  # type: ignore[no-untyped-def]
    return f"/en/surveys/{survey.pk}/clusters/{cluster.pk}/"


@pytest.fixture
def round_cz(personas):  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster, personas.cz_other)
    return survey


def test_a_manager_sees_the_open_survey_of_their_cluster(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    page = client.get("/en/surveys/").content.decode()
    assert round_cz.title in page
    assert url(round_cz, personas.cz_cluster) in page
    assert url(round_cz, personas.cz_other) not in page
    assert "Not started" in page


def test_a_manager_saves_a_draft_without_the_required_answers(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    target = url(round_cz, personas.cz_cluster)
    form = client.get(target).content.decode()
    assert 'name="q-members_foreign"' in form and "csrfmiddlewaretoken" in form
    done = client.post(target, form_data({"members_total": "120", "awards": "none"}, "save"))
    assert done.status_code == 302
    response = Response.objects.get()
    assert response.status == "draft"
    assert response.answers == {"members_total": 120, "awards": "none"}
    page = client.get(target).content.decode()
    assert "The draft was saved." in page
    assert 'value="120"' in page  # the form comes back filled in


def test_a_manager_submits_and_the_response_becomes_read_only(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    target = url(round_cz, personas.cz_cluster)
    assert client.post(target, form_data(COMPLETE, "submit")).status_code == 302
    response = Response.objects.get()
    assert response.status == "submitted" and response.submitted_by == personas.manager
    assert response.answers["annual_budget_eur"] == 450000.0
    assert response.submitted_at is not None
    page = client.get(target).content.decode()
    assert 'name="q-members_total"' not in page
    assert "can no longer be changed" in page
    assert "450,000 EUR" in page and "Association" in page
    again = client.post(target, form_data(answers(members_total="1"), "submit"))
    assert again.status_code == 302
    response.refresh_from_db()
    assert response.answers["members_total"] == 120
    entries = AuditEntry.objects.filter(model="survey_response", object_id=str(response.pk))
    assert [e.after["status"] for e in entries.order_by("id")] == ["submitted"]


def test_submitting_shows_every_problem_next_to_its_question(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    target = url(round_cz, personas.cz_cluster)
    broken = answers(members_foreign="", funding_other_pct="0", member_satisfaction="9")
    page = client.post(target, form_data(broken, "submit"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "The answers were not submitted" in html
    assert "3 answers need attention" in html
    foreign = html[html.index('id="question-members_foreign"') :]
    assert foreign.index("An answer is required.") < foreign.index('id="question-staff_fte"')
    membership = html[html.index('id="question-funding_membership_pct"') :]
    assert "add up to 95; they must add up to 100 (± 1)" in membership[:3000]
    assert "“Share of the budget from membership fees (%)”" in membership[:3000]
    assert "“9” is not a whole number from 1 to 5." in html
    assert not Response.objects.exists()


def test_the_questionnaire_is_shown_in_the_managers_language(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    page = client.get(f"/cs/surveys/{round_cz.pk}/clusters/{personas.cz_cluster.pk}/")
    html = page.content.decode()
    assert "Kolik členů sídlí mimo zemi klastru?" in html
    assert "Struktura členské základny klastru" in html
    assert "Spolek" in html  # a choice
    page = client.get(f"/de/surveys/{round_cz.pk}/clusters/{personas.cz_cluster.pk}/")
    assert "Welche Rechtsform hat die Clusterorganisation?" in page.content.decode()


def test_the_manager_of_another_cluster_cannot_open_the_response(
    client, personas, round_cz
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.manager)
    other = url(round_cz, personas.cz_other)
    assert client.get(other).status_code == 403
    assert client.post(other, form_data(COMPLETE, "submit")).status_code == 403
    assert not Response.objects.exists()


def test_anonymous_visitors_and_registered_users_see_nothing_of_the_answers(
    client, personas, round_cz
) -> None:  # type: ignore[no-untyped-def]
    from tests.benchmarking.surveys import submit

    submit(round_cz, personas.cz_cluster)
    target = url(round_cz, personas.cz_cluster)
    for path in (target, "/en/surveys/", f"/en/surveys/{round_cz.pk}/"):
        redirected = client.get(path)
        assert redirected.status_code == 302 and "/accounts/login/" in redirected["Location"]
    client.force_login(personas.registered)
    assert client.get(target).status_code == 403
    assert client.get(f"/en/surveys/{round_cz.pk}/").status_code == 403
    assert "450" not in client.get("/en/surveys/").content.decode()
    assert "450" not in client.get(f"/en/clusters/{personas.cz_cluster.pk}/").content.decode()


def test_a_closed_survey_can_be_read_but_not_changed(client, personas) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    survey = open_survey(
        "CZ", opens_on=today - dt.timedelta(days=40), closes_on=today - dt.timedelta(days=10)
    )
    invite(survey, personas.cz_cluster)
    client.force_login(personas.manager)
    target = url(survey, personas.cz_cluster)
    page = client.get(target).content.decode()
    assert "The survey is not open now" in page and 'name="q-members_total"' not in page
    client.post(target, form_data(COMPLETE, "save"))
    assert not Response.objects.exists()


def test_a_coordinator_reads_and_reopens_a_response_of_their_country(
    client, personas, round_cz
) -> None:  # type: ignore[no-untyped-def]
    from tests.benchmarking.surveys import submit

    submit(round_cz, personas.cz_cluster)
    client.force_login(personas.coordinator_cz)
    target = url(round_cz, personas.cz_cluster)
    page = client.get(target).content.decode()
    assert "450,000 EUR" in page and "Reopen for changes" in page
    assert client.post(target + "reopen/").status_code == 302
    assert Response.objects.get().status == "draft"
    client.force_login(personas.manager)
    assert 'name="q-members_total"' in client.get(target).content.decode()


def test_the_invitation_link_leads_the_manager_to_the_response(client, personas, round_cz) -> None:  # type: ignore[no-untyped-def]
    token = round_cz.invitations.get(cluster=personas.cz_cluster).token
    link = f"/en/surveys/invitation/{token}/"
    assert "/accounts/login/" in client.get(link)["Location"]
    client.force_login(personas.manager)
    assert client.get(link)["Location"] == url(round_cz, personas.cz_cluster)
    client.force_login(personas.registered)
    refused = client.get(link)
    assert refused.status_code == 403
    assert "ask your national coordinator" in refused.content.decode().lower()
    assert client.get("/en/surveys/invitation/nonsense/").status_code == 404


def test_survey_pages_escape_names_and_carry_no_inline_script_or_style(client, personas) -> None:  # type: ignore[no-untyped-def]
    import re

    from clusterhub.registry.services import upsert_cluster
    from tests.personas import SETUP

    hostile = "<script>window.__pwned=1</script>"
    upsert_cluster({"id": "cz-1", "name": hostile, "country": "CZ"}, source="CZ", actor=SETUP)
    survey = open_survey("CZ", title=f"Round {hostile}")
    invite(survey, personas.cz_cluster)
    client.force_login(personas.manager)
    pages = ["/en/surveys/", url(survey, personas.cz_cluster)]
    client.post(pages[1], form_data(answers(awards=hostile), "submit"))
    client.force_login(personas.coordinator_cz)
    pages += [f"/en/surveys/{survey.pk}/", f"/en/surveys/{survey.pk}/invite/", pages[1]]
    for page in pages:
        html = client.get(page).content.decode()
        assert hostile not in html, page
        assert "&lt;script&gt;" in html, page
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), page
        assert " style=" not in html, page
