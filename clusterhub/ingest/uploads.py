"""Files uploaded in the browser: stored privately, checked once, then imported or removed.

An upload is written to `settings.UPLOAD_DIR` (a folder only the server's user can read)
and checked once with a dry run, in the worker (`check_upload`); the check's report is kept
on a `PendingImport`, so the review page shows it as often as it is viewed without reading
the file again. Confirming runs the real import once, in the request; cancelling, importing
or abandoning (a day) removes file and row.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from clusterhub.audit.services import Actor
from clusterhub.ingest import limits
from clusterhub.ingest.models import PendingImport
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.readers import Unreadable
from clusterhub.ingest.report import ImportRefused, ImportResult
from clusterhub.lib.text import cut
from clusterhub.tasks.queue import enqueue

log = logging.getLogger(__name__)

# An upload nobody confirmed or cancelled is removed after this long.
ABANDONED_AFTER = timedelta(days=1)
# What the stored report keeps of one value, one warning and the error sentence: enough to
# find the cell, not the cell itself (a hostile cell may hold 100,000 characters).
MAX_VALUE_CHARS = 200
MAX_WARNING_CHARS = 500
MAX_ERROR_CHARS = 1_000
MAX_NAME_CHARS = 200


class Upload(Protocol):
    """What is needed of an uploaded file (Django's `UploadedFile` has it)."""

    name: str | None

    def chunks(self) -> Iterable[bytes]: ...


def upload_folder() -> Path:
    """The folder of waiting uploads, made private to the server's user; refuse any other."""
    folder = Path(
        getattr(settings, "UPLOAD_DIR", "") or Path(tempfile.gettempdir()) / "clusterhub-uploads"
    )
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, 0o700)
    found = os.lstat(folder)
    if stat.S_ISLNK(found.st_mode) or not stat.S_ISDIR(found.st_mode):
        raise ImproperlyConfigured(
            f"UPLOAD_DIR {folder} is a symbolic link or not a folder; "
            "point it at a folder of the server's user."
        )
    if hasattr(os, "getuid") and found.st_uid != os.getuid():
        raise ImproperlyConfigured(
            f"UPLOAD_DIR {folder} belongs to another user; "
            "point it at a folder of the server's user."
        )
    if stat.S_IMODE(found.st_mode) != 0o700:
        os.chmod(folder, 0o700)
    return folder


def _write_private(path: Path, upload: Upload) -> None:
    """Write a new file that only the server's user can read; never follow or overwrite."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)


def _report(results: list[ImportResult]) -> list[dict[str, Any]]:
    """The results as the review page shows them: counts, warnings, listed problems."""
    return [
        {
            "file": cut(result.file, MAX_NAME_CHARS),
            "table": result.table,
            "counts": dict(result.counts),
            "warnings": [cut(w, MAX_WARNING_CHARS) for w in result.warnings],
            "more_warnings": result.more_warnings,
            "problems": [
                [p.row, p.column or "", cut(p.value or "", MAX_VALUE_CHARS), p.reason]
                for p in result.problems
            ],
            "more_problems": result.more_problems,
            "problem_count": result.problem_count,
        }
        for result in results
    ]


def _run(pending: PendingImport, user: Any, *, dry_run: bool) -> list[ImportResult] | None:
    """Run the import of a pending upload; on refusal keep its report and return None."""
    actor = Actor.person(user, context=f"browser import {pending.file_name}")
    try:
        results = run_import(
            Path(pending.path),
            table=pending.table or None,
            source=pending.source or None,
            dry_run=dry_run,
            actor=actor,
            user=user,
            max_rows=limits.MAX_UPLOAD_ROWS,
        )
    except Unreadable as exc:
        pending.report, pending.ok, pending.error = [], False, cut(str(exc), MAX_ERROR_CHARS)
        return None
    except ImportRefused as refused:
        pending.report, pending.ok, pending.error = _report(refused.results), False, ""
        return None
    pending.report, pending.ok, pending.error = _report(results), True, ""
    return results


def create(upload: Upload, *, user: Any, table: str = "", source: str = "") -> PendingImport:
    """Store an uploaded file and queue its check (`check_upload`), which keeps the report."""
    purge_abandoned_uploads()
    token = secrets.token_urlsafe(16)
    name = Path(upload.name or "upload").name
    path = upload_folder() / f"{token}{Path(name).suffix.lower()}"
    _write_private(path, upload)
    pending = PendingImport(
        token=token,
        user=user,
        file_name=cut(name, MAX_NAME_CHARS),
        path=str(path),
        table=table,
        source=source,
        status=PendingImport.Status.CHECKING,
    )
    try:
        pending.save()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    enqueue(check_upload, pending.pk)
    pending.refresh_from_db()  # the check may have run already (tests run tasks at once)
    return pending


def check_given_up(pending: PendingImport, now: datetime | None = None) -> bool:
    """Whether no worker will finish this upload's check any more: the queue tries a task
    TASKS_ATTEMPTS times, TASKS_RETRY_SECONDS apart, so a check still running after that
    was killed (a worker stopped mid-check, a check past TASKS_TIMEOUT_SECONDS) or never
    taken (no worker runs). The page then says so instead of polling for ever."""
    if pending.status != PendingImport.Status.CHECKING:
        return False
    horizon = timedelta(seconds=settings.TASKS_RETRY_SECONDS * settings.TASKS_ATTEMPTS)
    return (now or timezone.now()) - pending.created_at > horizon


def check_upload(pending_id: int) -> str:
    """The background task behind `create`: check the upload once (a dry run) as the user
    who uploaded it, and keep the report on its record. A refused file is removed at once
    (it cannot be confirmed); a check that breaks down marks the upload failed rather than
    being tried again. Returns what was done, for the task list."""
    checking = PendingImport.Status.CHECKING
    pending = (
        PendingImport.objects.select_related("user").filter(pk=pending_id, status=checking).first()
    )
    if pending is None:
        return "the upload was cancelled or is checked already"
    path = Path(pending.path)
    waiting = PendingImport.objects.filter(pk=pending.pk, status=checking)
    try:
        _run(pending, pending.user, dry_run=True)
    except Exception:
        log.exception("checking the upload %s (%s) failed", pending.pk, pending.file_name)
        path.unlink(missing_ok=True)
        waiting.update(status=PendingImport.Status.FAILED, report=[], ok=False, error="")
        return "the check failed"
    if not pending.ok:
        path.unlink(missing_ok=True)  # a refused file cannot be confirmed: keep its report only
    done = waiting.update(
        status=PendingImport.Status.READY, report=pending.report, ok=pending.ok, error=pending.error
    )
    if not done:  # cancelled while it was checked
        path.unlink(missing_ok=True)
        return "the upload was cancelled"
    return "may be imported" if pending.ok else "refused"


def find(token: str, user: Any) -> PendingImport | None:
    """The pending upload of this token, if `user` uploaded it."""
    if not getattr(user, "is_authenticated", False):
        return None
    return PendingImport.objects.filter(token=token, user=user).first()


def confirm(pending: PendingImport, user: Any) -> list[ImportResult] | None:
    """Import the file for real. On success the file and the record are removed and the
    results returned; when the import is refused now (the registry changed since the
    check), the record keeps the new report and None is returned."""
    results = _run(pending, user, dry_run=False)
    if results is None:
        Path(pending.path).unlink(missing_ok=True)  # refused now: only the report is kept
        pending.save(update_fields=["report", "ok", "error"])
        return None
    cancel(pending)
    return results


def cancel(pending: PendingImport) -> None:
    """Remove a pending upload: its file and its record."""
    Path(pending.path).unlink(missing_ok=True)
    pending.delete()


def purge_abandoned_uploads(now: datetime | None = None) -> int:
    """Remove uploads older than a day (records and files) and stray files; say how many."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    removed = 0
    for pending in PendingImport.objects.filter(created_at__lt=cutoff):
        cancel(pending)
        removed += 1
    folder = upload_folder()
    waiting = set(PendingImport.objects.values_list("path", flat=True))
    for entry in os.scandir(folder):
        if str(folder / entry.name) in waiting or entry.is_dir(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_mtime < cutoff.timestamp():
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed
