"""The published standard: the Data Package descriptor, the templates and docs/standard.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clusterhub.standard import VERSION, datapackage, markdown
from clusterhub.standard import vocabularies as vocab
from clusterhub.standard.fields import TABLES
from tests.helpers import GOOD_CLUSTER

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs" / "standard.md"

REGENERATE_DESCRIPTOR = (
    "clusterhub/standard/datapackage.json no longer matches the standard's definitions in "
    "clusterhub/standard/fields.py. Regenerate it with:\n"
    "    clusterhub standard --out /tmp/standard && "
    "cp /tmp/standard/datapackage.json clusterhub/standard/datapackage.json"
)
REGENERATE_DOCS = (
    "docs/standard.md no longer matches the standard's definitions in clusterhub/standard/. "
    "Regenerate it with:\n    clusterhub standard --docs docs/standard.md"
)


def test_the_committed_datapackage_json_is_what_the_code_generates() -> None:
    committed = datapackage.PUBLISHED.read_text(encoding="utf-8")
    assert committed == datapackage.dumps(datapackage.descriptor()), REGENERATE_DESCRIPTOR


def test_the_committed_docs_standard_md_is_what_the_code_generates() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown.render(), REGENERATE_DOCS


def test_the_descriptor_has_a_table_schema_for_every_table_with_every_field() -> None:
    package = datapackage.descriptor()
    assert package["version"] == VERSION
    assert package["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    for table, fields in TABLES.items():
        resource = resources[table]
        assert resource["path"] == f"{table}.csv"
        assert [f["name"] for f in resource["schema"]["fields"]] == [f.name for f in fields]
    assert resources["clusters"]["schema"]["primaryKey"] == ["source", "id"]
    assert {"fields": "cluster_id", "reference": {"resource": "clusters", "fields": "id"}} in (
        resources["members"]["schema"]["foreignKeys"]
    )


def test_the_descriptor_declares_the_rules_the_importer_checks() -> None:
    schema = {
        f["name"]: f
        for f in datapackage.descriptor(["clusters"])["resources"][0]["schema"]["fields"]
    }
    assert schema["id"]["constraints"] == {"required": True, "maxLength": 100}
    assert schema["lifecycle"]["constraints"]["enum"] == list(vocab.LIFECYCLE)
    assert schema["founded"]["type"] == "integer"
    assert schema["founded"]["constraints"]["minimum"] == 1900
    assert schema["lat"]["constraints"] == {"minimum": -90, "maximum": 90}
    assert schema["members_total"]["constraints"]["minimum"] == 0
    assert schema["label_valid_until"]["type"] == "date"
    assert schema["contact_email"]["personal"] is True


def test_the_descriptor_patterns_accept_the_values_of_a_good_row() -> None:
    schema = datapackage.descriptor(["clusters"])["resources"][0]["schema"]["fields"]
    for field in schema:
        pattern = field.get("constraints", {}).get("pattern")
        value = GOOD_CLUSTER.get(field["name"], "")
        if pattern and value:
            assert re.fullmatch(pattern, value), (field["name"], value, pattern)


def test_a_public_descriptor_leaves_out_personal_fields() -> None:
    package = datapackage.descriptor(include_personal=False)
    names = {f["name"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert not names & {"contact_name", "contact_email", "contact_phone"}
    assert "name" in names


def test_the_docs_describe_every_column_and_every_vocabulary_code() -> None:
    text = markdown.render()
    for table, fields in TABLES.items():
        assert f"## Table `{table}`" in text
        for field in fields:
            assert f"| `{field.name}` |" in text
    for words in (vocab.ECOSYSTEMS, vocab.SERVICES, vocab.LABELS, vocab.COOPERATION_KINDS):
        for code in words:
            assert f"| `{code}` |" in text


def test_the_standard_command_writes_the_descriptor_and_empty_templates(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "standard"
    outcome = cli("standard", "--out", str(out))
    assert outcome.ok, outcome.error
    assert sorted(p.name for p in out.iterdir()) == [
        "clusters.csv",
        "cooperations.csv",
        "datapackage.json",
        "members.csv",
        "policy_initiatives.csv",
    ]
    descriptor = (out / "datapackage.json").read_text(encoding="utf-8")
    assert descriptor == datapackage.PUBLISHED.read_text(encoding="utf-8")
    assert json.loads(descriptor)["name"] == "clusterhub-registry"
    for table, fields in TABLES.items():
        assert (out / f"{table}.csv").read_text(encoding="utf-8") == ",".join(
            f.name for f in fields
        ) + "\n"


def test_the_empty_templates_import_as_nothing(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "standard"
    assert cli("standard", "--out", str(out)).ok
    outcome = cli("import", str(out / "clusters.csv"))
    assert outcome.ok, outcome.error
    assert "0 created, 0 updated, 0 unchanged" in outcome.stdout


def test_the_standard_command_writes_the_docs(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "standard.md"
    outcome = cli("standard", "--docs", str(docs))
    assert outcome.ok, outcome.error
    assert docs.read_text(encoding="utf-8") == DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give --out DIR"),
        (("--docs", "/nonexistent-folder/standard.md"), "cannot write there"),
    ],
)
def test_the_standard_command_explains_what_it_needs(cli, args, message) -> None:  # type: ignore[no-untyped-def]
    outcome = cli("standard", *args)
    assert not outcome.ok
    assert message in outcome.error
