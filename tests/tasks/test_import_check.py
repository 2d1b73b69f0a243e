"""A browser upload's check leaves the web request: it is queued, and the worker keeps its
report on the pending import."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django_q.models import OrmQ, Success

from clusterhub.ingest import uploads
from clusterhub.tasks.worker import run_queued

GOOD = "id,name,country,nuts\ncz-10,Nový klastr,CZ,CZ064\n"


def test_the_upload_is_checked_by_the_worker_not_in_the_request(
    queued, personas, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.UPLOAD_DIR = str(tmp_path / "uploads")
    file = SimpleUploadedFile("klastry.csv", GOOD.encode("utf-8"), content_type="text/csv")
    pending = uploads.create(file, user=personas.coordinator_cz)
    assert (pending.status, pending.ok, pending.report) == ("checking", False, [])
    assert OrmQ.objects.count() == 1
    assert run_queued() == 1
    pending.refresh_from_db()
    assert (pending.status, pending.ok) == ("ready", True)
    assert pending.report[0]["counts"]["created"] == 1
    assert Success.objects.get().result == "may be imported"
