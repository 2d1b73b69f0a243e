"""Shared by the survey tests: the default questionnaire published, an open round, answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.utils import timezone

from clusterhub.benchmarking import services
from clusterhub.benchmarking.loading import DEFAULT_FILE, load_file
from clusterhub.benchmarking.models import Questionnaire, Survey
from clusterhub.registry.models import Cluster
from tests.personas import SETUP


@pytest.fixture(autouse=True)
def fast_passwords(settings):  # type: ignore[no-untyped-def]
    """The personas' passwords hashed cheaply: these tests are about surveys, not sign-in.
    Test modules import this fixture to use it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# A complete, valid response as a manager types it; tests change one answer at a time.
COMPLETE: dict[str, Any] = {
    "members_total": "120",
    "members_3y_ago": "100",
    "members_sme": "80",
    "members_research": "6",
    "members_foreign": "4",
    "legal_form": "association",
    "board_composition": ["industry", "research"],
    "staff_fte": "3,5",
    "strategy_updated": "2024",
    "manager_experience_years": "7.5",
    "annual_budget_eur": "450 000",
    "funding_membership_pct": "30",
    "funding_public_pct": "40",
    "funding_services_pct": "10",
    "funding_projects_pct": "15",
    "funding_other_pct": "5",
    "events_per_year": "12",
    "training_participants": "340",
    "services_most_used": ["networking", "training"],
    "needs_priority": ["access-to-finance"],
    "member_meetings_per_year": "6",
    "members_in_joint_projects_pct": "35",
    "joint_projects": "9",
    "member_satisfaction": "4",
    "international_projects": "3",
    "eu_funding_eur": "1200000",
    "new_products_or_services": "5",
    "patent_applications": "1",
    "awards": "Cluster management excellence label (silver), 2023",
}


def answers(**changes: Any) -> dict[str, Any]:
    return {**COMPLETE, **changes}


def csv_row(cluster_id: str, **changes: Any) -> dict[str, str]:
    """A file row: multiple choices separated by ;."""
    row = {"cluster_id": cluster_id}
    for key, value in answers(**changes).items():
        row[key] = ";".join(value) if isinstance(value, list) else value
    return row


def form_data(values: dict[str, Any], do: str = "save") -> dict[str, Any]:
    """A POST of the questionnaire form (fields carry the prefix q-)."""
    return {**{f"q-{k}": v for k, v in values.items()}, "do": do}


def published() -> Questionnaire:
    questionnaire, _ = services.publish(load_file(DEFAULT_FILE), actor=SETUP)
    return questionnaire


def open_survey(country: str = "CZ", **extra: Any) -> Survey:
    today = timezone.localdate()
    values = {
        "questionnaire": published(),
        "title": f"Benchmarking {country} 2026",
        "country": country,
        "opens_on": today - dt.timedelta(days=1),
        "closes_on": today + dt.timedelta(days=30),
        **extra,
    }
    return services.create_survey(actor=SETUP, **values)


def invite(survey: Survey, *clusters: Cluster) -> services.Mailing:
    return services.invite(survey, clusters, actor=SETUP, site="http://testserver")


def submit(survey: Survey, cluster: Cluster, **changes: Any) -> None:
    services.save_response(survey, cluster, answers(**changes), submit=True, actor=SETUP)


def default_document() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write_yaml(path: Path, document: Any) -> Path:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def question_of(document: dict[str, Any], question_id: str) -> dict[str, Any]:
    for section in document["sections"]:
        for question in section["questions"]:
            if question["id"] == question_id:
                return question  # type: ignore[no-any-return]
    raise KeyError(question_id)
