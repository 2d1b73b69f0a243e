"""Errors as RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """Raised by endpoints: a status, a short title, and details for the caller."""

    def __init__(
        self, status: int, title: str, detail: str = "", errors: list[dict[str, Any]] | None = None
    ):
        super().__init__(title)
        self.status, self.title, self.detail, self.errors = status, title, detail, errors or []


def object_body(request: HttpRequest) -> dict[str, Any]:
    """The request's body, which must be a JSON object; else a 422 problem. A list or a
    string parses to a schema of no fields, and would change nothing while answering 200."""
    try:
        raw = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        raw = None
    if not isinstance(raw, dict):
        raise Problem(422, "Invalid data", "The body must be a JSON object of fields.")
    return raw


def problem_response(
    status: int, title: str, detail: str = "", errors: list[dict[str, Any]] | None = None
) -> HttpResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return HttpResponse(orjson.dumps(body), status=status, content_type=CONTENT_TYPE)


def install(api: NinjaAPI) -> None:
    @api.exception_handler(Problem)
    def _problem(request: HttpRequest, exc: Problem) -> HttpResponse:
        return problem_response(exc.status, exc.title, exc.detail, exc.errors)

    @api.exception_handler(ValidationError)
    def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {"field": ".".join(str(p) for p in e.get("loc", ())[1:]), "reason": e.get("msg", "")}
            for e in exc.errors
        ]
        return problem_response(422, "Invalid request", "Some parameters are not valid.", errors)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem_response(
            401, "Unauthorized", "Send a valid API token: Authorization: Bearer <token>."
        )

    @api.exception_handler(Throttled)
    def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        response = problem_response(429, "Too many requests", "Slow down, or use an API token.")
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    @api.exception_handler(RequestDataTooBig)
    def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        # Raised from the Content-Length header, before a byte of the body is read.
        return problem_response(
            413,
            "Payload too large",
            f"The request body may be at most {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes.",
        )

    @api.exception_handler(PermissionDenied)
    def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        # A service's own policy check (a write no endpoint should have let through).
        return problem_response(403, "Forbidden", "Your role does not allow this.")

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(404, "Not found")

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem_response(exc.status_code, str(exc.message))

    @api.exception_handler(Exception)
    def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Logged with its traceback for the operators; the caller gets no internals.
        import logging

        logging.getLogger("clusterhub.api").exception("API error on %s", request.path)
        return problem_response(500, "Internal error")


PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "value": {},
                    "reason": {"type": "string"},
                },
            },
        },
    },
    "required": ["type", "title", "status"],
}
_MEANINGS = {
    400: "The request body is not readable JSON",
    401: "No valid API token",
    403: "The token's user may not do this",
    404: "No such record",
    409: "The record exists already",
    413: "The request body is larger than the server reads (API_MAX_BODY_BYTES)",
    422: "Invalid parameters or data (each bad field named in `errors`)",
    429: "Too many requests (see Retry-After)",
}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Add to every operation of an OpenAPI document the problem responses it can give."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            codes = [422, 429]
            if "{" in path:
                codes.append(404)
            if operation.get("security"):
                codes += [401, 403]
            if method in ("post", "put", "patch"):
                codes += [400, 413]
            if method == "post":
                codes.append(409)
            responses = operation.setdefault("responses", {})
            for code in sorted(codes):
                responses.setdefault(code, {"description": _MEANINGS[code], "content": content})
    return schema
