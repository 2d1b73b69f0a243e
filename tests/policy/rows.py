"""Initiative rows and records shared by the policy tests."""

from __future__ import annotations

from typing import Any

from clusterhub.audit.services import Actor
from clusterhub.policy.models import Initiative
from clusterhub.policy.services import upsert_initiative
from clusterhub.standard.rows import validate_row

SETUP = Actor.system("test set-up")

# A complete, valid row; tests override single cells to break one rule at a time.
GOOD_INITIATIVE: dict[str, str] = {
    "code": "cz-msk-voucher",
    "name": "Voucher na internacionalizaci – Moravskoslezský kraj",  # noqa: RUF001
    "name_en": "Internationalisation voucher – Moravian-Silesian Region",  # noqa: RUF001
    "level": "regional",
    "country": "CZ",
    "region": "CZ080",
    "instrument": "voucher",
    "start": "2024-03-01",
    "end": "2026",
    "budget": "20 000 000,50",
    "currency": "czk",
    "sectors": "C29;28",
    "ecosystems": "mobility-transport-automotive",
    "link": "https://example.org/msk-voucher",
    "managing_body": "Krajská agentura",
    "description": "Vouchery pro účast na zahraničních veletrzích.",
    "description_en": "Vouchers for trade fairs abroad.",
    "source": "",
    "updated": "2025-01-15",
}


def initiative_row(**changes: str) -> dict[str, str]:
    return {**GOOD_INITIATIVE, **changes}


def add(code: str, level: str = "national", **cells: Any) -> Initiative:
    """An initiative stored through the service, from cells as a file would give them."""
    raw = {"code": code, "name": cells.pop("name", f"Initiative {code}"), "level": level}
    raw.update({k: str(v) for k, v in cells.items()})
    clean, problems = validate_row("policy_initiatives", raw)
    assert problems == [], problems
    initiative, _ = upsert_initiative(clean, actor=SETUP)
    return initiative
