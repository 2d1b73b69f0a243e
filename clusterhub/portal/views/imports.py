"""Importing a national file from the browser: upload, see the row report, confirm.

The same pipeline as `clusterhub import`; a coordinator's rows are limited to the
countries they coordinate. The upload is checked once, in the worker, when it arrives
(`clusterhub.ingest.uploads`); the review page says the file is being checked and asks
again every two seconds (htmx) until it shows that check's stored report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from clusterhub.accounts.policy import coordinated_countries, is_admin
from clusterhub.accounts.sign_in import sign_in_page
from clusterhub.ingest import limits, uploads
from clusterhub.ingest.models import PendingImport
from clusterhub.ingest.readers import READERS
from clusterhub.portal.upload_limit import UploadLimit
from clusterhub.standard.fields import TABLES

SESSION_KEY = "pending_imports"
MAX_SESSION_TOKENS = 20
TOO_LARGE = gettext_lazy("The file is larger than %(limit)s; use the command line.")
UPLOAD_LIMIT = f"{limits.MAX_UPLOAD_BYTES / 1024**2:g} MB"


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

    def __init__(self, *args: Any, too_large: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        if too_large:  # the file was refused while it arrived, so it is missing
            self.fields["file"].required = False

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if self.too_large or (upload is not None and upload.size > limits.MAX_UPLOAD_BYTES):
            raise forms.ValidationError(TOO_LARGE, params={"limit": UPLOAD_LIMIT})
        if Path(upload.name).suffix.lower() not in READERS:
            raise forms.ValidationError(_("Upload a CSV, XLSX or JSON file."))
        return upload


def _allowed(request: HttpRequest) -> frozenset[str] | None:
    """None for admins (every country), else the coordinator's countries; refuse others."""
    if is_admin(request.user):
        return None
    countries = coordinated_countries(request.user)
    if not countries:
        raise PermissionDenied
    return countries


def _tokens(request: HttpRequest) -> list[str]:
    return list(request.session.get(SESSION_KEY, []))


def _remember(request: HttpRequest, token: str) -> None:
    request.session[SESSION_KEY] = [*_tokens(request), token][-MAX_SESSION_TOKENS:]


def _forget(request: HttpRequest, token: str) -> None:
    request.session[SESSION_KEY] = [t for t in _tokens(request) if t != token]


def _pending(request: HttpRequest, token: str) -> PendingImport | None:
    """The upload of this token if this session and this user made it."""
    if token not in _tokens(request):
        return None
    return uploads.find(token, request.user)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    # The size limit has to be installed before anything reads the body, CSRF check
    # included, so the check runs in `_upload` (Django's documented pattern).
    if not request.user.is_authenticated:
        return sign_in_page(request)
    _allowed(request)
    limit = UploadLimit(request)
    request.upload_handlers = [limit, *request.upload_handlers]
    return _upload(request, limit)


@csrf_protect
def _upload(request: HttpRequest, limit: UploadLimit) -> HttpResponse:
    if request.method != "POST":
        return render(request, "portal/imports/upload.html", {"form": UploadForm()})
    data, files = request.POST, request.FILES  # reads the body through `limit`
    form = UploadForm(data, files, too_large=limit.refused)
    if form.is_valid():
        pending = uploads.create(
            form.cleaned_data["file"],
            user=request.user,
            table=form.cleaned_data["table"],
            source=form.cleaned_data["source"],
        )
        _remember(request, pending.token)
        return redirect("portal:import_review", token=pending.token)
    return render(request, "portal/imports/upload.html", {"form": form})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, token: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return sign_in_page(request)
    _allowed(request)
    pending = _pending(request, token)
    if pending is None:
        messages.error(request, _("This upload is no longer available; upload the file again."))
        return redirect("portal:import_upload")
    ready = pending.status == PendingImport.Status.READY
    if request.method == "POST" and ready and pending.ok:
        results = uploads.confirm(pending, request.user)
        if results is not None:
            _forget(request, token)
            for result in results:
                messages.success(request, result.summary())
            return redirect("portal:cluster_list")
        messages.error(request, _("Nothing was imported: the file has problems now."))
    given_up = uploads.check_given_up(pending)
    context = {
        "pending": pending,
        "checking": pending.status == PendingImport.Status.CHECKING and not given_up,
        "failed": pending.status == PendingImport.Status.FAILED or given_up,
        "results": pending.report,
        "ok": ready and pending.ok,
        "error": pending.error,
        "token": token,
    }
    # htmx asks again while the check runs: it gets the report's part of the page alone.
    template = "portal/imports/check.html" if request.htmx else "portal/imports/review.html"  # type: ignore[attr-defined]
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return sign_in_page(request)
    _allowed(request)
    pending = _pending(request, token)
    if pending is not None:
        uploads.cancel(pending)
        _forget(request, token)
        messages.info(request, _("The upload was cancelled and its file deleted."))
    return redirect("portal:import_upload")
