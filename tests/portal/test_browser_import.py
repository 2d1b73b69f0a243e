"""A coordinator imports a file from the browser: upload, row report, confirm."""

from __future__ import annotations

import os
import re
import stat
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from clusterhub.audit.models import AuditEntry
from clusterhub.ingest import uploads
from clusterhub.ingest.models import PendingImport
from clusterhub.registry.models import Cluster
from tests.ingest import hostile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "uploads"
    settings.UPLOAD_DIR = str(folder)
    return folder


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


def stored(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_check_runs_once_however_often_the_report_is_viewed(
    client, personas, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls = []
    real = uploads.run_import

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["dry_run"])
        return real(*args, **kwargs)

    monkeypatch.setattr(uploads, "run_import", counting)
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    for _ in range(2):
        page = client.get(review_url).content.decode()
        assert "2 to create, 0 to update, 0 unchanged" in page
    assert calls == [True]


def test_confirming_imports_and_removes_the_file_and_the_record(
    client, personas, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    assert len(stored(upload_dir)) == 1 and PendingImport.objects.count() == 1
    done = client.post(review_url, follow=True)
    assert done.redirect_chain[-1][0].endswith("/clusters/")
    assert Cluster.objects.filter(source_id__in=["cz-10", "cz-11"]).count() == 2
    assert stored(upload_dir) == [] and not PendingImport.objects.exists()
    assert client.get(review_url, follow=True).redirect_chain[-1][0] == "/en/import/"


def test_a_refusal_at_confirmation_is_shown_with_its_report_and_the_file_removed(
    client, personas, monkeypatch, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    (upload_dir / os.listdir(upload_dir)[0]).write_text(BAD, encoding="utf-8")
    page = client.post(review_url).content.decode()
    assert re.search(r"<td>2</td><td>founded</td><td>1850</td>", page)
    assert "Import now" not in page
    assert PendingImport.objects.get().ok is False and stored(upload_dir) == []
    assert not Cluster.objects.filter(source_id="cz-10").exists()
    assert "founded" in client.get(review_url).content.decode()  # the report stays


def test_cancelling_removes_the_file_and_the_record(client, personas, upload_dir) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    client.post(review_url + "cancel/")
    assert stored(upload_dir) == [] and not PendingImport.objects.exists()
    client.post(review_url)
    assert not Cluster.objects.filter(source_id="cz-10").exists()


def test_a_file_over_the_limit_is_refused_while_it_arrives(
    client, personas, monkeypatch, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.ingest import limits

    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", 100)
    client.force_login(personas.coordinator_cz)
    rows = "".join(f"cz-{n},Klastr {n},CZ,CZ064\n" for n in range(20))
    page = upload(client, "id,name,country,nuts\n" + rows).content.decode()
    assert "The file is larger than 50 MB; use the command line." in page
    assert stored(upload_dir) == [] and not PendingImport.objects.exists()


@pytest.mark.parametrize("limit", [100, 30_000])  # the rest cut off / read and dropped
def test_a_request_declaring_more_than_the_limit_is_refused_before_the_file_is_read(
    client, personas, monkeypatch, upload_dir, limit
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.ingest import limits
    from clusterhub.portal import upload_limit

    monkeypatch.setattr(limits, "MAX_UPLOAD_BYTES", limit)
    received = []
    monkeypatch.setattr(
        upload_limit.UploadLimit,
        "receive_data_chunk",
        lambda self, data, start: received.append(data) or data,
    )
    client.force_login(personas.coordinator_cz)
    text = GOOD + "x" * (upload_limit.FORM_ALLOWANCE + limit + 1)
    page = upload(client, text).content.decode()
    assert "The file is larger than 50 MB; use the command line." in page
    assert received == []
    assert stored(upload_dir) == [] and not PendingImport.objects.exists()


def test_stored_uploads_are_readable_by_the_server_user_only(client, personas, upload_dir) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    upload(client, GOOD)
    assert stat.S_IMODE(upload_dir.stat().st_mode) == 0o700
    (file,) = upload_dir.iterdir()
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_an_upload_folder_that_is_a_symbolic_link_is_refused(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from django.core.exceptions import ImproperlyConfigured

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    settings.UPLOAD_DIR = str(tmp_path / "link")
    with pytest.raises(ImproperlyConfigured, match="symbolic link"):
        uploads.upload_folder()


def abandon_everything(upload_dir: Path) -> None:
    long_ago = timezone.now() - timedelta(days=2)
    PendingImport.objects.update(created_at=long_ago)
    for file in upload_dir.iterdir():
        os.utime(file, (long_ago.timestamp(), long_ago.timestamp()))


def test_the_purge_command_removes_uploads_abandoned_for_a_day(
    client, personas, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    upload(client, GOOD)
    upload(client, GOOD)
    PendingImport.objects.filter(pk=PendingImport.objects.order_by("pk").first().pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    (upload_dir / "stray.csv").write_text("left behind")
    long_ago = (timezone.now() - timedelta(days=2)).timestamp()
    os.utime(upload_dir / "stray.csv", (long_ago, long_ago))
    out = StringIO()
    call_command("purge_uploads", stdout=out)
    assert out.getvalue().startswith("2 ")
    assert PendingImport.objects.count() == 1
    assert stored(upload_dir) == [Path(PendingImport.objects.get().path).name]


def test_the_next_upload_removes_uploads_abandoned_for_a_day(client, personas, upload_dir) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    upload(client, GOOD)
    abandon_everything(upload_dir)
    upload(client, GOOD)
    assert PendingImport.objects.count() == 1
    assert stored(upload_dir) == [Path(PendingImport.objects.get().path).name]


def test_a_report_past_the_listed_problems_says_how_many_more(
    client, personas, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.ingest import report

    monkeypatch.setattr(report, "MAX_PROBLEMS", 3)
    client.force_login(personas.coordinator_cz)
    rows = "".join(f"cz-{n},Klastr {n},CZ,1850\n" for n in range(1, 6))
    page = upload(client, "id,name,country,founded\n" + rows).content.decode()
    assert "5 problems: nothing will be imported until they are fixed." in page
    assert page.count("<td>founded</td>") == 3
    assert "and 2 more problems (the first 3 are listed)" in page


def test_a_review_link_of_another_user_does_nothing(client, personas) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    token = review_url.rstrip("/").rsplit("/", 1)[-1]
    other = Client()
    other.force_login(personas.admin)
    session = other.session
    session["pending_imports"] = [token]
    session.save()
    assert other.get(review_url).status_code == 302
    other.post(review_url)
    other.post(review_url + "cancel/")
    assert not Cluster.objects.filter(source_id="cz-10").exists()
    assert PendingImport.objects.filter(token=token).exists()


def test_an_upload_without_the_csrf_token_is_forbidden(personas, upload_dir) -> None:  # type: ignore[no-untyped-def]
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(personas.coordinator_cz)
    file = SimpleUploadedFile("k.csv", GOOD.encode(), content_type="text/csv")
    assert guarded.post("/en/import/", {"file": file}).status_code == 403
    assert stored(upload_dir) == [] and not PendingImport.objects.exists()
    guarded.get("/en/import/")
    token = guarded.cookies["csrftoken"].value
    file = SimpleUploadedFile("k.csv", GOOD.encode(), content_type="text/csv")
    answer = guarded.post("/en/import/", {"csrfmiddlewaretoken": token, "file": file})
    assert answer.status_code == 302 and PendingImport.objects.count() == 1


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (hostile.far_apart, "could not be read within the reader&#x27;s memory limit"),
        (
            lambda path: hostile.numbers(path, rows=1_000_000),
            "holds more than 5,000,000 cells, which is as many as are read",
        ),
    ],
)
def test_a_workbook_built_to_exhaust_memory_gets_an_error_and_the_server_goes_on(
    client, personas, tmp_path, build, message
) -> None:  # type: ignore[no-untyped-def]
    path = build(tmp_path / "hostile.xlsx")
    client.force_login(personas.coordinator_cz)
    with path.open("rb") as handle:
        upload = SimpleUploadedFile("hostile.xlsx", handle.read(), content_type="application/zip")
    page = client.post("/en/import/", {"file": upload}, follow=True).content.decode()
    assert message in page
    assert "Import now" not in page
    assert client.get("/en/clusters/").status_code == 200


def test_a_file_of_more_rows_than_the_browser_takes_is_sent_to_the_command_line(
    client, personas, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.ingest import limits

    monkeypatch.setattr(limits, "MAX_UPLOAD_ROWS", 2)
    client.force_login(personas.coordinator_cz)
    page = upload(client, GOOD).content.decode()
    assert "has more than 2 rows, the most an import from the browser takes" in page
    assert "Import now" not in page
    assert not Cluster.objects.filter(source_id="cz-10").exists()


def test_a_refused_file_is_removed_at_once_and_its_report_kept(
    client, personas, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(personas.coordinator_cz)
    review = upload(client, BAD)
    assert stored(upload_dir) == []
    assert PendingImport.objects.get().ok is False
    assert re.search(r"<td>2</td><td>founded</td><td>1850</td>", review.content.decode())


def test_the_review_says_the_file_is_being_checked_and_polls_until_the_worker_is_done(
    client, personas, monkeypatch, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.tasks import queue

    monkeypatch.setattr(queue, "AT_ONCE", False)  # queued after a commit that never comes
    client.force_login(personas.coordinator_cz)
    review = upload(client, GOOD)
    review_url = review.redirect_chain[-1][0]
    page = review.content.decode()
    pending = PendingImport.objects.get()
    assert pending.status == PendingImport.Status.CHECKING and pending.report == []
    assert "Checking the file…" in page
    assert f'hx-get="{review_url}" hx-trigger="every 2s" hx-swap="outerHTML"' in page
    assert "Import now" not in page and "to create" not in page
    assert client.post(review_url).status_code == 200  # nothing to confirm yet
    assert not Cluster.objects.filter(source_id="cz-10").exists()

    assert uploads.check_upload(pending.pk) == "may be imported"  # what the worker runs
    fragment = client.get(review_url, HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert text.lstrip().startswith('<div id="import-check">')  # the part alone, polling no more
    assert "2 to create, 0 to update, 0 unchanged" in text and "Import now" in text
    assert "<html" not in text and "hx-trigger" not in text
    assert "HX-Request" in fragment["Vary"]
    assert uploads.check_upload(pending.pk) == "the upload was cancelled or is checked already"


def test_a_check_no_worker_finished_within_the_queues_retries_is_shown_as_failed(
    client, personas, monkeypatch, upload_dir, settings
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    from clusterhub.tasks import queue

    monkeypatch.setattr(queue, "AT_ONCE", False)  # no worker ever takes the check
    settings.TASKS_RETRY_SECONDS, settings.TASKS_ATTEMPTS = 100, 3
    client.force_login(personas.coordinator_cz)
    review_url = upload(client, GOOD).redirect_chain[-1][0]
    pending = PendingImport.objects.get()
    assert "hx-trigger" in client.get(review_url).content.decode()
    assert not uploads.check_given_up(pending, pending.created_at + timedelta(seconds=299))
    PendingImport.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - timedelta(seconds=301)
    )
    page = client.get(review_url).content.decode()
    assert "The file could not be checked; upload it again" in page
    assert "hx-trigger" not in page and "Import now" not in page


def test_a_check_that_breaks_down_says_so_and_removes_the_file(
    client, personas, monkeypatch, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(uploads, "run_import", broken)
    client.force_login(personas.coordinator_cz)
    page = upload(client, GOOD).content.decode()
    assert "The file could not be checked; upload it again" in page
    assert "Import now" not in page and "hx-trigger" not in page
    assert PendingImport.objects.get().status == PendingImport.Status.FAILED
    assert stored(upload_dir) == []


def test_an_upload_cancelled_while_it_is_checked_stays_cancelled(
    client, personas, monkeypatch, upload_dir
) -> None:  # type: ignore[no-untyped-def]
    from clusterhub.tasks import queue

    monkeypatch.setattr(queue, "AT_ONCE", False)
    client.force_login(personas.coordinator_cz)
    upload(client, GOOD)
    pending = PendingImport.objects.get()
    real = uploads.run_import

    def cancelled_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        PendingImport.objects.filter(pk=pending.pk).delete()
        return real(*args, **kwargs)

    monkeypatch.setattr(uploads, "run_import", cancelled_meanwhile)
    assert uploads.check_upload(pending.pk) == "the upload was cancelled"
    assert not PendingImport.objects.exists() and stored(upload_dir) == []
