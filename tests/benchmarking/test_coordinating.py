"""National coordinators run survey rounds: create, invite (mail), response rates, reminders;
each for their own country only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings

from clusterhub.accounts.policy import Action, can
from clusterhub.benchmarking.models import Invitation, Survey
from clusterhub.benchmarking.rates import response_rates
from clusterhub.benchmarking.services import save_response
from clusterhub.registry.services import upsert_cluster
from tests.benchmarking.surveys import (
    COMPLETE,
    fast_passwords,  # noqa: F401 (autouse)
    invite,
    open_survey,
    published,
    submit,
)
from tests.personas import SETUP

pytestmark = pytest.mark.django_db


def test_a_coordinator_creates_a_round_for_their_country(client, personas) -> None:  # type: ignore[no-untyped-def]
    questionnaire = published()
    client.force_login(personas.coordinator_cz)
    form = client.get("/en/surveys/new/").content.decode()
    assert 'value="CZ"' in form and 'value="PL"' not in form
    data = {
        "questionnaire": questionnaire.pk,
        "title": "Benchmarking 2026",
        "country": "CZ",
        "opens_on": "2026-01-10",
        "closes_on": "2026-03-31",
    }
    created = client.post("/en/surveys/new/", data)
    survey = Survey.objects.get()
    assert created["Location"] == f"/en/surveys/{survey.pk}/"
    assert (survey.country, survey.closes_on) == ("CZ", dt.date(2026, 3, 31))
    refused = client.post("/en/surveys/new/", {**data, "country": "PL"})
    assert refused.status_code == 200 and Survey.objects.count() == 1
    backwards = client.post("/en/surveys/new/", {**data, "closes_on": "2025-12-31"})
    assert "cannot close before it opens" in backwards.content.decode()


def test_managers_and_registered_users_cannot_run_rounds(client, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    for persona in (personas.manager, personas.registered):
        client.force_login(persona)
        assert client.get("/en/surveys/new/").status_code == 403
        assert client.get(f"/en/surveys/{survey.pk}/").status_code == 403
        assert client.get(f"/en/surveys/{survey.pk}/invite/").status_code == 403
        assert client.post(f"/en/surveys/{survey.pk}/remind/").status_code == 403


def test_inviting_mails_each_cluster_in_its_language_with_its_link(client, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    upsert_cluster(
        {"id": "cz-2", "name": "Klastr Zdraví", "country": "CZ", "email": "info@zdravi.cz"},
        source="CZ",
        actor=SETUP,
    )
    client.force_login(personas.coordinator_cz)
    page = client.get(f"/en/surveys/{survey.pk}/invite/").content.decode()
    assert "jana@example.cz" in page and "info@zdravi.cz" in page
    ids = [str(personas.cz_cluster.pk), str(personas.cz_other.pk)]
    done = client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": ids})
    assert done.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["info@zdravi.cz", "jana@example.cz"]
    message = next(m for m in mail.outbox if m.to == ["jana@example.cz"])
    token = Invitation.objects.get(cluster=personas.cz_cluster).token
    assert f"{settings.SITE_URL}/cs/surveys/invitation/{token}/" in message.body
    assert "Moravskoslezský automobilový klastr" in message.body
    assert survey.title in message.subject
    assert all(i.sent_at for i in Invitation.objects.all())
    again = client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": ids})
    assert again.status_code == 302 and len(mail.outbox) == 2  # nobody is invited twice


@override_settings(
    SITE_URL="https://clusters.example.org", ALLOWED_HOSTS=["clusters.example.org", "evil.example"]
)
def test_survey_mail_links_start_with_the_site_address_whatever_the_host_header(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    client.force_login(personas.coordinator_cz)
    forged = {"HTTP_HOST": "evil.example", "HTTP_X_FORWARDED_HOST": "evil.example"}
    ids = [str(personas.cz_cluster.pk)]
    assert (
        client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": ids}, **forged).status_code
        == 302
    )
    assert client.post(f"/en/surveys/{survey.pk}/remind/", **forged).status_code == 302
    token = Invitation.objects.get(cluster=personas.cz_cluster).token
    assert len(mail.outbox) == 2  # the invitation and the reminder
    for message in mail.outbox:
        assert f"https://clusters.example.org/cs/surveys/invitation/{token}/" in message.body
        assert "evil.example" not in message.body


def test_a_cluster_without_an_address_is_invited_but_not_mailed(personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    mailing = invite(survey, personas.cz_other)
    assert (mailing.invited, mailing.mailed, mailing.no_address) == (1, 0, ["Klastr Zdraví"])
    assert mail.outbox == []
    assert Invitation.objects.get().sent_at is None


def test_the_pl_coordinator_cannot_invite_cz_clusters_nor_see_cz_responses(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster)
    submit(survey, personas.cz_cluster)
    client.force_login(personas.coordinator_pl)
    assert client.get(f"/en/surveys/{survey.pk}/").status_code == 403
    assert client.get(f"/en/surveys/{survey.pk}/invite/").status_code == 403
    refused = client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": [personas.cz_other.pk]})
    assert refused.status_code == 403
    response_page = f"/en/surveys/{survey.pk}/clusters/{personas.cz_cluster.pk}/"
    assert client.get(response_page).status_code == 403
    assert client.post(response_page + "reopen/").status_code == 403
    assert survey.title not in client.get("/en/surveys/").content.decode()
    assert Invitation.objects.count() == 1


def test_in_a_round_of_every_country_each_coordinator_sees_and_invites_their_own(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("")  # an admin's round of every country
    invite(survey, personas.cz_cluster, personas.pl_cluster)
    submit(survey, personas.cz_cluster)
    client.force_login(personas.coordinator_pl)
    page = client.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "Śląski Klaster" in page and "Moravskoslezský" not in page
    invite_page = client.get(f"/en/surveys/{survey.pk}/invite/").content.decode()
    assert "Klastr Zdraví" not in invite_page
    refused = client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": [personas.cz_other.pk]})
    assert refused.status_code == 403
    assert response_rates(survey, frozenset({"PL"})).total.submitted == 0
    assert not can(personas.coordinator_pl, Action.VIEW_SURVEY_ANSWERS, personas.cz_cluster)


def test_response_rates_count_invited_drafts_and_submitted_by_country_and_ecosystem(
    personas,
) -> None:  # type: ignore[no-untyped-def]
    digital, _ = upsert_cluster(
        {"id": "cz-3", "name": "Digitální klastr", "country": "CZ", "ecosystems": ["digital"]},
        source="CZ",
        actor=SETUP,
    )
    upsert_cluster(
        {"id": "cz-1", "ecosystems": ["digital", "mobility-transport-automotive"]},
        source="CZ",
        actor=SETUP,
    )
    survey = open_survey("")
    invite(survey, personas.cz_cluster, personas.cz_other, digital, personas.pl_cluster)
    submit(survey, personas.cz_cluster)
    save_response(survey, digital, {"members_total": "40"}, submit=False, actor=SETUP)
    rates = response_rates(survey)
    assert (rates.total.invited, rates.total.drafts, rates.total.submitted) == (4, 1, 1)
    assert rates.total.percent == 25.0
    by_country = {
        r.key: (r.invited, r.not_started, r.drafts, r.submitted, r.percent) for r in rates.countries
    }
    assert by_country == {"CZ": (3, 1, 1, 1, 33.3), "PL": (1, 1, 0, 0, 0.0)}
    by_ecosystem = {r.key: (r.invited, r.drafts, r.submitted) for r in rates.ecosystems}
    assert by_ecosystem == {"digital": (2, 1, 1), "mobility-transport-automotive": (1, 0, 1)}
    assert response_rates(survey, frozenset({"PL"})).total.invited == 1


def test_the_rates_page_shows_the_coordinators_country(client, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster, personas.cz_other)
    submit(survey, personas.cz_cluster)
    client.force_login(personas.coordinator_cz)
    page = client.get(f"/en/surveys/{survey.pk}/").content.decode()
    assert "1 of 2 invited clusters have submitted; 0 have a draft." in page
    assert '<progress max="100" value="50.0">' in page
    listing = client.get("/en/surveys/").content.decode()
    assert survey.title in listing and "50.0 %" in listing


def test_reminders_go_only_to_clusters_that_have_not_submitted(client, personas) -> None:  # type: ignore[no-untyped-def]
    upsert_cluster({"id": "cz-2", "email": "info@zdravi.cz"}, source="CZ", actor=SETUP)
    survey = open_survey("CZ")
    invite(survey, personas.cz_cluster, personas.cz_other)
    submit(survey, personas.cz_cluster)
    mail.outbox.clear()
    client.force_login(personas.coordinator_cz)
    assert client.post(f"/en/surveys/{survey.pk}/remind/").status_code == 302
    assert [m.to for m in mail.outbox] == [["info@zdravi.cz"]]
    assert "Klastr Zdraví" in mail.outbox[0].body
    reminded = Invitation.objects.get(cluster=personas.cz_other)
    assert reminded.reminded_at is not None
    assert Invitation.objects.get(cluster=personas.cz_cluster).reminded_at is None


def test_a_manager_may_not_answer_before_being_invited(client, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    client.force_login(personas.manager)
    target = f"/en/surveys/{survey.pk}/clusters/{personas.cz_cluster.pk}/"
    assert client.get(target).status_code == 404
    from clusterhub.benchmarking.services import NotAnswerable

    with pytest.raises(NotAnswerable):
        save_response(survey, personas.cz_cluster, COMPLETE, submit=True, actor=SETUP)


def test_the_coordinator_is_told_the_invitations_are_queued_not_sent(client, personas) -> None:  # type: ignore[no-untyped-def]
    survey = open_survey("CZ")
    client.force_login(personas.coordinator_cz)
    ids = [str(personas.cz_cluster.pk)]
    page = client.post(f"/en/surveys/{survey.pk}/invite/", {"cluster": ids}, follow=True)
    text = page.content.decode()
    assert "1 cluster was invited. 1 invitation is queued; it is sent within a minute." in text
    reminded = client.post(f"/en/surveys/{survey.pk}/remind/", follow=True).content.decode()
    assert "1 reminder is queued; it is sent within a minute." in reminded
    assert "sent." not in text and "sent." not in reminded
