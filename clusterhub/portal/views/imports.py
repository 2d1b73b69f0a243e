"""Importing a national file from the browser: upload, see the row report, confirm.

The same pipeline as `clusterhub import`; a coordinator's rows are limited to the
countries they coordinate.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from clusterhub.accounts.policy import coordinated_countries, is_admin
from clusterhub.audit.services import Actor
from clusterhub.ingest.pipeline import run_import
from clusterhub.ingest.readers import READERS, Unreadable
from clusterhub.ingest.report import ImportRefused, ImportResult
from clusterhub.standard.fields import TABLES

SESSION_KEY = "pending_imports"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (CSV, XLSX or JSON)"))
    table = forms.ChoiceField(
        label=gettext_lazy("Table"),
        required=False,
        choices=[("", gettext_lazy("recognise from the columns"))] + [(t, t) for t in TABLES],
    )
    source = forms.CharField(
        label=gettext_lazy("Source name (optional)"), required=False, max_length=100
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in READERS:
            raise forms.ValidationError(_("Upload a CSV, XLSX or JSON file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB; use the command line."))
        return upload


def _upload_dir() -> Path:
    folder = Path(
        getattr(settings, "UPLOAD_DIR", "") or Path(tempfile.gettempdir()) / "clusterhub-uploads"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _allowed(request: HttpRequest) -> frozenset[str] | None:
    """None for admins (every country), else the coordinator's countries; refuse others."""
    if is_admin(request.user):
        return None
    countries = coordinated_countries(request.user)
    if not countries:
        raise PermissionDenied
    return countries


def _run(
    request: HttpRequest, pending: dict[str, str], dry_run: bool
) -> tuple[list[ImportResult], bool, str]:
    actor = Actor.person(request.user, context=f"browser import {pending['name']}")
    try:
        results = run_import(
            Path(pending["path"]),
            table=pending["table"] or None,
            source=pending["source"] or None,
            dry_run=dry_run,
            actor=actor,
            user=request.user,
        )
    except Unreadable as exc:
        return [], False, str(exc)
    except ImportRefused as refused:
        return refused.results, False, ""
    return results, True, ""


@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    _allowed(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        token = secrets.token_urlsafe(16)
        suffix = Path(upload_file.name).suffix.lower()
        path = _upload_dir() / f"{token}{suffix}"
        with path.open("wb") as handle:
            for chunk in upload_file.chunks():
                handle.write(chunk)
        pending = {
            "path": str(path),
            "name": Path(upload_file.name).name[:200],
            "table": form.cleaned_data["table"],
            "source": form.cleaned_data["source"],
        }
        request.session.setdefault(SESSION_KEY, {})[token] = pending
        request.session.modified = True
        return redirect("portal:import_review", token=token)
    return render(request, "portal/imports/upload.html", {"form": form})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, token: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:login')}?next={request.path}")
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        messages.error(request, _("This upload is no longer available; upload the file again."))
        return redirect("portal:import_upload")
    if request.method == "POST":
        results, ok, error = _run(request, pending, dry_run=False)
        if ok:
            request.session[SESSION_KEY].pop(token, None)
            request.session.modified = True
            Path(pending["path"]).unlink(missing_ok=True)
            for result in results:
                messages.success(request, result.summary())
            return redirect("portal:cluster_list")
    else:
        results, ok, error = _run(request, pending, dry_run=True)
    context = {"pending": pending, "results": results, "ok": ok, "error": error, "token": token}
    return render(request, "portal/imports/review.html", context)
