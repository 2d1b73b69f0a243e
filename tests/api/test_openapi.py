"""The OpenAPI document is served and matches the committed snapshot."""

from __future__ import annotations

import json
import re

from clusterhub.api.management.commands.openapi import SNAPSHOT, document


def test_the_openapi_document_matches_the_committed_snapshot() -> None:
    assert SNAPSHOT.read_text(encoding="utf-8") == document(), (
        "The API changed: review it, then run `clusterhub openapi --out docs/openapi.json`"
    )


def test_the_document_is_served_at_the_documented_address(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert served["openapi"].startswith("3.")
    assert set(served["paths"]) == set(json.loads(document())["paths"])


def test_every_endpoint_is_in_the_api_guide() -> None:
    guide = (SNAPSHOT.parent / "api.md").read_text(encoding="utf-8")
    paths = json.loads(document())["paths"]
    # "/api/v1/clusters/{pk}/members" is documented by an example such as /clusters/42/members.
    patterns = {p: re.sub(r"\\{[a-z]+\\}", "[A-Za-z0-9]+", re.escape(p)) for p in paths}
    missing = [
        p for p, pattern in patterns.items() if not re.search(pattern + r"(?![/A-Za-z])", guide)
    ]
    assert not missing, f"document these endpoints in docs/api.md: {missing}"
