"""Fuzzing the API from its own OpenAPI document: no generated request may get a 5xx.

Schemathesis reads /api/v1/openapi.json from the WSGI application and, for every
operation, sends requests with generated parameters and bodies (valid and invalid ones),
once anonymously and once with an administrator's token, so the writes get past
authentication. Path ids are pointed at organisations that exist for most examples, so
the detail, change, delete and member endpoints reach their real code paths.

Each operation is one test in one transaction, rolled back at the end (pytest-django's
`db`): a database error inside it would itself be answered with a 500, which is what this
looks for. The examples are derandomized, so a run in CI is repeatable; raise
`max_examples` and drop `derandomize` locally to search further.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from clusterhub.accounts.models import User
from clusterhub.accounts.services import create_api_token
from clusterhub.audit.services import Actor
from clusterhub.registry.services import MemberWriter, upsert_cluster
from clusterhub.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

# Bounded so the whole module stays well under a minute on SQLite and PostgreSQL.
FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
SETUP = Actor.system("fuzz set-up")
COUNTRIES = ("CZ", "PL", "SK")


@pytest.fixture
def registry(db: Any) -> Iterator[list[int]]:
    """A few organisations (with members and tags) whose ids the fuzzer aims at."""
    pks = []
    for i, (country, nuts) in enumerate([("CZ", "CZ064"), ("PL", "PL213"), ("SK", "SK031")]):
        cluster, _ = upsert_cluster(
            {
                "id": f"fz-{i}",
                "name": f"Klastr Zdraví {i}",
                "country": country,
                "nuts": nuts,
                "lat": 49.0 + i,
                "lon": 16.0 + i,
                "ecosystems": ["health", "digital"],
                "sectors": ["C29.3"],
                "lifecycle": "growing",
            },
            source="fuzz",
            actor=SETUP,
        )
        pks.append(cluster.pk)
        writer = MemberWriter(actor=SETUP)
        writer.add(cluster.pk, cluster.source_id, {"name": f"Vítkovice {i} a.s.", "type": "sme"})
        writer.finish()
    yield pks


@pytest.fixture
def unthrottled() -> Iterator[None]:
    """Hundreds of requests in a few seconds: lift the rate limits for this test only."""
    from clusterhub.api.main import api

    throttles = list(api.throttle)  # type: ignore[arg-type]
    saved = [t.num_requests for t in throttles]
    for t in throttles:
        t.num_requests = 10**9
    yield
    for t, n in zip(throttles, saved, strict=True):
        t.num_requests = n


@pytest.fixture
def kept_connection() -> Iterator[None]:
    """Like Django's test client: requests must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(db: Any) -> str:
    admin = User.objects.create_user("fuzz-admin", "fuzz@example.org", "A-long-enough-pass-42")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    return create_api_token(admin, "fuzz")


def _aim(case: Any, pks: list[int]) -> None:
    """Steer examples past the first checks so that the writes reach the database.

    Three in four examples address an existing organisation (the rest keep the generated
    id), and half of the generated cluster bodies get a valid id, name and country (other
    fields as generated), so organisations with odd but valid values are really written.
    """
    choice = zlib.crc32(repr((case.body, case.query, case.path_parameters)).encode())
    pk = case.path_parameters.get("pk") if case.path_parameters else None
    numeric = isinstance(pk, int) or (isinstance(pk, str) and pk.isdigit())
    if numeric and choice % 4 != 0:
        case.path_parameters["pk"] = pks[choice % len(pks)]
    body = case.body
    if case.method in ("POST", "PATCH") and isinstance(body, dict) and choice % 2 == 0:
        body["country"] = COUNTRIES[choice % len(COUNTRIES)]
        if case.method == "POST":
            if not isinstance(body.get("id"), str) or not body["id"].strip():
                body["id"] = f"fz-{choice}"
            if not isinstance(body.get("name"), str) or not body["name"].strip():
                body["name"] = f"Fuzz klastr {choice}"


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_no_server_error_for_anonymous_callers(
    case: Any, registry: list[int], unthrottled: None, kept_connection: None
) -> None:
    _aim(case, registry)
    case.call_and_validate(checks=[not_a_server_error])


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_no_server_error_for_an_administrator(
    case: Any, registry: list[int], unthrottled: None, kept_connection: None, admin_token: str
) -> None:
    _aim(case, registry)
    case.call_and_validate(
        headers={"Authorization": f"Bearer {admin_token}"}, checks=[not_a_server_error]
    )
