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


def test_every_operation_documents_the_problems_it_can_answer_with() -> None:
    schema = json.loads(document())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"422", "429"} <= codes, (method, path)
            if "{" in path:
                assert "404" in codes, (method, path)
            if method in ("post", "put", "patch", "delete"):
                assert {"401", "403"} <= codes, (method, path)
            if method in ("post", "put", "patch"):
                assert "413" in codes, (method, path)  # a body over API_MAX_BODY_BYTES
            problem = operation["responses"]["422"]["content"]["application/problem+json"]
            assert problem["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_an_unknown_address_under_the_api_is_a_problem_not_a_page(client, db) -> None:  # type: ignore[no-untyped-def]
    for response in (
        client.get("/api/v1/clusters/abc"),
        client.delete("/api/v1/clusters/null,null"),
        client.get("/api/v1/nothing-here"),
    ):
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_the_interactive_api_docs_load_nothing_from_other_sites(client, db) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "<script>" not in page  # the CSP allows no inline script
