"""`clusterhub cooperation metaclusters`: planted cross-border groups of the registry come
out as candidates with their clusters, members, SMEs and reasons; a group at home does not;
the resolution sets the granularity; bad settings are refused in one sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clusterhub.audit.services import Actor
from clusterhub.cooperation import candidates
from clusterhub.cooperation.suggestions import inputs
from clusterhub.registry.models import Cluster
from clusterhub.registry.services import upsert_cluster, upsert_cooperation
from tests.analytics.test_communities import (
    DOMESTIC,
    GROUP_SIZE,
    PLANTED,
    planted_rows,
    section_partners,
)
from tests.conftest import run_console

SETUP = Actor.system("test set-up")


def add(row: dict[str, Any]) -> Cluster:
    fields = {key: value for key, value in row.items() if key != "group"}
    fields["id"] = f"planted-{row['id']}"
    cluster, _ = upsert_cluster(fields, source="TEST", actor=SETUP)
    return cluster


@pytest.fixture
def registry(db: Any) -> dict[str, list[Cluster]]:
    """The planted groups (tourism, digital, health across borders; renewable energy at
    home in CZ) among noise, by group."""
    candidates.forget()
    inputs.forget()
    made: dict[str, list[Cluster]] = {}
    for row in planted_rows(noise=30):
        made.setdefault(str(row["group"]), []).append(add(row))
    return made


def metaclusters(cli: Any, *args: str) -> list[dict[str, Any]]:
    outcome = cli("cooperation", "metaclusters", "--format", "json", *args)
    assert outcome.ok, outcome.error
    found: list[dict[str, Any]] = json.loads(outcome.stdout)
    return found


def holding(found: list[dict[str, Any]], group: list[Cluster]) -> dict[str, Any]:
    """The candidate with the most of the group's clusters."""
    ids = {c.pk for c in group}
    return max(found, key=lambda c: len(ids & {m["id"] for m in c["clusters"]}))


def test_every_planted_cross_border_group_is_a_candidate_with_its_clusters(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    found = metaclusters(cli)
    for ecosystem, (_sectors, countries) in PLANTED.items():
        group = registry[ecosystem]
        candidate = holding(found, group)
        inside = {m["id"] for m in candidate["clusters"]}
        assert len(inside & {c.pk for c in group}) >= GROUP_SIZE - 1, candidate["name"]
        assert candidate["sector"] == ecosystem
        assert candidate["countries"] == sorted(countries)
        assert candidate["name"].endswith(f" meta-cluster ({', '.join(sorted(countries))})")
        chosen = Cluster.objects.filter(pk__in=inside)
        assert candidate["members"] == sum(c.members_total or 0 for c in chosen)
        assert candidate["smes"] == sum(c.members_sme or 0 for c in chosen)
        first = candidate["clusters"][0]
        assert {"id", "name", "country"} <= first.keys()
        assert first["name"] == Cluster.objects.get(pk=first["id"]).name


def test_the_reasons_are_sentences_with_their_numbers(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    tourism = registry["tourism"]
    upsert_cooperation({"kind": "project"}, cluster=tourism[0], partner=tourism[1], actor=SETUP)
    candidate = holding(metaclusters(cli), tourism)
    assert candidate["name"] == "Tourism meta-cluster (AT, CZ, HU, SK)"
    reasons = {r["code"]: r for r in candidate["reasons"]}
    assert set(reasons) >= {"ecosystem", "industry", "countries", "cooperation"}
    assert reasons["ecosystem"]["text"] == "8 of 8 clusters share the ecosystem Tourism"
    assert reasons["ecosystem"]["value"] == 1.0
    assert reasons["countries"]["text"].startswith("spans 4 countries: Austria, ")
    assert reasons["cooperation"]["text"] == "1 existing cooperation link between these clusters"
    assert (
        reasons["industry"]["text"]
        == "mean industry relatedness of their sectors 1.00 over 28 pairs"
    )


def test_a_group_at_home_is_a_candidate_only_when_one_country_is_enough(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    home = {c.pk for c in registry[DOMESTIC[0]]}
    for candidate in metaclusters(cli):
        assert not home & {m["id"] for m in candidate["clusters"]}, candidate["name"]
    loose = holding(metaclusters(cli, "--min-countries", "1"), registry[DOMESTIC[0]])
    assert {m["id"] for m in loose["clusters"]} == home
    assert loose["countries"] == ["CZ"]


def test_a_high_resolution_breaks_the_groups_into_pieces_too_small_to_be_candidates(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    usual = metaclusters(cli, "--resolution", "1")
    fine = metaclusters(cli, "--resolution", "60")
    assert sum(len(c["clusters"]) for c in fine) < sum(len(c["clusters"]) for c in usual)
    coarse = metaclusters(cli, "--resolution", "0.05", "--neighbours", "30")
    assert {c["sector"] for c in coarse} >= set(PLANTED)  # joined, then split by industry


def test_a_new_cluster_in_the_registry_joins_the_next_search(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    metaclusters(cli)
    row = {**planted_rows(noise=0)[0], "id": 500, "name": "Slovenian tourism", "country": "SI"}
    newcomer = add(row)
    candidate = holding(metaclusters(cli), registry["tourism"])
    assert newcomer.pk in {m["id"] for m in candidate["clusters"]}
    assert "SI" in candidate["countries"]


def test_the_table_lists_the_candidates_with_their_reasons(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    outcome = cli("cooperation", "metaclusters", "--format", "table")
    assert outcome.ok, outcome.error
    assert "Tourism meta-cluster (AT, CZ, HU, SK)" in outcome.stdout
    assert "8 of 8 clusters share the ecosystem Tourism" in outcome.stdout


def test_with_an_empty_registry_the_table_says_there_is_no_candidate(cli: Any) -> None:
    candidates.forget()
    outcome = cli("cooperation", "metaclusters")
    assert outcome.ok, outcome.error
    assert "No candidate: no community coherent in industry spans 3 countries." in outcome.stdout
    assert json.loads(cli("cooperation", "metaclusters", "--format", "json").stdout) == []


@pytest.mark.parametrize(
    ("option", "value", "sentence"),
    [
        ("--min-countries", "0", "--min-countries 0: give a whole number of 1 or more"),
        ("--min-countries", "three", "--min-countries three: give a whole number of 1 or more"),
        ("--min-countries", "2.5", "--min-countries 2.5: give a whole number of 1 or more"),
        ("--resolution", "0", "--resolution 0: give a number above 0, for example 1.0"),
        ("--resolution", "-1", "--resolution -1: give a number above 0, for example 1.0"),
        ("--resolution", "fine", "--resolution fine: give a number above 0, for example 1.0"),
        ("--resolution", "nan", "--resolution nan: give a number above 0, for example 1.0"),
        ("--resolution", "inf", "--resolution inf: give a number above 0, for example 1.0"),
        ("--neighbours", "0", "--neighbours 0: give a whole number of 1 to 100"),
        ("--neighbours", "101", "--neighbours 101: give a whole number of 1 to 100"),
        ("--max-clusters", "1", "--max-clusters 1: give a whole number of 2 or more"),
        ("--max-clusters", "many", "--max-clusters many: give a whole number of 2 or more"),
    ],
)
def test_a_bad_setting_is_refused_in_one_sentence_naming_it(
    cli: Any, option: str, value: str, sentence: str
) -> None:
    outcome = cli("cooperation", "metaclusters", "--format", "json", f"{option}={value}")
    assert not outcome.ok
    assert outcome.error == sentence
    assert outcome.stdout == ""


def test_the_console_script_exits_non_zero_without_a_traceback(tmp_path: Path) -> None:
    result = run_console(
        "cooperation", "metaclusters", "--resolution", "none",
        database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode != 0
    assert "--resolution none: give a number above 0, for example 1.0" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_group_that_already_is_a_meta_cluster_says_so_among_its_reasons(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    from clusterhub.cooperation.metaclusters.services import create_meta_cluster

    group = registry["tourism"]
    holding_before = holding(metaclusters(cli), group)
    assert all(r["code"] != "existing_meta_cluster" for r in holding_before["reasons"])
    create_meta_cluster(
        {"name": "Danube <b>Tourism</b>"},
        lead=group[0].pk,
        members=[c.pk for c in group],
        actor=SETUP,
    )
    candidate = holding(metaclusters(cli), group)
    existing = next(r for r in candidate["reasons"] if r["code"] == "existing_meta_cluster")
    inside = len({c.pk for c in group} & {m["id"] for m in candidate["clusters"]})
    assert existing["text"] == (
        f"{inside} of its {len(candidate['clusters'])} clusters already belong to the "
        "meta-cluster Danube <b>Tourism</b>"
    )


def test_partners_of_one_nace_section_are_a_candidate_named_and_explained_by_the_section(
    cli: Any, registry: dict[str, list[Cluster]]
) -> None:
    partners = [add(row) for row in section_partners()]
    for n, cluster in enumerate(partners):
        for partner in partners[n + 1 :]:
            upsert_cooperation({"kind": "project"}, cluster=cluster, partner=partner, actor=SETUP)
    candidate = holding(metaclusters(cli), partners)
    assert {c["id"] for c in candidate["clusters"]} == {c.pk for c in partners}
    assert (candidate["kind"], candidate["sector"]) == ("section", "J")
    assert candidate["name"] == "J Information and communication meta-cluster (AT, CZ, PL, SI)"
    reasons = {r["code"]: r["text"] for r in candidate["reasons"]}
    assert reasons["section"] == "6 of 6 clusters work in J Information and communication"
    assert reasons["cooperation"] == "15 existing cooperation links between these clusters"
