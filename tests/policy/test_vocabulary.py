"""The policy vocabularies and the form's help texts are marked for translation and
translated; the demo initiatives obey the standard."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from clusterhub.demo.policy import demo_initiatives
from clusterhub.policy import labels
from clusterhub.standard import vocabularies as vocab
from clusterhub.standard.fields import TABLES
from clusterhub.standard.rows import validate_row

LANGUAGES = ["cs", "sk", "pl", "hu", "de"]
LOCALE = Path(settings.LOCALE_PATHS[0])


def test_every_policy_vocabulary_label_and_column_description_is_marked() -> None:
    marked = set(labels.POLICY_LABELS) | {"Other"}  # "Other" is the registry's
    assert set(vocab.INITIATIVE_LEVELS.values()) | set(vocab.INSTRUMENTS.values()) == marked
    descriptions = {f.description for f in TABLES["policy_initiatives"]}
    assert set(labels.FIELD_DESCRIPTIONS) == descriptions


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_policy_label_is_translated(language: str) -> None:
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    for text in (*labels.POLICY_LABELS, *labels.FIELD_DESCRIPTIONS):
        entry = catalogue.find(text)
        assert entry is not None and entry.msgstr, (language, text)
    with translation.override(language):
        assert translation.gettext("Tax incentive") != "Tax incentive"


def test_the_demo_initiatives_are_valid_generic_and_cover_the_region() -> None:
    rows = demo_initiatives()
    assert 12 <= len(rows) <= 16
    for row in rows:
        _, problems = validate_row("policy_initiatives", row)
        assert problems == [], (row["code"], problems)
        assert "demo" in row["code"] and "demo" in row["name"].lower()
        assert row["link"].startswith("https://example.org/")
    countries = {row.get("country") or row["level"] for row in rows}
    assert countries == {"CZ", "SK", "PL", "HU", "AT", "DE", "eu"}
    assert len({row["code"] for row in rows}) == len(rows)


@pytest.mark.django_db
def test_the_demo_initiatives_import_as_demo_records(db) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from clusterhub.audit.services import Actor
    from clusterhub.demo.loading import DEMO_SOURCE
    from clusterhub.ingest.pipeline import Part, run_import
    from clusterhub.ingest.readers.memory import rows_table
    from clusterhub.policy.models import Initiative

    table = rows_table("demo initiatives", "policy_initiatives", demo_initiatives())
    part = Part(Path("demo-policy_initiatives"), "policy_initiatives", table)
    run_import([part], source=DEMO_SOURCE, actor=Actor.system("demo"), is_demo=True)
    assert Initiative.objects.count() == len(demo_initiatives())
    assert not Initiative.objects.filter(is_demo=False).exists()
    assert set(Initiative.objects.values_list("source", flat=True)) == {"demo"}
