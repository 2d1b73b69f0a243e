"""A request body over the limit is refused before it is read, as a 413 problem."""

from __future__ import annotations

import io
import json

import pytest
from django.test import override_settings

from clusterhub.accounts.services import create_api_token
from clusterhub.registry.models import Cluster

pytestmark = pytest.mark.django_db

LIMIT = 1_000


class CountingBody(io.BytesIO):
    """A request body that remembers how many bytes the server read from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def oversized(client, method: str, url: str, token: str, body: object):  # type: ignore[no-untyped-def]
    data = json.dumps(body).encode()
    assert len(data) > LIMIT
    stream = CountingBody(data)
    response = client.generic(
        method.upper(),
        url,
        data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **{"wsgi.input": stream},
    )
    return response, stream


@override_settings(API_MAX_BODY_BYTES=LIMIT, DATA_UPLOAD_MAX_MEMORY_SIZE=LIMIT)
def test_it_answers_an_oversized_body_with_a_413_problem_without_reading_it(
    client, personas
) -> None:  # type: ignore[no-untyped-def]
    token = create_api_token(personas.coordinator_cz, "test")
    cluster = personas.cz_cluster
    clusters_before = Cluster.objects.count()
    calls = [
        ("post", "/api/v1/clusters", {"id": "big-1", "name": "x" * 2_000, "country": "CZ"}),
        ("put", f"/api/v1/clusters/{cluster.pk}/members", [{"name": "y" * 2_000}]),
        ("patch", f"/api/v1/clusters/{cluster.pk}", {"description": "z" * 2_000}),
    ]
    for method, url, body in calls:
        response, stream = oversized(client, method, url, token, body)
        assert response.status_code == 413, (method, response.content)
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 413
        assert problem["title"] == "Payload too large"
        assert f"{LIMIT:,} bytes" in problem["detail"]
        assert stream.bytes_read == 0, method
    assert Cluster.objects.count() == clusters_before


def test_it_takes_the_limit_for_api_bodies_from_the_settings() -> None:
    from django.conf import settings

    assert settings.API_MAX_BODY_BYTES == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert settings.API_MAX_BODY_BYTES > 0
