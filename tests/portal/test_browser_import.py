"""A coordinator imports a file from the browser: upload, row report, confirm."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clusterhub.audit.models import AuditEntry
from clusterhub.registry.models import Cluster

pytestmark = pytest.mark.django_db

GOOD = "id,name,country,nuts\ncz-10,Nový klastr,CZ,CZ064\ncz-11,Druhý klastr,CZ,CZ080\n"
BAD = "id,name,country,founded\ncz-10,Nový klastr,CZ,1850\n"
FOREIGN = "id,name,country\ncz-10,Nový klastr,CZ\npl-10,Nowy klaster,PL\n"


def upload(client, text: str, name: str = "klastry.csv"):  # type: ignore[no-untyped-def]
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post("/en/import/", {"file": file, "table": "", "source": ""}, follow=True)


def test_a_coordinator_checks_then_imports_a_file(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    before = Cluster.objects.count()
    report = upload(client, GOOD)
    page = report.content.decode()
    assert "2 to create, 0 to update, 0 unchanged" in page
    assert Cluster.objects.count() == before  # the check writes nothing
    review_url = report.redirect_chain[-1][0]
    done = client.post(review_url, follow=True)
    assert done.status_code == 200
    assert Cluster.objects.filter(source_id__in=["cz-10", "cz-11"]).count() == 2
    assert AuditEntry.objects.filter(actor_id=personas.coordinator_cz.pk).count() == 2


def test_the_report_names_every_bad_row_and_offers_no_import(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    page = upload(client, BAD).content.decode()
    assert re.search(r"<td>2</td><td>founded</td><td>1850</td>", page)
    assert "Import now" not in page
    assert not Cluster.objects.filter(source_id="cz-10").exists()


def test_rows_of_another_countrys_registry_are_refused(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    page = upload(client, FOREIGN).content.decode()
    assert "is a country whose registry you may not change" in page
    assert "Import now" not in page


def test_people_without_a_coordinator_role_cannot_import(client, personas) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/en/import/").status_code == 302
    for persona in ("registered", "manager"):
        client.force_login(getattr(personas, persona))
        assert client.get("/en/import/").status_code == 403
        file = SimpleUploadedFile("k.csv", GOOD.encode(), content_type="text/csv")
        assert client.post("/en/import/", {"file": file}).status_code == 403
    assert not Cluster.objects.filter(source_id="cz-10").exists()


def test_a_review_link_works_only_in_the_session_that_uploaded(client, personas) -> None:  # type: ignore[no-untyped-def]
    from django.test import Client

    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    other = Client()
    other.force_login(personas.coordinator_cz)
    other.post(review_url)
    assert not Cluster.objects.filter(source_id="cz-10").exists()


def test_an_unreadable_file_gets_one_sentence(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.admin)
    file = SimpleUploadedFile(
        "broken.xlsx", b"PK\x03\x04 not really", content_type="application/octet-stream"
    )
    page = client.post("/en/import/", {"file": file}, follow=True).content.decode()
    assert "is not a readable workbook" in page
